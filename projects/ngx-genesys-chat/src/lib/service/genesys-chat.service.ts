import { DOCUMENT, DestroyRef, Injectable, NgZone, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import type { Observable } from 'rxjs';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import { GENESYS_CHAT_CONFIG, type GenesysLoadStrategy } from '../config/genesys-chat-config';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import { ChatEngineLoading, noPanel } from './chat-engine-loading';
import { ChatServiceState } from './chat-service-state';
import type {
  ClearIdentityOptions,
  GenesysChatEvent,
  GenesysChatStatus,
  StartChatOptions,
  StartChatResult,
} from './genesys-chat-types';
import { scheduleLoad } from './load-strategy';

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
  private readonly document = inject(DOCUMENT);
  private readonly rawConfig = inject(GENESYS_CHAT_CONFIG, { optional: true });
  private readonly zone = inject(NgZone);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  /** What the service shows, written by the engine (plumbing kept out of this reference file). */
  private readonly state = new ChatServiceState();
  /** The engine's lazy import, the stream composition, and pending-task tracking. */
  private readonly engine = new ChatEngineLoading(this.state);
  private cancelSchedule: () => void = () => undefined;

  /** Current status, for templates: `'idle' | 'loading' | 'ready' | 'starting' | 'open' | 'failed'`. */
  readonly status = this.state.status.asReadonly();

  /** Every status change, starting with the current one. */
  readonly status$: Observable<GenesysChatStatus> = this.state.status$.asObservable();

  /**
   * Whether Messenger's panel is open, from `Conversations.opened` / `Conversations.closed`.
   * False until Messenger is loaded; stays false in headless mode (there is no panel).
   */
  readonly isOpen = this.state.open.asReadonly();

  /**
   * Agent messages the customer has not seen, for a badge: outbound messages that arrived while
   * the panel was closed or the tab hidden. History (a restored conversation, older pages) never
   * counts, and each message once. Back to 0 when the panel opens (or the tab becomes visible with
   * it open), when the conversation is cleared, and at `clearIdentity({ endConversation: true })`.
   */
  readonly unreadCount = this.state.unread.asReadonly();

  /** `unreadCount` as an Observable, starting with the current count. */
  readonly unreadCount$: Observable<number> = this.state.unread$.asObservable();

  /**
   * Emits once and completes when Messenger is usable (Database ready plus Messenger ready, or
   * MessagingService ready in headless mode). Subscribing starts the load. Errors with
   * `READY_TIMEOUT` after `readyTimeoutMs`, `SCRIPT_LOAD_FAILED`, `INVALID_CONFIG`, or at once
   * `NOT_BROWSER` on the server. Late subscribers get the same outcome without a second load;
   * `load()` retries a failed one.
   */
  readonly ready$: Observable<void> = this.engine.ready$();

  /** Typed Messenger events. One Genesys subscription per event, however many subscribers. Silent on the server. */
  readonly events$: Observable<GenesysChatEvent> = this.engine.events$();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.state.destroy();
      this.cancelSchedule();
    });
  }

  /** Starts loading Messenger (or joins the load under way) and resolves when it is ready. After a failure, retries. */
  async load(): Promise<void> {
    return this.engine.withEngine((engine) => engine.load(), 'load');
  }

  /**
   * Validates the customer, waits for Messenger, makes Messenger's custom attributes exactly the
   * customer's (`Database.remove`, then `Database.set`), waits for Genesys to confirm them, then
   * opens Messenger (or, headless, starts the conversation). Resolves with exactly the attributes
   * Messenger held when it opened. Concurrent identical calls share one start; a later call for
   * another customer, `identify()` or `clearIdentity()` supersedes a start that has not opened
   * yet, which then rejects with `SUPERSEDED` (see the README's ordering table).
   */
  async startChat(
    customer: CrmCustomer | string,
    options?: StartChatOptions,
  ): Promise<StartChatResult> {
    return this.engine.withEngine((engine) => engine.startChat(customer, options), 'startChat');
  }

  /**
   * Opens Messenger without a customer (an anonymous help page), loading it if needed. With a
   * stored or current identity it opens only once Messenger holds those attributes: it is a start
   * with the attributes as they are, so it supersedes nothing, joins a start under way, and is
   * itself superseded (`SUPERSEDED`) by a later `startChat()` for a customer, `identify()` or
   * `clearIdentity()`. Headless: starts the conversation (`MessagingService.startConversation`).
   */
  async open(): Promise<void> {
    return this.engine.withEngine(async (engine) => {
      if (!engine.openPanel) throw noPanel('open()');
      return engine.openPanel();
    }, 'open');
  }

  /** Closes Messenger's panel (`Messenger.close`). Resolves at once when Messenger is not loaded. */
  async close(): Promise<void> {
    return this.engine.withEngine(async (engine) => {
      if (!engine.closePanel) throw noPanel('close()');
      return engine.closePanel();
    });
  }

  /**
   * Shows Messenger's own launcher button, loading Messenger if needed. Needs the deployment's
   * launcher visibility `OnDemand` ("Hide until triggered by business logic"); once shown it may
   * stay visible while a conversation is active. `Launcher.show` is UNCONFIRMED in Genesys'
   * primary sources (docs/genesys-api.md): prefer launcher `Off` and your own button.
   */
  async showLauncher(): Promise<void> {
    return this.engine.withEngine(async (engine) => {
      if (!engine.showLauncher) throw noPanel('showLauncher()');
      return engine.showLauncher();
    });
  }

  /** Hides Messenger's own launcher button (`Launcher.hide`, UNCONFIRMED; see `showLauncher()`). */
  async hideLauncher(): Promise<void> {
    return this.engine.withEngine(async (engine) => {
      if (!engine.hideLauncher) throw noPanel('hideLauncher()');
      return engine.hideLauncher();
    });
  }

  /**
   * Validates and merges attributes into Messenger's custom attributes (`Database.set`); the merged
   * map must stay within 2048 bytes (`ATTRIBUTES_TOO_LARGE`, nothing sent). The CRM id and tier
   * keys are set by `identify()` / `startChat()` only. They reach Genesys with the next message.
   */
  async setAttributes(attributes: GenesysAttributes): Promise<void> {
    return this.engine.withEngine((engine) => engine.setAttributes(attributes), 'setAttributes');
  }

  /**
   * At login: remembers the customer for this browser tab and makes Messenger's custom attributes
   * theirs as soon as its Database is ready, and again on every page load until `clearIdentity()`.
   * Does not load Messenger by itself; resolves at once while Messenger's Database is not ready.
   */
  async identify(customer: CrmCustomer | string): Promise<void> {
    return this.engine.withEngine((engine) => engine.identify(customer), 'identify');
  }

  /**
   * At logout: forgets the customer and removes the attributes from Messenger's page memory; once
   * it resolves no CRM id or tier is left, and no start made before it can put one back. Data
   * already sent stays on the conversation.
   *
   * `{ endConversation: true }` (a shared computer): also, while Messenger's socket is still up,
   * ends the conversation on the Genesys side (`MessagingService.clearConversation`, where the
   * deployment allows conversation clear; waits for `conversationCleared` up to `commandTimeoutMs`),
   * then runs `Identifiers.purgeAll` and removes Messenger's two host-page localStorage keys. On a
   * page that has not loaded Messenger it loads it first (within `readyTimeoutMs`), because a
   * conversation restored from an earlier page load can only be ended by a loaded Messenger; if
   * the load fails, only the keys go (`notLoaded`). It does not reject
   * because the conversation could not be ended: `events$` emits `identityCleared` with the
   * outcome, and development builds warn naming the deployment setting. Reload the page afterwards
   * for a full reset (Messenger keeps state in memory and under Genesys' origin).
   */
  async clearIdentity(options?: ClearIdentityOptions): Promise<void> {
    return this.engine.withEngine((engine) => engine.clearIdentity(options), 'clearIdentity');
  }

  /**
   * Explains why Messenger is not working: the script host, the deployment's config (404 wrong
   * deployment id or environment, Inactive, origin not in the allowed domains), CSP blocks, and a
   * probable ad blocker. Each finding has a code, a sentence and the fix. Development builds run
   * it by themselves when a load fails and print the findings as console warnings.
   */
  async diagnose(): Promise<GenesysDiagnosis> {
    return (await this.engine.engine()).diagnose();
  }

  /**
   * @internal Page context beside the customer's attributes, for `ngx-genesys-chat/router`: kept
   * until Messenger loads (this never loads it), then ridden with the next write.
   */
  ɵsetContext(attributes: GenesysAttributes): void {
    this.state.context = attributes;
    this.engine.ifLoaded((engine) => engine.setContext?.(attributes));
  }

  /**
   * @internal A page view for `withRouterContext({ pageView: true })`: sent only if Messenger is
   * loaded and the deployment has journey events on; never loads Messenger, never rejects.
   */
  ɵpageView(view: { pageTitle: string; pageLocation: string }): void {
    this.engine.ifLoaded((engine) => void engine.recordPageView?.(view).catch(() => undefined));
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
}
