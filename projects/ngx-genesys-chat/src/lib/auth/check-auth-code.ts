import type { GenesysChatError } from '../errors/genesys-chat-error';
import { authCodeUnavailable } from './auth-errors';
import type { GenesysAuthCode } from './auth-code-source';

const OPTIONAL_STRINGS = ['codeVerifier', 'nonce', 'iss'] as const;

/**
 * Checks what the source resolved with and copies only the documented fields (reference §4a:
 * DC-ap, DC-am), so nothing else of the app's sign-in (an access token, a profile) reaches
 * Messenger. Returns the typed error instead of the code when a field is missing or malformed;
 * the error names the field, never its value.
 */
export function checkAuthCode(value: unknown): GenesysAuthCode | GenesysChatError {
  if (value === null || value === undefined) {
    return authCodeUnavailable('the source resolved no code (nobody is signed in)');
  }
  if (typeof value !== 'object') return authCodeUnavailable('the source resolved a non-object');
  const raw = value as Record<string, unknown>;
  for (const key of ['authCode', 'redirectUri'] as const) {
    if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '') {
      return authCodeUnavailable(`"${key}" is missing or not a non-empty string`);
    }
  }
  const code: { -readonly [K in keyof GenesysAuthCode]: GenesysAuthCode[K] } = {
    authCode: raw['authCode'] as string,
    redirectUri: raw['redirectUri'] as string,
  };
  for (const key of OPTIONAL_STRINGS) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'string' || raw[key] === '') {
      return authCodeUnavailable(`"${key}" must be a non-empty string when given`);
    }
    code[key] = raw[key] as string;
  }
  if (raw['maxAge'] !== undefined) {
    if (typeof raw['maxAge'] !== 'number' || !Number.isFinite(raw['maxAge']) || raw['maxAge'] < 0) {
      return authCodeUnavailable('"maxAge" must be a number of seconds (0 or more) when given');
    }
    code.maxAge = raw['maxAge'];
  }
  return code;
}
