import type { GenesysChatError } from '../errors/genesys-chat-error';

/**
 * Where authenticated messaging stands on this page:
 * - `unknown`: Messenger's Auth plugin has not reported yet (not loaded, or on the server);
 * - `authenticating`: Messenger asked for a code or a re-authentication;
 * - `authenticated`: Messenger holds tokens for a verified customer (`Auth.authenticated`);
 * - `signedOut`: no verified customer (after `logout()`, or Auth ready without tokens);
 * - `failed`: the last attempt failed; see the `error` event.
 */
export type GenesysAuthState =
  'unknown' | 'authenticating' | 'authenticated' | 'signedOut' | 'failed';

/** What `GenesysChatAuth.events$` emits. Errors carry `AUTH_FAILED` or `AUTH_CODE_UNAVAILABLE` (or a command error of logout). */
export type GenesysAuthEvent =
  | { readonly type: 'authenticated' }
  | { readonly type: 'signedOut' }
  | { readonly type: 'error'; readonly error: GenesysChatError };

/** Options of `GenesysChatAuth.logout()`. */
export interface GenesysLogoutOptions {
  /**
   * Also run `GenesysChatService.clearIdentity()`, first, so no CRM id or tier of this customer is
   * left in Messenger's page memory or the tab's storage. Default true.
   */
  readonly clearIdentity?: boolean;
  /**
   * With the identity, end the conversation on the Genesys side and remove Messenger's
   * identifiers and host-page keys: `clearIdentity({ endConversation: true })`, after loading
   * Messenger. Default true (a shared computer is the case to be safe for). Needs the
   * deployment's conversation clear turned on to end the conversation on the server.
   */
  readonly endConversation?: boolean;
}
