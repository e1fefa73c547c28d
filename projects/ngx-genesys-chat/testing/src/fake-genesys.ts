import type {
  ɵGenesysEventEnvelope as GenesysEventEnvelope,
  ɵGenesysFunction as GenesysFunction,
  ɵGenesysWindow as GenesysWindow,
} from 'ngx-genesys-chat';
import { fakeCommandHandlers, type FakeCommandHandler } from './fake-genesys-handlers';

type Callback = (value?: unknown) => void;

/** One recorded `Genesys('command', name, payload)` call. */
export interface FakeGenesysCommand {
  readonly name: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * An in-memory Genesys Messenger for unit tests: it takes over the snippet's stub the way
 * `genesys.min.js` does (reads `_genesysJs`, drains `Genesys.q` in order, replaces the function),
 * records every command, answers them through their resolve/reject callbacks, keeps the custom
 * attributes as `Database.set`/`remove` leave them, and republishes `*.ready` events to late
 * subscribers. Get it with `TestBed.inject(FakeGenesys)` after `provideGenesysChatTesting()`.
 */
export class FakeGenesys {
  /** Every command run after Messenger loaded, in order. */
  readonly commands: FakeGenesysCommand[] = [];
  /** Messenger's in-page custom attributes, as `Database.set`/`update`/`remove` leave them. */
  attributes: Record<string, string> = {};
  /** Headless deployments publish `MessagingService.ready` and reject `Messenger.open`. */
  headless = false;
  /**
   * The deployment's `conversationClear.enabled`, as `GenesysJS.configuration` reports it; when
   * false, `MessagingService.clearConversation` is refused (as Genesys refuses it). Set it to
   * `undefined` for a configuration that does not say.
   */
  conversationClearEnabled: boolean | undefined = true;
  /**
   * The deployment's `journeyEvents.enabled`, as `GenesysJS.configuration` reports it; when false
   * (the default), `Journey.pageview` is refused. The page views sent are in `commands`.
   */
  journeyEventsEnabled = false;
  /** How many times `MessagingService.clearConversation` ended a conversation. */

  conversationsCleared = 0;
  /** How many times `Identifiers.purgeAll` ran. */
  identifiersPurged = 0;
  /** Whether Messenger's panel is open (`Messenger.open` / `.close`, or `userOpens()` / `userCloses()`). */
  panelOpen = false;
  /** Whether Messenger's own launcher is shown (`Launcher.show` / `.hide`). */
  launcherVisible = false;
  private messageIds = 0;
  private readonly subscribers = new Map<string, Callback[]>();
  private readonly published = new Map<string, GenesysEventEnvelope>();
  private readonly rejections = new Map<string, unknown>();
  private readonly silent = new Set<string>();
  private readonly handlers: Map<string, FakeCommandHandler>;
  private loadFailures = 0;

  constructor(private readonly win: GenesysWindow = window as GenesysWindow) {
    this.handlers = fakeCommandHandlers(this, {
      setPanel: (open) => this.setPanel(open),
      mergeAttributes: (p) => this.mergeAttributes(p),
    });
  }

  /** What the bootstrap script does when it runs: take over `window.Genesys` and drain its queue. */
  bootstrap(): void {
    const name = this.win._genesysJs ?? 'Genesys';
    const record = this.win as unknown as Record<string, GenesysFunction | undefined>;
    const stub = record[name];
    const queued = stub?.q ?? [];
    const real = ((
      type: string,
      event: string,
      payload?: unknown,
      onResolve?: Callback,
      onReject?: Callback,
    ) => this.call(type, event, payload, onResolve, onReject)) as unknown as GenesysFunction;
    real.c = stub?.c;
    real.t = stub?.t;
    record[name] = real;
    for (const args of queued) this.call(...(Array.from(args) as Parameters<FakeGenesys['call']>));
  }

  /** Publishes the ready events a working deployment publishes (Database, then Messenger or MessagingService). */
  emitReady(): void {
    this.emit('Database.ready', {});
    this.emit(this.headless ? 'MessagingService.ready' : 'Messenger.ready', {});
  }

  /** The customer opens Messenger's panel themselves: `Messenger.opened` and `Conversations.opened`. */
  userOpens(): void {
    this.setPanel(true);
  }

