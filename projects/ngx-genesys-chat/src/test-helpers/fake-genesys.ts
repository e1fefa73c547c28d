import type {
  GenesysEventEnvelope,
  GenesysFunction,
  GenesysWindow,
} from '../lib/messenger/genesys-global';
import { resetGenesysPageStateForTests } from '../lib/messenger/genesys-script-loader';
import { resetGenesysEventDispatcherForTests } from '../lib/messenger/genesys-event-dispatcher';

type Callback = (value?: unknown) => void;
type Handler = (payload: Record<string, unknown>) => unknown;

/**
 * An in-test stand-in for `genesys.min.js`, following reference §1-§4: it takes over the snippet's
 * stub the way the bootstrap does (reads `_genesysJs`, drains `Genesys.q` in order, replaces the
 * function), answers commands through the resolve/reject callbacks, and republishes `*.ready`
 * events to late subscribers. jsdom never fetches the `<script>`, so a test decides when the
 * "script" loads (`bootstrap()`) or fails (`failScript()`).
 */
export class FakeGenesys {
  /** Every command the page ran, in order, after the bootstrap took over. */
  readonly commands: { name: string; payload: Record<string, unknown> }[] = [];
  /** Messenger's in-page custom attributes, as `Database.set/remove` leave them. */
  attributes: Record<string, string> = {};
  private readonly subscribers = new Map<string, Callback[]>();
  private readonly published = new Map<string, GenesysEventEnvelope>();
  private readonly rejections = new Map<string, unknown>();
  private readonly silent = new Set<string>();
  private readonly handlers = new Map<string, Handler>();
  headless = false;

  constructor(private readonly win: GenesysWindow = window as GenesysWindow) {
    this.handlers.set('Database.set', (p) => this.mergeAttributes(p));
    this.handlers.set('Database.update', (p) => this.mergeAttributes(p));
    this.handlers.set('Database.remove', () => {
      this.attributes = {};
      this.publish('Database.removed', {});
      return {};
    });
    this.handlers.set('Database.get', () => ({ ...this.attributes }));
    this.handlers.set('Messenger.open', () => {
      if (this.headless) throw 'Messenger user interface must be enabled to open it';
      this.publish('Messenger.opened', {});
      return {};
    });
    this.handlers.set('Messenger.close', () => {
      this.publish('Messenger.closed', {});
      return {};
    });
    this.handlers.set('MessagingService.startConversation', () => {
      this.publish('MessagingService.started', { newSession: true });
      return {};
    });
    this.handlers.set('MessagingService.sendMessage', () => ({}));
  }

  /** The `<script>` the library injected, if any. */
  get script(): HTMLScriptElement | null {
    return this.win.document.head.querySelector('script[src*="genesys"]');
  }

  /** Simulates the bootstrap script loading: takes over `window.Genesys` and fires the script's load event. */
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
    this.script?.dispatchEvent(new Event('load'));
  }

  /** Simulates a 404, a network error or a blocked script. */
  failScript(): void {
    this.script?.dispatchEvent(new Event('error'));
  }

  /** Publishes the ready events a working deployment would. */
  emitReady(): void {
    this.publish('Database.ready', {});
    this.publish(this.headless ? 'MessagingService.ready' : 'Messenger.ready', {});
  }

  publish(event: string, data: unknown): void {
    const envelope: GenesysEventEnvelope = { event, data };
    if (event.endsWith('.ready')) this.published.set(event, envelope);
    for (const cb of this.subscribers.get(event) ?? []) cb(envelope);
  }

  /** The next call of `command` rejects with `reason`. */
  rejectNext(command: string, reason: unknown): void {
    this.rejections.set(command, reason);
  }

  /** `command` is never answered. */
  neverAnswer(command: string): void {
    this.silent.add(command);
  }

  /** How many times the page subscribed to `event` through `Genesys('subscribe', ...)`. */
  subscriptionCount(event: string): number {
    return this.subscribers.get(event)?.length ?? 0;
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

  private mergeAttributes(payload: Record<string, unknown>): unknown {
    const messaging = payload['messaging'] as
      { customAttributes?: Record<string, string> } | undefined;
    this.attributes = { ...this.attributes, ...(messaging?.customAttributes ?? {}) };
    this.publish('Database.updated', { messaging: { customAttributes: this.attributes } });
    return { messaging: { customAttributes: { ...this.attributes } } };
  }
}

/** Removes every trace of Genesys from the shared jsdom window between tests. */
export function resetGenesysPage(win: GenesysWindow = window as GenesysWindow): void {
  delete win.Genesys;
  delete win._genesysJs;
  win.document.head.querySelectorAll('script').forEach((s) => s.remove());
  win.sessionStorage.clear();
  resetGenesysPageStateForTests(win);
  resetGenesysEventDispatcherForTests(win);
}
