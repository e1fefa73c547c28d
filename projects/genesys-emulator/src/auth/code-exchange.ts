// Genesys' server-to-server leg of authenticated messaging: redeem the page's authorization code at
// the IdP's token endpoint with the integration's client secret (and the page's PKCE code_verifier),
// then verify the ID token with jose against the IdP's JWKS: signature, issuer, audience = client id,
// expiry, nonce when given, auth_time against maxAge when given.
import type { AuthLibs } from './libs';

export interface IdpClient {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface CodeGrant {
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier?: string;
  readonly nonce?: string;
  readonly maxAge?: number;
}

/** Why an exchange failed, for the caller's HTTP answer. No value from the request is in it. */
export type ExchangeFailure =
  | { readonly kind: 'refused'; readonly oauthError: string }
  | { readonly kind: 'id_token'; readonly check: string }
  | { readonly kind: 'unreachable' };

export type ExchangeOutcome =
  | {
      readonly ok: true;
      readonly claims: Readonly<Record<string, unknown>> & { readonly sub: string };
    }
  | ({ readonly ok: false } & ExchangeFailure);

interface Discovery {
  readonly token_endpoint: string;
  readonly jwks_uri: string;
}

const OAUTH_ERROR = /^[a-z_]{1,64}$/;
/** The IdP is on loopback; a hung IdP must not hang Messenger's exchange request. */
const TIMEOUT_MS = 10_000;

export class CodeExchanger {
  private discovery:
    | Promise<{ tokenEndpoint: string; jwks: ReturnType<AuthLibs['jose']['createRemoteJWKSet']> }>
    | undefined;

  constructor(
    private readonly jose: AuthLibs['jose'],
    private readonly idp: IdpClient,
    private readonly now: () => Date,
  ) {}

  /** Reads the Discovery URI once, as the Genesys integration does from its configured Discovery URI. */
  private discover() {
    this.discovery ??= (async () => {
      const response = await fetch(`${this.idp.issuer}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      const doc = (await response.json()) as Partial<Discovery>;
      if (typeof doc.token_endpoint !== 'string' || typeof doc.jwks_uri !== 'string')
        throw new Error('discovery document lacks token_endpoint or jwks_uri');
      return {
        tokenEndpoint: doc.token_endpoint,
        jwks: this.jose.createRemoteJWKSet(new URL(doc.jwks_uri)),
      };
    })();
    this.discovery.catch(() => (this.discovery = undefined));
    return this.discovery;
  }

  async exchange(grant: CodeGrant): Promise<ExchangeOutcome> {
    let idToken: string;
    let jwks: Awaited<ReturnType<CodeExchanger['discover']>>['jwks'];
    try {
      const discovered = await this.discover();
      jwks = discovered.jwks;
      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code: grant.code,
        redirect_uri: grant.redirectUri,
      });
      if (grant.codeVerifier) form.set('code_verifier', grant.codeVerifier);
      // client_secret_basic: both parts form-urlencoded first (RFC 6749 §2.3.1).
      const basic = Buffer.from(
        `${encodeURIComponent(this.idp.clientId)}:${encodeURIComponent(this.idp.clientSecret)}`,
      ).toString('base64');
      const response = await fetch(discovered.tokenEndpoint, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (!response.ok) {
        const error =
          typeof body['error'] === 'string' && OAUTH_ERROR.test(body['error'])
            ? body['error']
            : 'invalid_request';
        return { ok: false, kind: 'refused', oauthError: error };
      }
      if (typeof body['id_token'] !== 'string')
        return { ok: false, kind: 'id_token', check: 'missing' };
      idToken = body['id_token'];
    } catch {
      return { ok: false, kind: 'unreachable' };
    }
    try {
      const { payload } = await this.jose.jwtVerify(idToken, jwks, {
        issuer: this.idp.issuer,
        audience: this.idp.clientId,
        currentDate: this.now(),
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      if (grant.nonce !== undefined && payload['nonce'] !== grant.nonce)
        return { ok: false, kind: 'id_token', check: 'nonce' };
      if (grant.maxAge !== undefined) {
        const authTime = payload['auth_time'];
        const age =
          Math.floor(this.now().getTime() / 1000) - (typeof authTime === 'number' ? authTime : 0);
        if (typeof authTime !== 'number' || age > grant.maxAge)
          return { ok: false, kind: 'id_token', check: 'max_age' };
      }
      if (typeof payload.sub !== 'string') return { ok: false, kind: 'id_token', check: 'sub' };
      return { ok: true, claims: { ...payload, sub: payload.sub } };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { ok: false, kind: 'id_token', check: typeof code === 'string' ? code : 'invalid' };
    }
  }
}
