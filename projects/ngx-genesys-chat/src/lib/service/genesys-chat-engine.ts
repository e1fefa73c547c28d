import { DOCUMENT, DestroyRef, NgZone, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { Subject, type Observable } from 'rxjs';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import { GENESYS_CHAT_CONFIG, type ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import type { CustomAttributes } from '../attributes/build-attributes';
import { GenesysScriptLoader } from '../messenger/genesys-script-loader';
import { GENESYS_LOADER } from '../messenger/genesys-loader';
import { AttributeSync } from './attribute-sync';
import { ContextAttributes } from './context-attributes';
import type { PageView } from './journey-pageview';
import { EngineUiCommands } from './engine-ui-commands';
import type { ChatEngine, ChatEngineHost } from './chat-engine';
import { checkedCustomer, checkedMerge, startKey } from './chat-input';
import { ConfigCache } from './config-cache';
import { EngineDiagnostics } from './engine-diagnostics';
import { EngineStatus } from './engine-status';
import { endConversationAtLogout } from './engine-logout';
import { wirePanel } from './engine-panel-wiring';
import { eventStream, readyStream } from './engine-streams';
import { IdentityStore } from './identity-store';
import { MessengerChannel } from './messenger-channel';
import { messengerWrite, openMessenger } from './messenger-commands';
import type { PanelState } from './panel-state';
import { Readiness } from './readiness';
import type {
  ClearIdentityOptions,
  GenesysChatEvent,
  StartChatOptions,
  StartChatResult,
} from './genesys-chat-types';

/**
 * The Messenger driver behind `GenesysChatService` (documented there), in its own chunk loaded on
 * first use. It composes the seams: `Readiness`, `AttributeSync` (the ordering model), the event
 * table (`engine-streams`), `EngineStatus`, `EngineUiCommands` and `EngineDiagnostics`.
 */
export class GenesysChatEngine implements ChatEngine {
  private readonly configs = new ConfigCache(inject(GENESYS_CHAT_CONFIG, { optional: true }));
  private readonly zone = inject(NgZone);
  private readonly document = inject(DOCUMENT);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  /** Undone when the app is destroyed; entries remove themselves when they end earlier. */
  private readonly teardowns = new Set<() => void>();
  private readonly aborter = new AbortController();
  private readonly diagnostics = new EngineDiagnostics({
    document: this.document,
    isBrowser: this.isBrowser,
    configs: this.configs,
    readiness: () => this.readiness,
  });
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
    failed: (error) => (this.status.set('failed'), this.diagnostics.loadFailed(error)),
  });
  private readonly ui = new EngineUiCommands({
    command: this.channel.command,
    loaded: () => this.readiness.loaded,
    load: () => this.load(),
    openChanged: (open) => this.status.openChanged(open),
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
    this.teardowns.add(this.diagnostics.recordCsp(this.zone));
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

  closePanel(): Promise<void> {
    return this.ui.closePanel();
  }

  showLauncher(): Promise<void> {
    return this.ui.setLauncher(true);
  }

  hideLauncher(): Promise<void> {
    return this.ui.setLauncher(false);
  }

  async setAttributes(attributes: GenesysAttributes): Promise<void> {
    return this.sync.merge(checkedMerge(attributes, this.configs.get()));
  }

  async identify(customer: CrmCustomer | string): Promise<void> {
    const attributes = checkedCustomer(customer, undefined, this.configs.get());
    this.identity?.save(attributes);
    const identified = this.sync.identify(this.context.under(attributes));
    identified.then(this.flushContext, this.flushContext);
    return identified;
  }

  setContext(attributes: GenesysAttributes): void {
    this.context.set(attributes);
  }

  recordPageView(view: PageView): Promise<void> {
    return this.ui.recordPageView(view);
  }

  async clearIdentity(options?: ClearIdentityOptions): Promise<void> {
    this.identity?.clear();
    // D = {} now, in call order (the ordering model): no start made before can open after this.
    const cleared = this.sync.clear();
    const config = this.configs.orNull();
    if (!options?.endConversation || !config || !this.isBrowser) return cleared;
    return endConversationAtLogout(
      {
        zone: this.zone,
        command: this.channel.command,
        listen: this.channel.listen,
        timeoutMs: config.commandTimeoutMs,
        signal: this.aborter.signal,
        loaded: () => this.readiness.loaded,
        load: () => this.load(),
        window: this.document.defaultView,
        deploymentId: config.deploymentId,
        resetPanel: () => this.panel?.reset(),
        debugLog: (text) => this.diagnostics.log(text),
        emit: (event) => this.ownEvents.next(event),
      },
      cleared,
    );
  }

  diagnose(): Promise<GenesysDiagnosis> {
    return this.diagnostics.diagnose();
  }

  /** Opens for a start once Messenger holds `snapshot`; the ordering model calls it. */
  private async openFor(
    snapshot: CustomAttributes,
    message: string | undefined,
    config: ResolvedGenesysChatConfig,
  ): Promise<StartChatResult> {
    await openMessenger(this.channel.command, config.mode, message);
    this.status.opened();
    this.diagnostics.log(`chat started with attributes ${Object.keys(snapshot).join(', ')}`);
    return { attributes: snapshot, mode: config.mode };
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
