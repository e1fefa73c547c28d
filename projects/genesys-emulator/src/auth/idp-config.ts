// Configuration of the emulator's OpenID provider (oidc-provider 9): one confidential client that
// stands for Genesys' "OpenID Connect Messenger Configuration" integration (reference §4a), the code
// flow with PKCE S256 required, real signing keys, our own interaction and logout pages, and every
// default that oidc-provider asks to be replaced replaced, so it starts without warnings.
import { randomBytes } from 'node:crypto';
import { createMemoryAdapter } from './idp-adapter';
import { escapeHtml, messagePage, page, pageHeaders } from './html';
import type { AuthLibs, OidcContext, OidcProvider } from './libs';
import type { TestUser } from './types';

export const SCOPES = 'openid email profile crm';

export interface IdpConfigInput {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly users: readonly TestUser[];
  /** Set once the Provider exists; the grant loader needs it. */
  readonly provider: () => OidcProvider;
}

function origins(uris: readonly string[]): string[] {
  return uris.map((u) => new URL(u).origin);
}

/** The provider's signing key: generated per run (no quick-start keys), private JWK for `jwks`. */
export async function signingJwks(
  jose: AuthLibs['jose'],
): Promise<{ keys: Record<string, unknown>[] }> {
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  return { keys: [{ ...jwk, alg: 'RS256', use: 'sig', kid: randomBytes(8).toString('hex') }] };
}

export function idpConfiguration(input: IdpConfigInput, jwks: { keys: Record<string, unknown>[] }) {
  const users = new Map(input.users.map((u) => [u.sub, u]));
  const formTargets = origins([...input.redirectUris, ...input.postLogoutRedirectUris]);
  const setPageHeaders = (ctx: OidcContext) => {
    for (const [name, value] of Object.entries(pageHeaders(formTargets))) ctx.set(name, value);
  };
  return {
    adapter: createMemoryAdapter(),
    jwks,
    clients: [
      {
        client_id: input.clientId,
        client_secret: input.clientSecret,
        client_name: 'Genesys Cloud Messenger (emulated)',
        redirect_uris: [...input.redirectUris],
        post_logout_redirect_uris: [...input.postLogoutRedirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
        // auth_time in every ID token, so the exchange can honour a maxAge from getAuthCode.
        require_auth_time: true,
      },
    ],
    // PKCE on every authorization request; oidc-provider 9 only implements S256 (no "plain").
    pkce: { required: () => true },
    scopes: ['openid'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'name'],
      crm: ['crm_customer_id'],
    },
    // Genesys reads the identity from the ID token (reference §4a "Identity"), so scope claims go in it.
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: OidcContext, form: string) {
          setPageHeaders(ctx);
          // `form` is oidc-provider's own hidden form (it carries the xsrf value); the rest is ours.
          ctx.body = page(
            'Sign out',
            `<h1>Sign out of the test identity provider?</h1>${form}` +
              '<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button> ' +
              '<button type="submit" form="op.logoutForm">Stay signed in</button>',
          );
        },
        async postLogoutSuccessSource(ctx: OidcContext) {
          setPageHeaders(ctx);
          ctx.body = messagePage('Signed out', 'You are signed out of the test identity provider.');
        },
      },
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx: unknown, sub: string) {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: user.email,
          email_verified: true,
          given_name: user.given_name,
          family_name: user.family_name,
          name: `${user.given_name} ${user.family_name}`,
          crm_customer_id: user.crm_customer_id,
        }),
      };
    },
    // First-party client: no consent screen. Consent is recorded as a grant instead of asked for.
    async loadExistingGrant(ctx: OidcContext) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const { Grant } = input.provider();
      const existing = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) return Grant.find(existing);
      if (client.clientId !== input.clientId) return undefined;
      const grant = new Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    // Browser-side OIDC libraries (the library's adapters) may call the token endpoint with CORS.
    clientBasedCORS(_ctx: unknown, origin: string, client: { redirectUris: readonly string[] }) {
      return origins(client.redirectUris).includes(origin);
    },
    async renderError(ctx: OidcContext, out: Record<string, unknown>) {
      setPageHeaders(ctx);
      ctx.type = 'html';
      const error = typeof out['error'] === 'string' ? out['error'] : 'server_error';
      ctx.body = page('Sign-in error', `<h1>Sign-in error</h1><p>${escapeHtml(error)}</p>`);
    },
  };
}
