import type { GenesysEventEnvelope, GenesysWindow } from '../messenger/genesys-global';

/** What a command registered with `plugin.registerCommand` receives (reference §2). */
export interface GenesysPluginCommandEvent {
  readonly data?: unknown;
  resolve(value?: unknown): void;
  reject(reason?: unknown): void;
}

/**
 * The plugin object `Genesys('registerPlugin', name, init)` hands to `init` (reference §2: IBM,
 * BP-okta). Only the members the library uses are typed.
 */
export interface GenesysPlugin {
  /** Runs another plugin's command, such as `Auth.logout`. */
  command(name: string, options?: object): Promise<unknown>;
  /** Subscribes to another plugin's event, such as `Auth.authenticated`. */
  subscribe(name: string, callback: (envelope: GenesysEventEnvelope) => void): void;
  /** Answers `<Plugin>.<name>` when another plugin (Messenger's Auth) runs it. */
  registerCommand(name: string, handler: (event: GenesysPluginCommandEvent) => void): void;
  /** Reads a value (`data('Auth.authenticated')`) or sets one (`data('settings', …)`). */
  data(name: string, value?: unknown): unknown;
  /** Tells Messenger the plugin is set up. Mandatory, and last (BP-okta). */
  ready(): void;
}

type RegisterPlugin = (
  type: 'registerPlugin',
  name: string,
  init: (plugin: GenesysPlugin) => void,
) => void;

/**
 * `Genesys('registerPlugin', name, init)`. Before the script loads this only queues in the stub's
 * `Genesys.q`; the bootstrap runs `init` when it drains the queue. `window.Genesys` is looked up
 * at the call (the bootstrap replaces the stub). Returns false when there is no `Genesys` function.
 */
export function registerGenesysPlugin(
  win: GenesysWindow,
  name: string,
  init: (plugin: GenesysPlugin) => void,
): boolean {
  const genesys = win.Genesys as unknown as RegisterPlugin | undefined;
  if (typeof genesys !== 'function') return false;
  genesys('registerPlugin', name, init);
  return true;
}
