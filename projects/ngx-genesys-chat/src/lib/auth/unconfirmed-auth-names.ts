import type { GenesysEventEnvelope } from '../messenger/genesys-global';
import type { GenesysPlugin } from './genesys-plugin';

// Every authenticated-messaging name that no primary Genesys source confirms lives here, one
// function each, so that replacing a guess is a one-line change (docs/genesys-api.md lists them).

/**
 * UNCONFIRMED (reference §4a, source T/S): DC-auth only says a successful `Auth.logout` "triggers
 * a logout event"; `Auth.loggedOut` is the name community notes give it. `logout()` does not
 * depend on it: the command's own resolution is the confirmed signal.
 */
export function subscribeLoggedOut(
  plugin: GenesysPlugin,
  callback: (envelope: GenesysEventEnvelope) => void,
): void {
  plugin.subscribe('Auth.loggedOut', callback);
}

/**
 * UNCONFIRMED (reference §4a, source S): headless Messenger with authentication and autoStart
 * only configures the session, so the Join is sent later by {@link joinConversation}.
 */
export function configureHeadlessOnly(plugin: GenesysPlugin): void {
  plugin.data('settings', { headless: { configureOnly: true } });
}

/**
 * UNCONFIRMED (reference §2 table and §4a, source S): joins the session configured under
 * `configureOnly`. Run through the AuthProvider plugin's `command`, the confirmed way a plugin
 * calls another plugin's command (IBM, BP-okta).
 */
export function joinConversation(plugin: GenesysPlugin): Promise<unknown> {
  return plugin.command('MessagingService.joinConversation', {});
}
