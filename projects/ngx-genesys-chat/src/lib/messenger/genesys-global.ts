/**
 * The page-global surface the Genesys deployment snippet creates, typed as the reference documents it.
 * `Genesys(type, name, payload, onResolve, onReject)` for commands and `Genesys('subscribe', name, cb)` for events.
 */
export type GenesysCallback = (value?: unknown) => void;

export interface GenesysEventEnvelope {
  readonly event?: string;
  readonly data?: unknown;
}

export interface GenesysFunction {
  (
    type: 'command',
    name: string,
    payload: object,
    onResolve: GenesysCallback,
    onReject: GenesysCallback,
  ): void;
  (type: 'subscribe', name: string, callback: (envelope: GenesysEventEnvelope) => void): void;
  /** The pre-load queue of the snippet's stub; the bootstrap drains it in order. */
  q?: IArguments[];
  /** Load timestamp in ms, set by the snippet. */
  t?: number;
  /** The deployment config the bootstrap reads. */
  c?: { environment: string; deploymentId: string; debug?: boolean };
}

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
  win._genesysJs = 'Genesys';
  if (typeof win.Genesys !== 'function') {
    const stub = function () {
      // eslint-disable-next-line prefer-rest-params -- the bootstrap expects the arguments object itself
      (stub.q = stub.q || []).push(arguments);
    } as unknown as GenesysFunction;
    win.Genesys = stub;
  }
  const fn = win.Genesys as GenesysFunction;
  fn.t = Date.now();
  fn.c = config.debug
    ? { environment: config.environment, deploymentId: config.deploymentId, debug: true }
    : { environment: config.environment, deploymentId: config.deploymentId };
}