  /** The customer closes the panel: `Messenger.closed` and `Conversations.closed`. */
  userCloses(): void {
    this.setPanel(false);
  }

  /**
   * An agent's message arrives (`MessagingService.messagesReceived`, `direction: 'Outbound'`).
   * Returns its id; pass the same id again to simulate a message delivered twice.
   */
  agentSays(text: string, id = `fake-msg-${++this.messageIds}`): string {
    this.emit('MessagingService.messagesReceived', {
      messages: [{ id, type: 'Text', direction: 'Outbound', text }],
    });
    return id;
  }

  /** The customer's own message is echoed (`direction: 'Inbound'`): it never counts as unread. */
  customerSays(text: string, id = `fake-msg-${++this.messageIds}`): string {
    this.emit('MessagingService.messagesReceived', {
      messages: [{ id, type: 'Text', direction: 'Inbound', text }],
    });
    return id;
  }

  /**
   * Messenger restores an active conversation (a page load, or again after a reconnect):
   * `MessagingService.restored` with these messages, which are history.
   */
  restore(
    messages: readonly { id: string; text: string; direction?: 'Inbound' | 'Outbound' }[],
  ): void {
    this.emit('MessagingService.restored', {
      messages: messages.map((m) => ({ type: 'Text', direction: 'Outbound', ...m })),
    });
  }

  /** The next load fails as a 404, a network error or a blocked script would (`SCRIPT_LOAD_FAILED`). */
  failLoad(): void {
    this.loadFailures++;
  }

  /** Publishes a Genesys event, such as `('MessagingService.error', { error })`. */
  emit(event: string, data: unknown): void {
    const envelope: GenesysEventEnvelope = { event, data };
    if (event.endsWith('.ready')) this.published.set(event, envelope);
    for (const cb of this.subscribers.get(event) ?? []) cb(envelope);
  }

  /** The next call of `command` rejects with `reason`. */
  rejectNext(command: string, reason: unknown): void {
    this.rejections.set(command, reason);
  }

  /** `command` is never answered (its promise in the library then times out). */
  neverAnswer(command: string): void {
    this.silent.add(command);
  }

  /** How many times the page subscribed to `event`. */
  subscriptionCount(event: string): number {
    return this.subscribers.get(event)?.length ?? 0;
  }

  /** @internal Used by the testing loader: true once per `failLoad()`. */
  takeLoadFailure(): boolean {
    if (this.loadFailures === 0) return false;
    this.loadFailures--;
    return true;
  }

  private call(
    type: string,
    event: string,
    payload?: unknown,
    onResolve?: Callback,
    onReject?: Callback,
  ): void {
    if (type === 'subscribe') {
      const cb = payload as Callback;
      this.subscribers.set(event, [...(this.subscribers.get(event) ?? []), cb]);
      const replay = this.published.get(event);
      if (replay) cb(replay);
      return;
    }
    if (type !== 'command') return;
    const body = (payload ?? {}) as Record<string, unknown>;
    this.commands.push({
      name: event,
      payload: JSON.parse(JSON.stringify(body)) as Record<string, unknown>,
    });
    if (this.silent.has(event)) return;
    if (this.rejections.has(event)) {
      const reason = this.rejections.get(event);
      this.rejections.delete(event);
      onReject?.(reason);
      return;
    }
    const handler = this.handlers.get(event);
    if (!handler) {
      onReject?.(`Unknown command ${event}`);
      return;
    }
    try {
      onResolve?.(handler(body));
    } catch (reason) {
      onReject?.(reason);
    }
  }

  private setPanel(open: boolean): void {
    this.panelOpen = open;
    this.emit(open ? 'Messenger.opened' : 'Messenger.closed', {});
    this.emit(open ? 'Conversations.opened' : 'Conversations.closed', {});
  }

  private mergeAttributes(payload: Record<string, unknown>): unknown {
    const messaging = payload['messaging'] as
      { customAttributes?: Record<string, string> } | undefined;
    this.attributes = { ...this.attributes, ...(messaging?.customAttributes ?? {}) };
    this.emit('Database.updated', { messaging: { customAttributes: this.attributes } });
    return { messaging: { customAttributes: { ...this.attributes } } };
  }
}
