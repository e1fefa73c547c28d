import type { GenesysEventEnvelope, GenesysWindow } from './genesys-global';
import { pageState } from './page-state';

export type GenesysEventListener = (envelope: GenesysEventEnvelope) => void;

/**
 * One `Genesys('subscribe', name, cb)` per event name per page, fanned out to any number of listeners.
 * Genesys has no documented unsubscribe (reference §2: UNCONFIRMED), so subscriptions are never
 * multiplied: listeners come and go here, and the single Genesys callback stays.
 * Like Genesys, it replays `*.ready` events to listeners that arrive late.
 */
export class GenesysEventDispatcher {
  private readonly listeners = new Map<string, Set<GenesysEventListener>>();
  private readonly subscribed = new Set<string>();
  private readonly readyEvents = new Map<string, GenesysEventEnvelope>();

  constructor(private readonly win: GenesysWindow) {}

  /** Adds a listener; returns its removal. Subscribes to Genesys now if the `Genesys` function exists, else on `attach()`. */
  listen(name: string, listener: GenesysEventListener): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    this.subscribe(name);
    const replay = this.readyEvents.get(name);
    if (replay) listener(replay);
    return () => set.delete(listener);
  }

  /** Call once the snippet's stub exists: subscriptions made earlier are queued in order before the script loads. */
  attach(): void {
    for (const name of this.listeners.keys()) this.subscribe(name);
  }

  /** How many Genesys subscriptions this page holds (one per event name). */
  get genesysSubscriptionCount(): number {
    return this.subscribed.size;
  }

  private subscribe(name: string): void {
    // Looked up on every call: the bootstrap replaces the stub with the real function.
    const genesys = this.win.Genesys;
    if (this.subscribed.has(name) || typeof genesys !== 'function') return;
    this.subscribed.add(name);
    genesys('subscribe', name, (envelope) => this.dispatch(name, envelope ?? {}));
  }

  private dispatch(name: string, envelope: GenesysEventEnvelope): void {
    if (name.endsWith('.ready')) this.readyEvents.set(name, envelope);
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of Array.from(set)) listener(envelope);
  }
}

/** The page's dispatcher, shared by every Angular app and injector on the page. */
export function genesysEventDispatcher(win: GenesysWindow): GenesysEventDispatcher {
  const state = pageState(win);
  return (state.dispatcher ??= new GenesysEventDispatcher(win)) as GenesysEventDispatcher;
}
