// The one entry point of the emulator's authentication side. It loads oidc-provider and jose at
// run time (see libs.ts), starts the IdP and wires the Genesys token side to it.
import { randomBytes } from 'node:crypto';
import { CodeExchanger } from './code-exchange';
import { startIdp } from './idp-server';
import { loadAuthLibs } from './libs';
import { generateMessagingKeys, MAX_JWT_TTL_SECONDS, MessagingJwt } from './messaging-jwt';
import { SessionStore } from './sessions';
import {
  exchangeCode,
  refreshJwt,
  revokeSession,
  verifyJwt,
  type TokenDeps,
} from './token-endpoints';
import type { AuthRuntime, AuthRuntimeOptions } from './types';

export const DEFAULT_CLIENT_ID = 'genesys-messenger-emulated';
const DEFAULT_REFRESH_TTL_SECONDS = 24 * 60 * 60;

function checkOptions(options: AuthRuntimeOptions): void {
  if (!options.redirectUris?.length)
    throw new TypeError('auth: redirectUris is required (the demo page callback URL).');
  for (const uri of [...options.redirectUris, ...(options.postLogoutRedirectUris ?? [])]) {
    if (!URL.canParse(uri))
      throw new TypeError('auth: every redirect URI must be an absolute URL.');
  }
  if (!options.users?.length)
    throw new TypeError('auth: users is required (at least one test user).');
  const subs = new Set(options.users.map((u) => u.sub));
  if (subs.size !== options.users.length || [...subs].some((s) => !s))
    throw new TypeError('auth: each user needs a distinct, non-empty sub.');
  if (!options.genesysIssuer)
    throw new TypeError('auth: genesysIssuer is required (the emulator origin).');
}

export async function createAuthRuntime(options: AuthRuntimeOptions): Promise<AuthRuntime> {
  checkOptions(options);
  const libs = await loadAuthLibs();
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('base64url');
  const postLogoutRedirectUris = options.postLogoutRedirectUris ?? options.redirectUris;

  const idp = await startIdp(libs, {
    host: options.host ?? '127.0.0.1',
    port: options.idpPort ?? 0,
    clientId,
    clientSecret,
    redirectUris: options.redirectUris,
    postLogoutRedirectUris,
    users: options.users,
    log,
  });
  const keys = options.messagingKeys ?? (await generateMessagingKeys(libs.jose));
  const deps: TokenDeps = {
    exchanger: new CodeExchanger(libs.jose, { issuer: idp.issuer, clientId, clientSecret }, now),
    jwt: new MessagingJwt(
      libs.jose,
      keys,
      options.genesysIssuer,
      options.jwtTtlSeconds ?? MAX_JWT_TTL_SECONDS,
      now,
    ),
    sessions: new SessionStore(
      (options.refreshTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS) * 1000,
      () => now().getTime(),
    ),
    idpIssuer: idp.issuer,
    externalIdClaim: options.externalIdClaim ?? 'crm_customer_id',
    deploymentAllowed: options.deploymentAllowed ?? (() => true),
    log,
  };
  log(`auth: OpenID provider at ${idp.issuer}, client ${clientId}`);
  return {
    issuer: idp.issuer,
    discoveryUri: `${idp.issuer}/.well-known/openid-configuration`,
    clientId,
    exchange: (input) => exchangeCode(deps, input),
    refresh: (input) => refreshJwt(deps, input),
    revoke: (input) => revokeSession(deps, input),
    verifyMessagingJwt: (jwt, deploymentId) => verifyJwt(deps, jwt, deploymentId),
    expireTokens: (filter) => deps.sessions.expire(filter.subject, filter.refreshTokens === true),
    close: () => idp.close(),
  };
}
