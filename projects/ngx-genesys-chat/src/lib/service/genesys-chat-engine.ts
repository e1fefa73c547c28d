import { DOCUMENT, DestroyRef, NgZone, PLATFORM_ID, inject, isDevMode } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { Observable, timeout } from 'rxjs';
import { diagnose } from '../diagnostics/diagnose';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import type { ChatEngine, ChatEngineHost } from './chat-engine';
import {
  GENESYS_CHAT_CONFIG,
  type GenesysChatMode,
  type ResolvedGenesysChatConfig,
} from '../config/genesys-chat-config';
import { resolveGenesysChatConfig } from '../config/resolve-config';
import {
  buildAttributes,
  buildCustomerAttributes,
  type CustomAttributes,
} from '../attributes/build-attributes';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import { invalidAttributes, messengerError, readyTimeout } from '../errors/errors';
import { notBrowser } from '../errors/not-browser';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import { runGenesysCommand } from '../messenger/genesys-command';
import { genesysEventDispatcher } from '../messenger/genesys-event-dispatcher';
import type { GenesysEventEnvelope, GenesysWindow } from '../messenger/genesys-global';
import { GenesysScriptLoader } from '../messenger/genesys-script-loader';
import { GENESYS_LOADER } from '../messenger/genesys-loader';
import { utf8Bytes } from '../attributes/attribute-rules';
import { IdentityStore } from './identity-store';
import type {
  GenesysChatEvent,
  GenesysChatStatus,
  StartChatOptions,
  StartChatResult,
} from './genesys-chat-types';

const MAX_MESSAGE_BYTES = 4096;
const CUSTOM_ATTRIBUTES = 'messaging.customAttributes';

/**
 * Everything behind `GenesysChatService`: loads Genesys Messenger once, reports readiness, sets the
 * customer's CRM attributes and starts the chat. Every failure is a `GenesysChatError`; nothing is
 * sent to Genesys unless it is valid. It lives in its own chunk, imported on first use, so an app
 * pays for it only when chat is wanted. Created in the root injection context.
 */
export class GenesysChatEngine implements ChatEngine {
  private readonly rawConfig = inject(GENESYS_CHAT_CONFIG, { optional: true });
  private readonly loader =
    inject(GENESYS_LOADER, { optional: true }) ?? inject(GenesysScriptLoader);
  private readonly zone = inject(NgZone);
  private readonly document = inject(DOCUMENT);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  private readonly identity = new IdentityStore(this.isBrowser ? this.document.defaultView : null);

  /** Undone when the app is destroyed; entries remove themselves when they end earlier. */
  private readonly teardowns = new Set<() => void>();
  private readonly aborter = new AbortController();
  private readonly seenReady = new Set<string>();
  private readonly inFlight = new Map<string, Promise<StartChatResult>>();
  private configCache: ResolvedGenesysChatConfig | GenesysChatError | undefined;
  private attempt: Promise<void> | null = null;
  private attemptFailed = false;
  private scriptState: 'none' | 'loading' | 'loaded' | 'failed' = 'none';
  private readonly cspViolations: { directive: string; blockedUri: string }[] = [];
  private retrying = false;
  private startQueue: Promise<unknown> = Promise.resolve();
  private messengerOpen = false;

  /**
   * Emits once and completes when Messenger is usable (Database ready plus Messenger ready, or
   * MessagingService ready in headless mode). Subscribing starts the load. Errors with
   * `READY_TIMEOUT`, `SCRIPT_LOAD_FAILED`, `INVALID_CONFIG` or `NOT_BROWSER`. Late subscribers get
   * the same outcome without a second load; `load()` retries a failed one.
   */
  readonly ready$: Observable<void> = new Observable<void>((subscriber) => {
    // Delivered inside the zone so zone.js apps re-render; nothing runs for a closed subscriber.
    this.currentAttempt().then(
      () => this.zone.run(() => (subscriber.next(), subscriber.complete())),
      (error: unknown) => this.zone.run(() => subscriber.error(error)),
    );
  });

