// Public types of the emulator's authentication side. Type-only: importing this file loads nothing.

/** A person who can sign in at the emulator's OpenID provider (the "customer's IdP"). */
export interface TestUser {
  readonly sub: string;
  readonly email: string;
  readonly given_name: string;
  readonly family_name: string;
  /** The external CRM id the deployment's identity resolution keys on. */
  readonly crm_customer_id: string;
}

/** An ES256 key pair (WebCrypto keys, as jose's generateKeyPair returns). */
export interface MessagingKeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

export interface AuthRuntimeOptions {
  /** Loopback host for the IdP's own HTTP server (default 127.0.0.1). */
  readonly host?: string;
  /** Port for the IdP (default 0: any free port). */
  readonly idpPort?: number;
  /** The confidential client of Genesys' "OpenID Connect Messenger Configuration" integration. */
  readonly clientId?: string;
  /** Its secret; random per run when omitted. Only the emulator's Genesys side ever sends it. */
  readonly clientSecret?: string;
  /** Redirect URIs registered at the IdP: the demo page's callback URL(s). */
  readonly redirectUris: readonly string[];
  /** Where end_session may send the browser back; defaults to the redirect URIs. */
  readonly postLogoutRedirectUris?: readonly string[];
  readonly users: readonly TestUser[];
  /** `iss` of the web-messaging JWTs: the emulator's own origin. */
  readonly genesysIssuer: string;
  /** Web-messaging JWT lifetime; Genesys caps it at 15 min (reference §4a), so values above 900 are clamped. */
  readonly jwtTtlSeconds?: number;
  /** Refresh-token lifetime (default 24 h, reference §4a). */
  readonly refreshTtlSeconds?: number;
  /** ID-token claim that becomes the external id (default `crm_customer_id`). */
  readonly externalIdClaim?: string;
  /** Whether a deployment id is known and has authentication on; default: any id. */
  readonly deploymentAllowed?: (deploymentId: string) => boolean;
  /** One line per event; never receives a token, code, secret or claim value. */
  readonly log?: (line: string) => void;
  /** Clock for the Genesys side (tests move it forward to expire tokens). */
  readonly now?: () => Date;
  /** Signing key pair for the web-messaging JWTs; generated when omitted. */
  readonly messagingKeys?: MessagingKeyPair;
}

/** What an HTTP route hands a handler: the parsed JSON body (or undefined) and the headers. */
export interface AuthHttpInput {
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** A Platform-API-shaped error body, like the emulator's other stand-ins: `{message, code, status}`. */
export interface GenesysErrorBody {
  readonly message: string;
  readonly code: string;
  readonly status: number;
}

export type AuthHttpResult =
  | {
      readonly status: 200;
      readonly body: { readonly jwt: string; readonly refreshToken?: string };
    }
  | { readonly status: 204; readonly body: undefined; readonly sessionId: string }
  | { readonly status: 400 | 401 | 403 | 404 | 502; readonly body: GenesysErrorBody };

export type VerifyFailure =
  'malformed' | 'signature' | 'expired' | 'issuer' | 'audience' | 'revoked';

export type VerifyResult =
  | {
      readonly ok: true;
      readonly sub: string;
      readonly externalId: string | undefined;
      /** The authenticated session; revoke() names it so the caller can push LogoutEvent. */
      readonly sessionId: string;
      readonly claims: Readonly<Record<string, unknown>>;
    }
  | { readonly ok: false; readonly reason: VerifyFailure };

export interface AuthRuntime {
  /** The IdP's issuer URL (= its origin); discovery at `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly discoveryUri: string;
  readonly clientId: string;
  /** POST /api/v2/webdeployments/token/oauthcodegrantjwtexchange */
  exchange(input: AuthHttpInput): Promise<AuthHttpResult>;
  /** POST /api/v2/webdeployments/token/refresh */
  refresh(input: AuthHttpInput): Promise<AuthHttpResult>;
  /** DELETE /api/v2/webdeployments/token/revoke; on 204 push LogoutEvent to `sessionId`'s sockets. */
  revoke(input: AuthHttpInput): Promise<AuthHttpResult>;
  /** For guest-api's configureAuthenticatedSession `data.code`. */
  verifyMessagingJwt(jwt: string, deploymentId: string): Promise<VerifyResult>;
  /**
   * EMULATOR-ONLY (`POST /emulator/auth/expire-tokens`): the JWTs issued so far (of `subject` when
   * given) expire now, and with `refreshTokens` their refresh tokens too. Returns the sessions touched.
   */
  expireTokens(filter: { readonly subject?: string; readonly refreshTokens?: boolean }): number;
  close(): Promise<void>;
}
