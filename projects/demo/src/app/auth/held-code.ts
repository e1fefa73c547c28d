// Shared by both adapters: what the provider's redirect brought back, and which answer
// getAuthCode owes Messenger for it. No OAuth here: the code, state and iss are only read from the
// URL, and the PKCE verifier and nonce come from the OIDC library's own storage.
import type { GenesysAuthCode } from 'ngx-genesys-chat';

/** The parameters of the authorization response at the redirect URI (RFC 6749 §4.1.2, RFC 9207). */
export interface CallbackParams {
  readonly code: string | null;
  readonly state: string | null;
  readonly iss: string | null;
  /** The provider's error code (`access_denied`, …), when it refused the sign-in. */
  readonly error: string | null;
}

/**
 * The authorization response, when the page is at `redirectUri` (same origin and path), else null.
 * Without a code or an error (the return from the provider's sign-out) every field is null.
 */
export function readCallback(location: Location, redirectUri: string): CallbackParams | null {
  const target = new URL(redirectUri);
  if (location.origin !== target.origin || location.pathname !== target.pathname) return null;
  const q = new URLSearchParams(location.search);
  const error = q.get('error');
  // Only an RFC 6749 error code is kept (it may be shown); any other text in the URL is not.
  const safeError = error === null ? null : OAUTH_ERROR.test(error) ? error : 'invalid_response';
  return { code: q.get('code'), state: q.get('state'), iss: q.get('iss'), error: safeError };
}

const OAUTH_ERROR = /^[a-z_]{1,64}$/;

/** What the callback left: a code not yet given to Messenger, a code given, a refusal, or nothing. */
export class HeldCode {
  private code: GenesysAuthCode | null = null;
  private handedOut = false;
  private failure: string | null = null;

  /** Keeps the code of this page's callback. */
  hold(code: GenesysAuthCode): void {
    this.code = code;
    this.handedOut = false;
    this.failure = null;
  }

  /** The sign-in failed; `why` names the step or the provider's error code, never a value. */
  refuse(why: string): void {
    this.code = null;
    this.failure = why;
  }

  /** Whether a code is held that Messenger has not had yet. */
  get fresh(): boolean {
    return this.code !== null && !this.handedOut;
  }

  /**
   * The answer to `getAuthCode`: a code never handed out is given even with `forceUpdate` (it is the
   * latest; asking for a new sign-in then would loop through the provider); with `forceUpdate` and
   * only a used code, `'signIn'` (start a fresh sign-in); otherwise the latest code, or null
   * (nobody signed in on this page). A refusal rejects once.
   */
  answer(forceUpdate: boolean): GenesysAuthCode | null | 'signIn' {
    if (this.failure !== null) {
      const why = this.failure;
      this.failure = null;
      throw new Error(`the sign-in did not complete (${why})`);
    }
    if (this.code && !this.handedOut) {
      this.handedOut = true;
      return this.code;
    }
    if (forceUpdate) return 'signIn';
    return this.code;
  }

  /** Forgets everything (logout). */
  clear(): void {
    this.code = null;
    this.handedOut = false;
    this.failure = null;
  }
}

/**
 * `getAuthCode` for either adapter: the held answer, or a fresh sign-in for `'signIn'`, with the
 * adapter's status kept in step (`failed` on a refusal, `codeGiven` once a code is handed out).
 */
export async function answerAuthCode(
  held: HeldCode,
  forceUpdate: boolean,
  setStatus: (status: 'failed' | 'codeGiven') => void,
  signIn: () => void,
): Promise<GenesysAuthCode | null> {
  let answer: GenesysAuthCode | null | 'signIn';
  try {
    answer = held.answer(forceUpdate);
  } catch (error) {
    setStatus('failed');
    throw error;
  }
  if (answer === 'signIn') return untilRedirect(signIn);
  if (answer) setStatus('codeGiven');
  return answer;
}

/**
 * Starts a full-page redirect and returns a promise that settles only if the page did not leave
 * within `ms` (the library could not build the request: discovery unreachable, bad config).
 */
export function untilRedirect(start: () => void, ms = 15_000): Promise<never> {
  return new Promise<never>((_, reject) => {
    start();
    setTimeout(() => reject(new Error('the sign-in redirect did not start')), ms);
  });
}
