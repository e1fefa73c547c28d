import {
  DOCUMENT,
  DestroyRef,
  EnvironmentInjector,
  Injectable,
  NgZone,
  PLATFORM_ID,
  inject,
  runInInjectionContext,
  signal,
} from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { BehaviorSubject, Observable, type Subscription } from 'rxjs';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import { GENESYS_CHAT_CONFIG, type GenesysLoadStrategy } from '../config/genesys-chat-config';
import { notBrowser } from '../errors/not-browser';
import type { ChatEngine } from './chat-engine';
import { GENESYS_MESSAGING_WIDGET } from '../drivers/messaging-widget';
import type {
  GenesysChatEvent,
  GenesysChatStatus,
  StartChatOptions,
  StartChatResult,
} from './genesys-chat-types';
import { scheduleLoad } from './load-strategy';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';

const STRATEGIES: readonly GenesysLoadStrategy[] = ['eager', 'idle', 'interaction', 'manual'];

/**
 * Loads Genesys Messenger once, reports readiness, sets the customer's CRM attributes and starts
 * the chat. Every failure is a `GenesysChatError`; nothing is sent to Genesys unless it is valid.
 *
 * This class is deliberately thin: the engine behind it (validation, the loader, the Genesys
 * plumbing, the RxJS pipelines) is a separate chunk imported on first use, so a page pays for it
 * only once chat is wanted.
 */
@Injectable({ providedIn: 'root' })
export class GenesysChatService {
  private readonly injector = inject(EnvironmentInjector);
  private readonly document = inject(DOCUMENT);
  private readonly rawConfig = inject(GENESYS_CHAT_CONFIG, { optional: true });
  private readonly zone = inject(NgZone);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  private readonly statusSignal = signal<GenesysChatStatus>('idle');
  private readonly statusSubject = new BehaviorSubject<GenesysChatStatus>('idle');
  private engineLoad: Promise<ChatEngine> | null = null;
  private destroyed = false;
  private cancelSchedule: () => void = () => undefined;

  /** Current status, for templates: `'idle' | 'loading' | 'ready' | 'starting' | 'open' | 'failed'`. */
  readonly status = this.statusSignal.asReadonly();

  /** Every status change, starting with the current one. */
  readonly status$: Observable<GenesysChatStatus> = this.statusSubject.asObservable();

  /**
   * Emits once and completes when Messenger is usable (Database ready plus Messenger ready, or
   * MessagingService ready in headless mode). Subscribing starts the load. Errors with
   * `READY_TIMEOUT` after `readyTimeoutMs`, `SCRIPT_LOAD_FAILED`, `INVALID_CONFIG`, or at once
   * `NOT_BROWSER` on the server. Late subscribers get the same outcome without a second load;
   * `load()` retries a failed one.
   */
  readonly ready$: Observable<void> = this.fromEngine((engine) => engine.ready$, 'error');

  /** Typed Messenger events. One Genesys subscription per event, however many subscribers. Silent on the server. */
  readonly events$: Observable<GenesysChatEvent> = this.fromEngine(
    (engine) => engine.events$,
    'silent',
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.cancelSchedule();
      this.statusSubject.complete();
    });
  }

  /** Starts loading Messenger (or joins the load under way) and resolves when it is ready. After a failure, retries. */
  load(): Promise<void> {
    return this.engine().then((engine) => engine.load());
  }

  /**
   * Validates the customer, waits for Messenger, sets the CRM custom attributes with `Database.set`,
   * waits for Genesys to confirm them, then opens Messenger (or, headless, starts the conversation).
   * Concurrent calls with the same customer and attributes share one sequence; different customers
   * run one after the other, so their attributes never mix.
   */
  startChat(customer: CrmCustomer | string, options?: StartChatOptions): Promise<StartChatResult> {
    return this.engine().then((engine) => engine.startChat(customer, options));
  }

  /** Validates and merges attributes into Messenger's custom attributes (`Database.set`). They reach Genesys with the next message. */
  setAttributes(attributes: GenesysAttributes): Promise<void> {
    return this.engine().then((engine) => engine.setAttributes(attributes));
  }

  /**
   * At login: remembers the customer for this browser tab and applies their attributes as soon as
   * Messenger's Database is ready, and again on every page load until `clearIdentity()`.
   * Does not load Messenger by itself.
   */
  identify(customer: CrmCustomer | string): Promise<void> {
    return this.engine().then((engine) => engine.identify(customer));
  }

  /** At logout: forgets the customer and removes the attributes from Messenger's page memory. Data already sent stays on the conversation. */
  clearIdentity(): Promise<void> {
    return this.engine().then((engine) => engine.clearIdentity());
  }

  /**
   * Explains why Messenger is not working: the script host, the deployment's config (404 wrong
   * deployment id or environment, Inactive, origin not in the allowed domains), CSP blocks, and a
   * probable ad blocker. Each finding has a code, a sentence and the fix. Development builds run
   * it by themselves when a load fails and print the findings as console warnings.
   */
  diagnose(): Promise<GenesysDiagnosis> {
    return this.engine().then((engine) => engine.diagnose());
  }

  /** @internal Starts the configured load strategy; called once by `provideGenesysChat`. */
  scheduleConfiguredLoad(): void {
    if (!this.isBrowser) return;
    const wanted = this.rawConfig?.load;
    // An unknown strategy still loads (idle), so the engine can report INVALID_CONFIG through status.
    const strategy = STRATEGIES.includes(wanted as GenesysLoadStrategy)
      ? (wanted as GenesysLoadStrategy)
      : 'idle';
    // Listeners and idle callbacks outside the zone: a pointerdown should not cost a change detection.
    this.cancelSchedule = this.zone.runOutsideAngular(() =>
      scheduleLoad(strategy, this.document.defaultView as Window, () =>
        this.load().catch(
          () => undefined /* reflected in status; the engine logs it in debug mode */,
        ),
      ),
    );
  }

  private engine(): Promise<ChatEngine> {
    if (!this.isBrowser) return Promise.reject(notBrowser());
    const host = {
      setStatus: (status: GenesysChatStatus) => this.setStatus(status),
      status: () => this.statusSubject.value,
    };
    // The driver: Genesys Messenger by default, or a widget of the tutorial's shape (withMessagingWidget).
    const load: Promise<(h: typeof host) => ChatEngine> = this.injector.get(
      GENESYS_MESSAGING_WIDGET,
      null,
    )
      ? import('../drivers/messaging-widget-engine').then(
          (m) => (h) => new m.MessagingWidgetEngine(h),
        )
      : import('./genesys-chat-engine').then((m) => (h) => new m.GenesysChatEngine(h));
    return (this.engineLoad ??= load.then((create) => {
      // A dead app gets no engine: its promises simply never settle.
      if (this.destroyed) return new Promise<never>(() => undefined);
      return runInInjectionContext(this.injector, () => create(host));
    }));
  }

  private fromEngine<T>(
    pick: (engine: ChatEngine) => Observable<T>,
    onServer: 'error' | 'silent',
  ): Observable<T> {
    return new Observable<T>((subscriber) => {
      if (!this.isBrowser) {
        if (onServer === 'error') subscriber.error(notBrowser());
        return undefined;
      }
      let inner: Subscription | undefined;
      let closed = false;
      this.engine().then(
        (engine) => {
          if (!closed) inner = pick(engine).subscribe(subscriber);
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    });
  }

  private setStatus(status: GenesysChatStatus): void {
    if (this.statusSubject.value === status || this.destroyed) return;
    this.statusSignal.set(status);
    this.statusSubject.next(status);
  }
}
