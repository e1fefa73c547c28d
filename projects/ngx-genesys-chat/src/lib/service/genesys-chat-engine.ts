import { DOCUMENT, DestroyRef, NgZone, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { Subject, type Observable } from 'rxjs';
import { diagnose } from '../diagnostics/diagnose';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import { GENESYS_CHAT_CONFIG, type ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import type { CustomAttributes } from '../attributes/build-attributes';
import { notBrowser } from '../errors/not-browser';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysScriptLoader } from '../messenger/genesys-script-loader';
import { GENESYS_LOADER } from '../messenger/genesys-loader';
import { AttributeSync } from './attribute-sync';
import { ContextAttributes } from './context-attributes';
import { JourneyPageViews, type PageView } from './journey-pageview';
import type { ChatEngine, ChatEngineHost } from './chat-engine';
import { recordCspViolations, type CspViolation } from './csp-violations';
import { checkedCustomer, checkedMerge, startKey } from './chat-input';
import { ConfigCache } from './config-cache';
import { debugLog, warnLoadFailure } from './engine-dev-log';
import { EngineStatus } from './engine-status';
import { logOut } from './engine-logout';
import { wirePanel } from './engine-panel-wiring';
import { eventStream, readyStream } from './engine-streams';
import { IdentityStore } from './identity-store';
import { MessengerChannel } from './messenger-channel';
import { messengerWrite, openMessenger } from './messenger-commands';
import type { PanelState } from './panel-state';
import { Readiness } from './readiness';
import { setLauncherVisible } from './unconfirmed-messenger-names';
import type {
  ClearIdentityOptions,
  GenesysChatEvent,
  StartChatOptions,
  StartChatResult,
} from './genesys-chat-types';

/**
 * The Messenger driver behind `GenesysChatService` (documented there). It composes the seams:
 * `Readiness` (load attempt and ready events), `AttributeSync` (the ordering model for custom
 * attributes), the event table, and the commands. Lives in its own chunk, imported on first use.
 */
export class GenesysChatEngine implements ChatEngine {
  private readonly configs = new ConfigCache(inject(GENESYS_CHAT_CONFIG, { optional: true }));
  private readonly zone = inject(NgZone);
  private readonly document = inject(DOCUMENT);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  /** Undone when the app is destroyed; entries remove themselves when they end earlier. */
  private readonly teardowns = new Set<() => void>();
  private readonly aborter = new AbortController();
  private readonly cspViolations: CspViolation[] = [];
  /** Events the library itself raises (not Genesys'), merged into `events$`. */
  private readonly ownEvents = new Subject<GenesysChatEvent>();
  private readonly status = new EngineStatus(
    this.zone,
    () => this.host,
    () => this.sync.starting,
  );
  private readonly identity: IdentityStore | null;
  private readonly sync: AttributeSync;
  private readonly context: ContextAttributes;
  private pageViews: JourneyPageViews | null = null;
  /** A route that arrived during a start or a load is written once it settles. */
  private readonly flushContext = () => this.context.flush();
  private panel: PanelState | null = null;
  private readonly channel = new MessengerChannel({
    zone: this.zone,
    document: this.document,
    isBrowser: this.isBrowser,
    timeoutMs: () => this.configs.get().commandTimeoutMs,
    signal: this.aborter.signal,
  });
  private readonly readiness = new Readiness({
    isBrowser: this.isBrowser,
    zone: this.zone,
    loader: inject(GENESYS_LOADER, { optional: true }) ?? inject(GenesysScriptLoader),
    config: () => this.configs.get(),
    attach: () => this.channel.attach(),
    listen: this.channel.listen,
    hasSeen: (name) => this.channel.hasSeen(name),
    onDestroy: (teardown) => this.register(teardown),
    loading: () => this.status.set('loading'),
    ready: () => (this.status.ready(), this.context.flush()),
    failed: (error) => this.loadFailed(error),
  });

  readonly ready$: Observable<void> = readyStream(this.zone, () => this.readiness.current());

  readonly events$: Observable<GenesysChatEvent> = eventStream({
    zone: this.zone,
    mode: () => this.configs.orNull()?.mode,
    listen: this.channel.listen,
    own: this.ownEvents,
    onDestroy: (teardown) => this.register(teardown),
  });

  constructor(private readonly host: ChatEngineHost) {
    inject(DestroyRef).onDestroy(() => this.destroy());
    const config = this.configs.orNull();
    this.identity =
      config &&
      new IdentityStore(this.isBrowser ? this.document.defaultView : null, config.deploymentId);
    this.sync = new AttributeSync(
      {
        write: (from, to) => messengerWrite(this.channel.command, from, to),
        load: () => this.load(),
      },
      config && this.identity ? this.identity.restore(config) : null,
      false,
    );
    this.context = new ContextAttributes({
      sync: this.sync,
      messengerLoaded: () => this.readiness.loaded,
      check: (attributes) => checkedMerge(attributes, this.configs.get()),
    });
    if (!this.isBrowser) return;
    this.context.set(host.context?.() ?? {});
    this.teardowns.add(
      this.zone.runOutsideAngular(() => recordCspViolations(this.document, this.cspViolations)),
    );
    this.teardowns.add(this.channel.listen('Database.ready', () => this.sync.markWritable()));
    this.panel = wirePanel({
      zone: this.zone,
      document: this.document,
      host: this.host,
      listen: this.channel.listen,
      onDestroy: (teardown) => this.teardowns.add(teardown),
      onOpenChange: (open) => this.status.openChanged(open),
    });
  }

  load(): Promise<void> {
    return this.readiness.load();
  }

  async startChat(
    customer: CrmCustomer | string,
    options?: StartChatOptions,
  ): Promise<StartChatResult> {
    const config = this.configs.get();
    const attributes = checkedCustomer(customer, options, config);
    const message = options?.message;
    const started = this.sync.startChat(
      this.context.under(attributes),
      startKey(attributes, message),
      (snapshot) => this.openFor(snapshot, message, config),
    );
    started.then(this.flushContext, this.flushContext);
    return this.status.track(started, this.readiness.loaded);
  }

  /** Opens Messenger without a customer; with a stored identity, only once its attributes are set. */
  async openPanel(): Promise<void> {
    const config = this.configs.get();
    const opened = this.sync.openCurrent((snapshot) => this.openFor(snapshot, undefined, config));
    return this.status.track(opened, this.readiness.loaded);
  }

  async closePanel(): Promise<void> {
    // Nothing is open on a page that has not loaded Messenger.
    if (!this.readiness.loaded) return;
    await this.channel.command('Messenger.close', {});
    this.status.openChanged(false);
  }

  async showLauncher(): Promise<void> {
    await this.load();
    await setLauncherVisible(this.channel.command, true);
  }

  async hideLauncher(): Promise<void> {
    await this.load();
    await setLauncherVisible(this.channel.command, false);
  }

  async setAttributes(attributes: GenesysAttributes): Promise<void> {
    return this.sync.merge(checkedMerge(attributes, this.configs.get()));
  }

  async identify(customer: CrmCustomer | string): Promise<void> {
    const config = this.configs.get();
    const attributes = checkedCustomer(customer, undefined, config);
    this.identity?.save(attributes);
    const identified = this.sync.identify(this.context.under(attributes));
    identified.then(this.flushContext, this.flushContext);
    return identified;
  }

  setContext(attributes: GenesysAttributes): void {
    this.context.set(attributes);
  }

  async recordPageView(view: PageView): Promise<void> {
    if (!this.readiness.loaded) return;
    await (this.pageViews ??= new JourneyPageViews(this.channel.command)).record(view);
  }

  async clearIdentity(options?: ClearIdentityOptions): Promise<void> {
    this.identity?.clear();
    // D = {} now, in call order (the ordering model): no start made before can open after this.
    const cleared = this.sync.clear();
    const config = this.configs.orNull();
    if (!options?.endConversation || !config || !this.isBrowser) return cleared;
    // A conversation restored from an earlier page load can only be ended by a loaded Messenger:
    // its token may live under Genesys' own origin, out of the page's reach. A load that fails
    // (blocked, timed out) still leaves the page's own part of the reset to do.
    // Observed at once: a clear superseded or failed during that load must not go unhandled;
    // logOut still hands its outcome to the caller.
    cleared.catch(() => undefined);
    if (!this.readiness.loaded) await this.load().catch(() => undefined);
    return logOut(
      {
        zone: this.zone,
        command: this.channel.command,
        listen: this.channel.listen,
        timeoutMs: config.commandTimeoutMs,
        signal: this.aborter.signal,
        loaded: this.readiness.loaded,
        window: this.document.defaultView,
        deploymentId: config.deploymentId,
        resetPanel: () => this.panel?.reset(),
        debugLog: (text) => this.debugLog(text),
        emit: (event) => this.ownEvents.next(event),
      },
      cleared,
    );
  }

  async diagnose(): Promise<GenesysDiagnosis> {
    const win = this.document.defaultView as (Window & typeof globalThis) | null;
    if (!this.isBrowser || !win) throw notBrowser();
    const config = this.configs.orNull();
    return diagnose({
      config: this.configs.result(),
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
    await openMessenger(this.channel.command, config.mode, message);
    this.status.opened();
    this.debugLog(`chat started with attributes ${Object.keys(snapshot).join(', ')}`);
    return { attributes: snapshot, mode: config.mode };
  }

  private loadFailed(error: GenesysChatError): void {
    this.status.set('failed');
    this.debugLog(`load failed: ${error.code}`);
    warnLoadFailure(this.document.defaultView, () => this.diagnose());
  }

  private debugLog(text: string): void {
    debugLog(this.configs.orNull()?.debug, text);
  }

  /** Registers a teardown for app destruction; returns its removal, for entries that end earlier. */
  private register(teardown: () => void): () => void {
    this.teardowns.add(teardown);
    return () => this.teardowns.delete(teardown);
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
