// The page-global surface the Genesys deployment snippet creates, typed as the reference documents
// it: Genesys(type, name, payload, onResolve, onReject) for commands, Genesys('subscribe', name, cb) for events.

/** A resolve or reject callback passed to `Genesys('command', …)`. */
export type GenesysCallback = (value?: unknown) => void;

/** What an event subscriber receives: the event's name and its data. */
export interface GenesysEventEnvelope {
  readonly event?: string;
  readonly data?: unknown;
}

/** The global `Genesys` function: the snippet's stub until the bootstrap replaces it. */
export interface GenesysFunction {
  /** Runs a command; the result arrives through the callbacks. */
  (
    type: 'command',
    name: string,
    payload: object,
    onResolve: GenesysCallback,
    onReject: GenesysCallback,
  ): void;
  /** Subscribes to an event; ready events are republished to late subscribers. */
  (type: 'subscribe', name: string, callback: (envelope: GenesysEventEnvelope) => void): void;
  /** The pre-load queue of the snippet's stub; the bootstrap drains it in order. */
  q?: IArguments[];
  /** Load timestamp in ms, set by the snippet. */
  t?: number;
  /** The deployment config the bootstrap reads. */
  c?: { environment: string; deploymentId: string; debug?: boolean };
}

/** `window` with the globals the deployment snippet defines. */
export interface GenesysWindow extends Window {
  Genesys?: GenesysFunction;
  _genesysJs?: string;
}

/**
 * Reproduces the documented snippet's stub: `_genesysJs`, a `Genesys` function that queues its
 * `arguments` on `.q`, `.t` and `.c`. An existing function (a hand-written snippet, or the loaded
 * bootstrap) is kept, as the snippet itself does.
 */
export function installGenesysStub(
  win: GenesysWindow,
  config: { environment: string; deploymentId: string; debug: boolean },
): void {
  const fn = installGenesysQueue(win);
  fn.t = Date.now();
  fn.c = config.debug
    ? { environment: config.environment, deploymentId: config.deploymentId, debug: true }
    : { environment: config.environment, deploymentId: config.deploymentId };
}

/**
 * The stub's queue alone: `_genesysJs` and a `Genesys` function that queues its `arguments` on
 * `.q` (an existing function is kept). `installGenesysStub` adds the load time and the deployment
 * (`.t`, `.c`) before the script loads; calls queued earlier stay queued, in order.
 */
export function installGenesysQueue(win: GenesysWindow): GenesysFunction {
  win._genesysJs = 'Genesys';
  if (typeof win.Genesys !== 'function') {
    const stub = function () {
      // eslint-disable-next-line prefer-rest-params -- the bootstrap expects the arguments object itself
      (stub.q = stub.q || []).push(arguments);
    } as unknown as GenesysFunction;
    win.Genesys = stub;
  }
  return win.Genesys as GenesysFunction;
}
