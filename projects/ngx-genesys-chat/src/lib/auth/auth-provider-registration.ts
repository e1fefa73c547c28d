import type { GenesysEventEnvelope, GenesysWindow } from '../messenger/genesys-global';
import { pageState } from '../messenger/page-state';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import type { GenesysAuthCode, GenesysAuthCodeRequest } from './auth-code-source';
import { authCodeUnavailable } from './auth-errors';
import {
  type GenesysPlugin,
  type GenesysPluginCommandEvent,
  registerGenesysPlugin,
} from './genesys-plugin';
import { configureHeadlessOnly, subscribeLoggedOut } from './unconfirmed-auth-names';

/** What Messenger's Auth plugin reported, as every app bound to the page hears it. */
export type AuthSignal =
  | { readonly kind: 'ready'; readonly authenticated: boolean }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'loggedOut' }
  | {
      readonly kind: 'error';
      readonly source: 'Auth.error' | 'Auth.authError';
      readonly reason: unknown;
    };

/** One app's answers to the plugin's commands (rejecting with a GenesysChatError) and its listener. */
export interface AuthBinding {
  getAuthCode(request: GenesysAuthCodeRequest): Promise<GenesysAuthCode>;
  reAuthenticate(): Promise<void>;
  onSignal(signal: AuthSignal): void;
}

/** Page settings fixed by the first registration (the plugin is registered once per page). */
export interface AuthProviderSettings {
  readonly configureOnly: boolean;
}

/**
 * The page's one `AuthProvider` plugin (reference §4a). Genesys allows one Messenger per page, and
 * a plugin name can be registered once, so two Angular apps, or an app provided again, share it:
 * the newest live app answers `getAuthCode` / `reAuthenticate`, every live app hears the `Auth.*`
 * events. Kept in the page state, so `ɵresetGenesysPage` forgets it with the stub.
 */
export class AuthProviderRegistration {
  private readonly bindings: AuthBinding[] = [];
  private plugin: GenesysPlugin | null = null;
  private readySignal: AuthSignal | null = null;
  private readonly pluginWaiters: ((plugin: GenesysPlugin) => void)[] = [];
  private readonly readyWaiters: ((plugin: GenesysPlugin) => void)[] = [];
  private latestCode: Promise<GenesysAuthCode> | null = null;

  constructor(win: GenesysWindow, settings: AuthProviderSettings) {
    registerGenesysPlugin(win, 'AuthProvider', (plugin) => this.init(plugin, settings));
  }

  /** Adds an app; returns its removal. A late app hears the `Auth.ready` it missed. */
  bind(binding: AuthBinding): () => void {
    this.bindings.push(binding);
    if (this.readySignal) binding.onSignal(this.readySignal);
    return () => {
      const at = this.bindings.indexOf(binding);
      if (at >= 0) this.bindings.splice(at, 1);
    };
  }

  /** Resolves with the plugin object once Messenger's bootstrap has run the registration. */
  whenPlugin(): Promise<GenesysPlugin> {
    return this.plugin
      ? Promise.resolve(this.plugin)
      : new Promise((resolve) => this.pluginWaiters.push(resolve));
  }

  /** Resolves once `Auth.ready` was published: Auth commands may be run from then on (DC-auth). */
  whenAuthReady(): Promise<GenesysPlugin> {
    return this.readySignal && this.plugin
      ? Promise.resolve(this.plugin)
      : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private init(plugin: GenesysPlugin, settings: AuthProviderSettings): void {
    this.plugin = plugin;
    plugin.registerCommand('getAuthCode', (e) =>
      this.answer(e, (binding) => this.latest(binding, { forceUpdate: forceUpdateOf(e.data) })),
    );
    plugin.registerCommand('reAuthenticate', (e) =>
      this.answer(e, (binding) => binding.reAuthenticate()),
    );
    plugin.subscribe('Auth.ready', () => {
      // BP-okta: after Auth.ready, data('Auth.authenticated') says whether Messenger holds tokens.
      this.readySignal = {
        kind: 'ready',
        authenticated: plugin.data('Auth.authenticated') === true,
      };
      this.dispatch(this.readySignal);
      this.readyWaiters.splice(0).forEach((resolve) => resolve(plugin));
    });
    plugin.subscribe('Auth.authenticated', () => this.dispatch({ kind: 'authenticated' }));
    plugin.subscribe('Auth.error', (e) => this.dispatch(errorSignal('Auth.error', e)));
    plugin.subscribe('Auth.authError', (e) => this.dispatch(errorSignal('Auth.authError', e)));
    subscribeLoggedOut(plugin, () => this.dispatch({ kind: 'loggedOut' }));
    if (settings.configureOnly) configureHeadlessOnly(plugin);
    plugin.ready(); // mandatory, and last (BP-okta)
    this.pluginWaiters.splice(0).forEach((resolve) => resolve(plugin));
  }

  /** Answers a Genesys command from the newest live app; Genesys gets only the error's message. */
  private answer(
    e: GenesysPluginCommandEvent,
    run: (binding: AuthBinding) => Promise<unknown>,
  ): void {
    const binding = this.bindings[this.bindings.length - 1];
    if (!binding) {
      e.reject(
        authCodeUnavailable('no Angular app with withAuthenticatedMessaging() is running').message,
      );
      return;
    }
    run(binding).then(
      (value) => e.resolve(value),
      (error: GenesysChatError) => e.reject(error.message),
    );
  }

  /**
   * The plugin may ask again before an earlier answer arrived (DC-ap: "always resolve with the
   * latest authCode"), so an earlier request resolves with the newest answer, never an older code.
   */
  private async latest(
    binding: AuthBinding,
    request: GenesysAuthCodeRequest,
  ): Promise<GenesysAuthCode> {
    let current = binding.getAuthCode(request);
    this.latestCode = current;
    for (;;) {
      const outcome = await current.then(
        (code) => ({ ok: true as const, code }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      // latestCode only ever moves to a newer request, so this ends at the newest one.
      const newest: Promise<GenesysAuthCode> = this.latestCode ?? current;
      if (newest === current) {
        if (outcome.ok) return outcome.code;
        throw outcome.error;
      }
      current = newest;
    }
  }

  private dispatch(signal: AuthSignal): void {
    for (const binding of Array.from(this.bindings)) binding.onSignal(signal);
  }
}

function forceUpdateOf(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { forceUpdate?: unknown }).forceUpdate === true
  );
}

function errorSignal(
  source: 'Auth.error' | 'Auth.authError',
  e: GenesysEventEnvelope | undefined,
): AuthSignal {
  return { kind: 'error', source, reason: e?.data };
}

/** The page's registration, created (and the plugin registered) on the first call only. */
export function authProviderRegistration(
  win: GenesysWindow,
  settings: AuthProviderSettings,
): AuthProviderRegistration {
  const state = pageState(win) as { auth?: AuthProviderRegistration };
  return (state.auth ??= new AuthProviderRegistration(win, settings));
}
