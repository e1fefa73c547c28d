import { DOCUMENT, DestroyRef, NgZone, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { Observable, Subject } from 'rxjs';
import { diagnose } from '../diagnostics/diagnose';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import { GENESYS_CHAT_CONFIG, type ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import { resolveGenesysChatConfig } from '../config/resolve-config';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import type { CustomAttributes } from '../attributes/build-attributes';
import { notBrowser } from '../errors/not-browser';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import { runGenesysCommand } from '../messenger/genesys-command';
import { genesysEventDispatcher } from '../messenger/genesys-event-dispatcher';
import type { GenesysEventEnvelope, GenesysWindow } from '../messenger/genesys-global';
import { GenesysScriptLoader } from '../messenger/genesys-script-loader';
import { GENESYS_LOADER } from '../messenger/genesys-loader';
import { AttributeSync } from './attribute-sync';
import type { ChatEngine, ChatEngineHost } from './chat-engine';
import { recordCspViolations, type CspViolation } from './csp-violations';
import { conversationKeptWarning, endSession } from './conversation-clear';
import { removeMessengerHostKeys } from '../messenger/messenger-browser-state';
import { checkedCustomer, checkedMerge, startKey } from './chat-input';
import { genesysEventsFor } from './genesys-events';
import { IdentityStore } from './identity-store';
import { messengerWrite, openMessenger } from './messenger-commands';
import { PanelState } from './panel-state';
import { Readiness } from './readiness';
import { listenMessengerOpenFallback, setLauncherVisible } from './unconfirmed-messenger-names';
import { enterZone } from './zone-entry';
import type {
  ClearIdentityOptions,
  GenesysChatEvent,
  GenesysConversationEnd,
  GenesysChatStatus,
  StartChatOptions,
  StartChatResult,
} from './genesys-chat-types';

declare const ngDevMode: boolean | undefined;

/**
 * The Messenger driver behind `GenesysChatService` (documented there). It composes the seams:
 * `Readiness` (load attempt and ready events), `AttributeSync` (the ordering model for custom
 * attributes), the event table, and the commands. Lives in its own chunk, imported on first use.
 */
export class GenesysChatEngine implements ChatEngine {
  private readonly rawConfig = inject(GENESYS_CHAT_CONFIG, { optional: true });
  private readonly zone = inject(NgZone);
  private readonly document = inject(DOCUMENT);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  /** Undone when the app is destroyed; entries remove themselves when they end earlier. */
  private readonly teardowns = new Set<() => void>();
  private readonly aborter = new AbortController();
  private readonly seenReady = new Set<string>();
  private readonly cspViolations: CspViolation[] = [];
  private configCache: ResolvedGenesysChatConfig | GenesysChatError | undefined;
  private messengerOpen = false;
  /** Events the library itself raises (not Genesys'), merged into `events$`. */
  private readonly ownEvents = new Subject<GenesysChatEvent>();
  /** Inside the zone so zone.js apps re-render. */
  private readonly setStatus = enterZone(this.zone, (status: GenesysChatStatus) =>
    this.host.setStatus(status),
  );
  private readonly identity: IdentityStore | null;
  private readonly sync: AttributeSync;
  private panel: PanelState | null = null;
  private readonly readiness = new Readiness({
    isBrowser: this.isBrowser,
    zone: this.zone,
    loader: inject(GENESYS_LOADER, { optional: true }) ?? inject(GenesysScriptLoader),
    config: () => this.config(),
    attach: () => this.dispatcher().attach(),
    listen: (name, listener) => this.listen(name, listener),
    hasSeen: (name) => this.seenReady.has(name),
    onDestroy: (teardown) => (this.teardowns.add(teardown), () => this.teardowns.delete(teardown)),
    loading: () => this.setStatus('loading'),
    ready: () => {
      this.setStatus(this.messengerOpen ? 'open' : 'ready');
      if (this.sync.starting) this.setStatus('starting');
    },
    failed: (error) => this.loadFailed(error),
  });

  readonly ready$: Observable<void> = new Observable<void>((subscriber) => {
    this.readiness.current().then(
      enterZone(this.zone, () => (subscriber.next(), subscriber.complete())),
      enterZone(this.zone, (error: unknown) => subscriber.error(error)),
    );
  });

  readonly events$: Observable<GenesysChatEvent> = new Observable<GenesysChatEvent>((sub) => {
    const mode = this.configOrNull()?.mode;
    const rows = mode ? genesysEventsFor(mode) : []; // silent until the config is fixed
    const next = enterZone(this.zone, (event: GenesysChatEvent) => sub.next(event));
    const offs = rows.map((row) => this.listen(row.genesys, (e) => next(row.toEvent(e))));
    const own = this.ownEvents.subscribe(next);
    offs.push(() => own.unsubscribe());
    const complete = () => sub.complete();
    this.teardowns.add(complete);
    return () => (this.teardowns.delete(complete), offs.forEach((off) => off()));
  });

  constructor(private readonly host: ChatEngineHost) {
    inject(DestroyRef).onDestroy(() => this.destroy());
    const config = this.configOrNull();
    this.identity =
      config &&
      new IdentityStore(this.isBrowser ? this.document.defaultView : null, config.deploymentId);
    this.sync = new AttributeSync(
      {
        write: (from, to) =>
          messengerWrite((name, payload) => this.command(name, payload), from, to),
        load: () => this.load(),
      },
      config && this.identity ? this.identity.restore(config) : null,
      false,
    );
    if (!this.isBrowser) return;
    this.teardowns.add(
      this.zone.runOutsideAngular(() => recordCspViolations(this.document, this.cspViolations)),
    );
    this.teardowns.add(this.listen('Database.ready', () => this.sync.markWritable()));
    this.panel = new PanelState({
      listen: (name, listener) => this.listen(name, listener),
      document: this.document,
      onDestroy: (teardown) => this.teardowns.add(teardown),
      openChanged: enterZone(this.zone, (open: boolean) => {
        this.host.setOpen(open);
        this.onOpenChange(open);
      }),
      unreadChanged: enterZone(this.zone, (count: number) => this.host.setUnread(count)),
    });
    this.teardowns.add(
      listenMessengerOpenFallback(
        (name, listener) => this.listen(name, listener),
        enterZone(this.zone, (open: boolean) => this.onOpenChange(open)),
      ),
    );
  }

  load(): Promise<void> {
    return this.readiness.load();
  }

  async startChat(
    customer: CrmCustomer | string,
    options?: StartChatOptions,
  ): Promise<StartChatResult> {
    const config = this.config();
    const attributes = checkedCustomer(customer, options, config);
    const message = options?.message;
    const started = this.sync.startChat(attributes, startKey(attributes, message), (snapshot) =>
      this.openFor(snapshot, message, config),
    );
    return this.starting(started);
  }

  /** Opens Messenger without a customer; with a stored identity, only once its attributes are set. */
  async openPanel(): Promise<void> {
    const config = this.config();
    return this.starting(
      this.sync.openCurrent((snapshot) => this.openFor(snapshot, undefined, config)),
    );
  }

  async closePanel(): Promise<void> {
    // Nothing is open on a page that has not loaded Messenger.
    if (!this.readiness.loaded) return;
    await this.command('Messenger.close', {});
    this.onOpenChange(false);
  }

  async showLauncher(): Promise<void> {
    await this.load();
    await setLauncherVisible((name, payload) => this.command(name, payload), true);
  }

  async hideLauncher(): Promise<void> {
    await this.load();
    await setLauncherVisible((name, payload) => this.command(name, payload), false);
  }

  /** `starting` from the moment Messenger is ready until the last start settles. */
  private starting<T>(started: Promise<T>): Promise<T> {
    if (this.readiness.loaded) this.setStatus('starting');
    started.catch(() => {
      if (!this.sync.starting && this.host.status() === 'starting') {
        this.setStatus(this.messengerOpen ? 'open' : 'ready');
      }
    });
    return started;
  }

  async setAttributes(attributes: GenesysAttributes): Promise<void> {
    return this.sync.merge(checkedMerge(attributes, this.config()));
  }

  async identify(customer: CrmCustomer | string): Promise<void> {
    const config = this.config();
    const attributes = checkedCustomer(customer, undefined, config);
    this.identity?.save(attributes);
    return this.sync.identify(attributes);
  }

  async clearIdentity(options?: ClearIdentityOptions): Promise<void> {
    this.identity?.clear();
    // D = {} now, in call order (the ordering model): no start made before can open after this.
    const cleared = this.sync.clear();
    const config = this.configOrNull();
    if (!options?.endConversation || !config || !this.isBrowser) return cleared;
    // A conversation restored from an earlier page load can only be ended by a loaded Messenger:
    // its token may live under Genesys' own origin, out of the page's reach. A load that fails
    // (blocked, timed out) still leaves the page's own part of the reset to do.
    if (!this.readiness.loaded) await this.load().catch(() => undefined);
    const { event, failure } = await this.zone.runOutsideAngular(() =>
      endSession(
        {
          command: (name, payload) => this.command(name, payload),
          listen: (name, listener) => this.listen(name, listener),
          timeoutMs: config.commandTimeoutMs,
          signal: this.aborter.signal,
          loaded: this.readiness.loaded,
          removeKeys: () => removeMessengerHostKeys(this.document.defaultView, config.deploymentId),
        },
        cleared,
      ),
    );
    const conversation = event.conversation;
    this.panel?.reset(); // the next customer inherits no badge
    this.reportCleared(conversation);
    this.ownEvents.next(event);
    if (failure !== null) throw failure;
  }

  async diagnose(): Promise<GenesysDiagnosis> {
    const win = this.document.defaultView as (Window & typeof globalThis) | null;
    if (!this.isBrowser || !win) throw notBrowser();
    const config = this.configOrNull();
    return diagnose({
      config: this.configCache as ResolvedGenesysChatConfig | GenesysChatError,
      scriptState: this.readiness.scriptState,
      cspViolations: this.cspViolations,
      ready: config ? this.readiness.missing(config.mode).length === 0 : false,
      fetch: win.fetch.bind(win),
    });
  }

  /** Opens for a start once Messenger holds `snapshot`; the ordering model calls it. */
  private async openFor(
    snapshot: CustomAttributes,
    message: string | undefined,
    config: ResolvedGenesysChatConfig,
  ): Promise<StartChatResult> {
    await openMessenger((name, payload) => this.command(name, payload), config.mode, message);
    this.messengerOpen = true;
    this.setStatus('open');
    this.debugLog(`chat started with attributes ${Object.keys(snapshot).join(', ')}`);
    return { attributes: snapshot, mode: config.mode };
  }

  private loadFailed(error: GenesysChatError): void {
    this.setStatus('failed');
    this.debugLog(`load failed: ${error.code}`);
    // In development builds a failed load explains itself on the console (warnings, never values).
    if (typeof ngDevMode === 'undefined' || ngDevMode) {
      if (typeof this.document.defaultView?.fetch !== 'function') return;
      this.diagnose().then(
        (d) =>
          d.findings.forEach((f) =>
            console.warn(`[ngx-genesys-chat] ${f.code}: ${f.message} Fix: ${f.fix}`),
          ),
        () => undefined,
      );
    }
  }

  /** A conversation that could not be ended is a visible fact, never a rejection that blocks logout. */
  private reportCleared(conversation: GenesysConversationEnd): void {
    this.debugLog(`clearIdentity({ endConversation: true }): conversation ${conversation}`);
    const warning = conversationKeptWarning(conversation);
    if (warning && (typeof ngDevMode === 'undefined' || ngDevMode)) console.warn(warning);
  }

  private command(name: string, payload: object): Promise<unknown> {
    const ms = this.config().commandTimeoutMs;
    const win = this.document.defaultView as GenesysWindow;
    return this.zone.runOutsideAngular(() =>
      runGenesysCommand(win, name, payload, ms, this.aborter.signal),
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

  private onOpenChange(open: boolean): void {
    this.messengerOpen = open;
    const status = this.host.status();
    if (open && status === 'ready') this.setStatus('open');
    if (!open && status === 'open') this.setStatus('ready');
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

  private configOrNull(): ResolvedGenesysChatConfig | null {
    try {
      return this.config();
    } catch {
      return null; // reported by every call, and by diagnose() as CONFIG_INVALID
    }
  }

  private dispatcher() {
    return genesysEventDispatcher(this.document.defaultView as GenesysWindow);
  }

  private debugLog(text: string): void {
    // Only codes and attribute keys are ever logged, never values.
    if (this.configOrNull()?.debug) console.debug(`[ngx-genesys-chat] ${text}`);
  }

  private destroy(): void {
    this.sync.destroy();
    this.ownEvents.complete();
    this.aborter.abort();
    const teardowns = [...this.teardowns];
    this.teardowns.clear();
    teardowns.forEach((teardown) => teardown());
  }
}