  /** Messenger events, typed. One Genesys subscription per event, however many subscribers. */
  readonly events$: Observable<GenesysChatEvent> = new Observable<GenesysChatEvent>(
    (subscriber) => {
      const offs = this.genesysEvents().map(([name, toEvent]) =>
        this.listen(name, (envelope) => this.zone.run(() => subscriber.next(toEvent(envelope)))),
      );
      const complete = () => subscriber.complete();
      this.teardowns.add(complete);
      return () => {
        this.teardowns.delete(complete);
        offs.forEach((off) => off());
      };
    },
  );

  constructor(private readonly host: ChatEngineHost) {
    inject(DestroyRef).onDestroy(() => this.destroy());
    if (!this.isBrowser) return;
    // Kept from the start, so diagnose() can tell a CSP block from an ad blocker.
    const doc = this.document;
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (this.cspViolations.length < 20)
        this.cspViolations.push({ directive: e.violatedDirective, blockedUri: e.blockedURI });
    };
    this.zone.runOutsideAngular(() => doc.addEventListener('securitypolicyviolation', onViolation));
    for (const teardown of [
      () => doc.removeEventListener('securitypolicyviolation', onViolation),
      this.listen('Database.ready', () => this.applyStoredIdentity()),
      this.listen('Messenger.opened', () => this.onOpenChange(true)),
      this.listen('Messenger.closed', () => this.onOpenChange(false)),
    ]) {
      this.teardowns.add(teardown);
    }
  }

  /**
   * Starts loading Messenger (or joins the load under way) and resolves when it is ready.
   * After a failure, calling it again retries.
   */
  load(): Promise<void> {
    if (this.attemptFailed) {
      this.attempt = null;
      this.attemptFailed = false;
      this.retrying = true;
    }
    return this.currentAttempt();
  }

  /**
   * Validates the customer, waits for Messenger, sets the CRM custom attributes with `Database.set`,
   * waits for Genesys to confirm them, then opens Messenger (or, headless, starts the conversation).
   * Concurrent calls with the same customer and attributes share one sequence; different customers
   * run one after the other, so their attributes never mix.
   */
  startChat(
    customer: CrmCustomer | string,
    options: StartChatOptions = {},
  ): Promise<StartChatResult> {
    let config: ResolvedGenesysChatConfig;
    let attributes: CustomAttributes;
    try {
      config = this.config();
      attributes = buildCustomerAttributes(customer, options?.attributes, config);
      checkMessage(options?.message);
    } catch (error) {
      return Promise.reject(error);
    }
    const message = options?.message;
    const key = JSON.stringify([Object.entries(attributes), message ?? null]);
    const existing = this.inFlight.get(key);
    if (existing) return existing;

    const run = this.enqueue(() => this.runStart(config, attributes, message));
    this.inFlight.set(key, run);
    const forget = () => this.inFlight.delete(key);
    run.then(forget, forget);
    return run;
  }

  /**
   * Validates and merges attributes into Messenger's custom attributes (Genesys' `Database.set`
   * semantics). They reach Genesys with the customer's next message.
   */
  setAttributes(attributes: GenesysAttributes): Promise<void> {
    let config: ResolvedGenesysChatConfig;
    let checked: CustomAttributes;
    try {
      config = this.config();
      checked = buildAttributes(attributes, config);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.enqueue(async () => {
      await this.load();
      await this.command('Database.set', { messaging: { customAttributes: checked } }, config);
    });
  }

  /**
   * Remembers the signed-in customer for this browser tab and applies their attributes as soon as
   * Messenger's Database is ready, and again on every page load until `clearIdentity()`.
   * Does not load Messenger by itself.
   */
  identify(customer: CrmCustomer | string): Promise<void> {
    let config: ResolvedGenesysChatConfig;
    let attributes: CustomAttributes;
    try {
      config = this.config();
      attributes = buildCustomerAttributes(customer, undefined, config);
    } catch (error) {
      return Promise.reject(error);
    }
    this.identity.save(attributes);
    if (!this.seenReady.has('Database.ready')) return Promise.resolve();
    return this.enqueue(() => this.replaceAttributes(attributes, config));
  }

  /** Forgets the customer (call it at logout) and removes the attributes from Messenger's page memory. Data already sent stays on the conversation. */
  clearIdentity(): Promise<void> {
    this.identity.clear();
    if (!this.seenReady.has('Database.ready')) return Promise.resolve();
    let config: ResolvedGenesysChatConfig;
    try {
      config = this.config();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.enqueue(async () => {
      await this.command('Database.remove', { name: CUSTOM_ATTRIBUTES }, config);
    });
  }

  /** Explains why Messenger is not working; see `GenesysChatService.diagnose()`. */
  diagnose(): Promise<GenesysDiagnosis> {
    const win = this.document.defaultView as (Window & typeof globalThis) | null;
    if (!this.isBrowser || !win) return Promise.reject(notBrowser());
    try {
      this.config();
    } catch {
      // reported as CONFIG_INVALID below
    }
    return diagnose({
      config: this.configCache as ResolvedGenesysChatConfig | GenesysChatError,
      scriptState: this.scriptState,
      cspViolations: this.cspViolations,
      ready:
        this.configCache instanceof Error
          ? false
          : this.missingReady(this.configCache?.mode ?? 'messenger').length === 0,
      fetch: win.fetch.bind(win),
    });
  }

  /** In development builds a failed load explains itself on the console (warnings, never values). */
  private explainInDevMode(): void {
    const win = this.document.defaultView;
    if (!isDevMode() || typeof win?.fetch !== 'function') return;
    this.diagnose().then(
      (d) => {
        for (const f of d.findings)
          console.warn(`[ngx-genesys-chat] ${f.code}: ${f.message} Fix: ${f.fix}`);
      },
      () => undefined,
    );
  }

  // ---- loading -----------------------------------------------------------------------------

  /**
   * One load attempt, shared by every caller until it fails. Left unsettled if the app is destroyed
   * first: its timer is cleared and nothing is left to act on the outcome.
   */
  private currentAttempt(): Promise<void> {
    if (this.attempt) return this.attempt;
    const attempt = new Promise<void>((resolve, reject) => {
      // Outside the zone so the deadline timer never holds the app unstable (and hydration waiting).
      const subscription = this.zone.runOutsideAngular(() =>
        this.readiness().subscribe({
          next: () => {
            this.setStatus(this.messengerOpen ? 'open' : 'ready');
            resolve();
          },
          error: (error: GenesysChatError) => {
            this.attemptFailed = true;
            this.setStatus('failed');
            if (this.configCache && !(this.configCache instanceof Error)) {
              this.debugLog(this.configCache, `load failed: ${error.code}`);
            }
            this.explainInDevMode();
            reject(error);
          },
        }),
      );
      if (!subscription.closed) {
        const stop = () => subscription.unsubscribe();
        this.teardowns.add(stop);
        subscription.add(() => this.teardowns.delete(stop));
      }
    });
    // Callers handle the outcome; this keeps an unobserved failure from being reported as unhandled.
    attempt.catch(() => undefined);
    return (this.attempt = attempt);
  }

  /** Installs the stub, loads the script, and emits once every ready event has arrived, within readyTimeoutMs. */
  private readiness(): Observable<void> {
    const started = new Observable<void>((subscriber) => {
      if (!this.isBrowser) throw notBrowser();
      const config = this.config();
      this.setStatus('loading');
      this.loader.installStub(config);
      this.dispatcher().attach();
      this.scriptState = 'loading';
      this.loader.loadScript(config, this.retrying).then(
        () => (this.scriptState = 'loaded'),
        (error: unknown) => {
          this.scriptState = 'failed';
          subscriber.error(error);
        },
      );
      this.retrying = false;
      const needed = readyEventsFor(config.mode);
      const seen = new Set<string>();
      const offs = needed.map((name) =>
        this.listen(name, () => {
          seen.add(name);
          if (seen.size === needed.length) {
            subscriber.next();
            subscriber.complete();
          }
        }),
      );
      return () => offs.forEach((off) => off());
    });
    let config: ResolvedGenesysChatConfig | undefined;
    try {
      config = this.config();
    } catch {
      return started; // errors with INVALID_CONFIG on subscription
    }
    const ms = config.readyTimeoutMs;
    return started.pipe(
      timeout({
        first: ms,
        with: () =>
          new Observable<never>((s) => s.error(readyTimeout(ms, this.missingReady(config.mode)))),
      }),
    );
  }

  private missingReady(mode: GenesysChatMode): string[] {
    return readyEventsFor(mode).filter((name) => !this.seenReady.has(name));
  }

  // ---- starting ----------------------------------------------------------------------------

  private async runStart(
    config: ResolvedGenesysChatConfig,
    attributes: CustomAttributes,
    message: string | undefined,
  ): Promise<StartChatResult> {
    await this.load();
    this.setStatus('starting');
    try {
      // Genesys only learns the attributes with the next message, so they must be in place before the UI can send one.
      await this.replaceAttributes(attributes, config);
      if (config.mode === 'messenger') {
        await this.command('Messenger.open', {}, config);
      } else {
        await this.startHeadlessConversation(config);
      }
      if (message !== undefined) {
        await this.command('MessagingService.sendMessage', { message }, config);
      }
      this.messengerOpen = true;
      this.setStatus('open');
      this.debugLog(config, `chat started with attributes ${Object.keys(attributes).join(', ')}`);
      return { attributes, mode: config.mode };
    } catch (error) {
      this.setStatus(this.messengerOpen ? 'open' : 'ready');
      throw error;
    }
  }

  /**
   * Messenger's custom attributes become exactly `attributes`. `Database.set` merges into whatever
   * is there, and keys can be left by an earlier customer or by other code on the page (an
   * oversized one would make every later message fail with 4013), so the map is removed first:
   * one customer's tier must never ride on another customer's chat.
   */
  private async replaceAttributes(
    attributes: CustomAttributes,
    config: ResolvedGenesysChatConfig,
  ): Promise<void> {
    await this.command('Database.remove', { name: CUSTOM_ATTRIBUTES }, config);
    await this.command(
      'Database.set',
      { messaging: { customAttributes: { ...attributes } } },
      config,
    );
  }

  /**
   * UNCONFIRMED (reference §4, source S only): `startConversation` rejects with "There is already an
   * active conversation" when one is running. That case is a started chat, not a failure; the
   * reason text is matched here and nowhere else.
   */
  private async startHeadlessConversation(config: ResolvedGenesysChatConfig): Promise<void> {
    try {
      await this.command('MessagingService.startConversation', {}, config);
    } catch (error) {
      const reason = (error as GenesysChatError).reason;
      const text =
        typeof reason === 'string'
          ? reason
          : String((reason as { message?: unknown })?.message ?? '');
      if (!/already an active conversation/i.test(text)) throw error;
    }
  }

  private applyStoredIdentity(): void {
    const attributes = this.identity.load();
    if (!attributes) return;
    let config: ResolvedGenesysChatConfig;
    try {
      config = this.config();
      // Stored data is re-checked: the rules or the config may have changed since it was saved.
      buildAttributes(attributes, config);
    } catch {
      this.identity.clear();
      return;
    }
    this.enqueue(() => this.replaceAttributes(attributes, config)).catch(
      (error: GenesysChatError) => this.debugLog(config, `identity not applied: ${error.code}`),
    );
  }

  // ---- Genesys plumbing --------------------------------------------------------------------

  private command(
    name: string,
    payload: object,
    config: ResolvedGenesysChatConfig,
  ): Promise<unknown> {
    return this.zone.runOutsideAngular(() =>
      runGenesysCommand(this.window(), name, payload, config.commandTimeoutMs, this.aborter.signal),
    );
  }

  /** Registers with the page's one dispatcher, outside the zone; returns the removal. */
  private listen(name: string, listener: (envelope: GenesysEventEnvelope) => void): () => void {
    if (!this.isBrowser) return () => undefined;
    return this.zone.runOutsideAngular(() =>
      this.dispatcher().listen(name, (envelope) => {
        if (name.endsWith('.ready')) this.seenReady.add(name);
        listener(envelope);
      }),
    );
  }

  /** The Genesys events behind `events$`, each with its mapping to a typed event. */
  private genesysEvents(): [string, (e: GenesysEventEnvelope) => GenesysChatEvent][] {
    let mode: GenesysChatMode = 'messenger';
    try {
      mode = this.config().mode;
    } catch {
      // Events stay silent until the config is fixed.
    }
    return [
      ['Messenger.opened', () => ({ type: 'opened' })],
      ['Messenger.closed', () => ({ type: 'closed' })],
      [
        mode === 'headless' ? 'MessagingService.started' : 'Conversations.started',
        (e) => ({ type: 'conversationStarted', data: e.data }),
      ],
      ['Conversations.closed', (e) => ({ type: 'conversationClosed', data: e.data })],
      [
        'MessagingService.messagesReceived',
        (e) => ({ type: 'messagesReceived', messages: messagesOf(e.data) }),
      ],
      [
        'MessagingService.error',
        (e) => ({ type: 'error', error: messengerError('MessagingService.error', e.data) }),
      ],
      [
        'Conversations.error',
        (e) => ({ type: 'error', error: messengerError('Conversations.error', e.data) }),
      ],
    ];
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.startQueue.then(task);
    this.startQueue = run.catch(() => undefined);
    return run;
  }

  private onOpenChange(open: boolean): void {
    this.messengerOpen = open;
    const status = this.host.status();
    if (open && status === 'ready') this.setStatus('open');
    if (!open && status === 'open') this.setStatus('ready');
  }

  private setStatus(status: GenesysChatStatus): void {
    // Inside the zone so zone.js apps re-render; a no-op wrapper when zoneless.
    this.zone.run(() => this.host.setStatus(status));
  }

  private config(): ResolvedGenesysChatConfig {
    if (this.configCache === undefined) {
      try {
        this.configCache = resolveGenesysChatConfig(this.rawConfig);
      } catch (error) {
        this.configCache = error as GenesysChatError;
      }
    }
    if (this.configCache instanceof Error) throw this.configCache;
    return this.configCache;
  }

  private window(): GenesysWindow {
    return this.document.defaultView as GenesysWindow;
  }

  private dispatcher() {
    return genesysEventDispatcher(this.window());
  }

  private debugLog(config: ResolvedGenesysChatConfig, text: string): void {
    // Only codes and attribute keys are ever logged, never values.
    if (config.debug) console.debug(`[ngx-genesys-chat] ${text}`);
  }

  private destroy(): void {
    this.aborter.abort();
    const teardowns = [...this.teardowns];
    this.teardowns.clear();
    teardowns.forEach((teardown) => teardown());
  }
}

function readyEventsFor(mode: GenesysChatMode): string[] {
  return mode === 'headless'
    ? ['Database.ready', 'MessagingService.ready']
    : ['Database.ready', 'Messenger.ready'];
}

function messagesOf(data: unknown): readonly unknown[] {
  const messages = (data as { messages?: unknown } | undefined)?.messages;
  return Array.isArray(messages) ? messages : [];
}

function checkMessage(message: unknown): void {
  if (message === undefined) return;
  if (typeof message !== 'string' || !message.trim()) {
    throw invalidAttributes('message', 'must be a non-blank string when given');
  }
  if (utf8Bytes(message) > MAX_MESSAGE_BYTES) {
    throw invalidAttributes(
      'message',
      `is longer than ${MAX_MESSAGE_BYTES} UTF-8 bytes, the Genesys limit for one message`,
    );
  }
}
