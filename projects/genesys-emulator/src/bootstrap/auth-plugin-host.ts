/*
 * The bootstrap stand-in's plugin table: `Genesys('registerPlugin', name, init)` hands `init` the
 * plugin object real Messenger gives (reference §2): `command(name, options)` as a Promise,
 * `subscribe`, `registerCommand(name, e => e.resolve/e.reject)`, `publish`, `data(name, value?)`
 * and `ready()`. A registered command becomes `<Plugin>.<name>` in the stand-in's command table,
 * so the stand-in's Auth plugin (auth-messenger.ts) runs `AuthProvider.getAuthCode` like any other.
 */

type Payload = Record<string, unknown>;
type Handler = (payload: Payload) => Promise<unknown>;

/** What a registered command receives (reference §2; BP-okta reads `e.data.forceUpdate`). */
export interface PluginCommandEvent {
  readonly data: Payload;
  resolve(value?: unknown): void;
  reject(reason?: unknown): void;
}

/** The plugin object `registerPlugin` hands its init function. */
export interface StandInPlugin {
  command(name: string, options?: object): Promise<unknown>;
  subscribe(name: string, callback: (envelope: unknown) => void): void;
  registerCommand(name: string, handler: (event: PluginCommandEvent) => void): void;
  publish(event: string, data?: unknown): void;
  data(name: string, value?: unknown): unknown;
  ready(): void;
}

export interface PluginHostDeps {
  /** Runs a command as `Genesys('command', …)` does, with its callbacks. */
  run(
    name: string,
    payload: Payload,
    onResolve: (v: unknown) => void,
    onReject: (r: unknown) => void,
  ): void;
  subscribe(name: string, callback: (envelope: unknown) => void): void;
  publish(event: string, data?: unknown): void;
}

export function createPluginHost(deps: PluginHostDeps) {
  /** Plugin data shared by every plugin (`data('Auth.authenticated')` is the Auth plugin's). */
  const data = new Map<string, unknown>();
  /** The registered commands, `<Plugin>.<name>`; the stand-in's dispatcher looks here too. */
  const commands: Record<string, Handler> = {};
  const readyWaiters = new Map<string, Array<() => void>>();
  const readyPlugins = new Set<string>();

  function register(name: string, init: unknown): void {
    if (typeof name !== 'string' || !name || typeof init !== 'function') return;
    const plugin: StandInPlugin = {
      command: (command, options) =>
        new Promise((resolve, reject) =>
          deps.run(command, (options ?? {}) as Payload, resolve, reject),
        ),
      subscribe: (event, callback) => deps.subscribe(event, callback),
      registerCommand(command, handler) {
        if (typeof command !== 'string' || typeof handler !== 'function') return;
        commands[`${name}.${command}`] = (payload) =>
          new Promise((resolve, reject) => {
            try {
              handler({ data: payload, resolve, reject });
            } catch (error) {
              reject(error);
            }
          });
      },
      publish: (event, value) => deps.publish(`${name}.${event}`, value),
      data(key, value?) {
        if (arguments.length > 1) data.set(key, value);
        return data.get(key);
      },
      ready() {
        if (readyPlugins.has(name)) return;
        readyPlugins.add(name);
        for (const resolve of readyWaiters.get(name) ?? []) resolve();
        readyWaiters.delete(name);
      },
    };
    try {
      (init as (plugin: StandInPlugin) => void)(plugin);
    } catch (error) {
      console.error('[genesys-emulator] plugin init failed', error);
    }
  }

  return {
    commands,
    register,
    /** Resolves once the named plugin called `ready()`. */
    whenReady(name: string): Promise<void> {
      if (readyPlugins.has(name)) return Promise.resolve();
      return new Promise((resolve) =>
        readyWaiters.set(name, [...(readyWaiters.get(name) ?? []), resolve]),
      );
    },
    has: (name: string) => readyPlugins.has(name),
    /** The Auth plugin's side of `data()`. */
    setData: (key: string, value: unknown) => void data.set(key, value),
  };
}

export type PluginHost = ReturnType<typeof createPluginHost>;
