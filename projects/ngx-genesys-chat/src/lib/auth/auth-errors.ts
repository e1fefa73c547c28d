import { GenesysChatError } from '../errors/genesys-chat-error';

// The factories of the two auth codes. Messages name the step and the fix; they never carry a
// code, token, verifier, nonce or anything the provider or Genesys sent (that stays in `reason`).

/** The source gave no usable code; `problem` names the field or the step, never its value. */
export function authCodeUnavailable(problem: string, reason?: unknown): GenesysChatError {
  return new GenesysChatError(
    'AUTH_CODE_UNAVAILABLE',
    `No authorization code for Messenger: ${problem}. Sign the customer in at your OpenID provider ` +
      'first, and resolve getAuthCode() with { authCode, redirectUri } (plus codeVerifier for PKCE) ' +
      'from that sign-in; resolve null while nobody is signed in.',
    reason === undefined ? {} : { reason },
  );
}

/** Genesys (or the re-authentication the source runs) reported an authentication failure. */
export function authFailed(source: string, reason?: unknown): GenesysChatError {
  return new GenesysChatError(
    'AUTH_FAILED',
    `Authenticated messaging failed (${source}). Check that the deployment's OpenID Connect Messenger ` +
      'Configuration integration is active and matches your provider (discovery URI, client), that ' +
      'redirectUri is the one registered at the provider, and that the code was not used twice. ' +
      'See error.reason for what was reported.',
    reason === undefined ? { command: source } : { command: source, reason },
  );
}
