// The three Genesys token endpoints as plain functions `(input) => {status, body}` for the emulator's
// route table, plus the JWT check guest-api runs on configureAuthenticatedSession. Paths and bodies:
// reference §4a (GO Webdeploymentsoauthrequestparameters / Webdeploymentsauthorizationresponse /
// Webdeploymentsrefreshjwtrequest; MT AuthJwtRequest.kt, AuthJwt.kt; JS v212 WebDeploymentsApi.md).
import { randomUUID } from 'node:crypto';
import type { CodeExchanger } from './code-exchange';
import { header, httpError, isRecord, stringField } from './http-errors';
import type { MessagingJwt } from './messaging-jwt';
import type { SessionStore } from './sessions';
import type { AuthHttpInput, AuthHttpResult, VerifyResult } from './types';

export interface TokenDeps {
  readonly exchanger: CodeExchanger;
  readonly jwt: MessagingJwt;
  readonly sessions: SessionStore;
  readonly idpIssuer: string;
  readonly externalIdClaim: string;
  readonly deploymentAllowed: (deploymentId: string) => boolean;
  readonly log: (line: string) => void;
}

/** The ID-token claims the emulator keeps beside the session (what Architect sees, reference §4a). */
const KEPT_CLAIMS = ['sub', 'email', 'given_name', 'family_name', 'name'];

function deploymentOf(deps: TokenDeps, body: Record<string, unknown>): string | AuthHttpResult {
  const deploymentId = stringField(body, 'deploymentId', 128);
  if (!deploymentId)
    return httpError(
      400,
      'deploymentId is required: pass the Messenger deployment id as a string.',
    );
  if (!deps.deploymentAllowed(deploymentId))
    return httpError(
      404,
      'deploymentId does not name a deployment with authentication on: check the deployment id.',
    );
  return deploymentId;
}

/** POST /api/v2/webdeployments/token/oauthcodegrantjwtexchange */
export async function exchangeCode(deps: TokenDeps, input: AuthHttpInput): Promise<AuthHttpResult> {
  const body = input.body;
  if (!isRecord(body))
    return httpError(
      400,
      'The body must be a JSON object {deploymentId, oauth:{code, redirectUri, …}}.',
    );
  const deploymentId = deploymentOf(deps, body);
  if (typeof deploymentId !== 'string') return deploymentId;
  const oauth = body['oauth'];
  if (!isRecord(oauth))
    return httpError(400, 'oauth is required: pass {code, redirectUri, codeVerifier?, nonce?}.');
  if ('idToken' in oauth)
    return httpError(
      400,
      'oauth.idToken (implicit flow) is not supported by the emulator: pass oauth.code from the code flow.',
    );
  const code = stringField(oauth, 'code');
  const redirectUri = stringField(oauth, 'redirectUri', 2048);
  if (!code)
    return httpError(
      400,
      'oauth.code is required: pass the authorization code from the IdP redirect.',
    );
  if (!redirectUri)
    return httpError(
      400,
      'oauth.redirectUri is required: pass the redirect URI registered at the IdP.',
    );
  const codeVerifier =
    oauth['codeVerifier'] === undefined ? undefined : stringField(oauth, 'codeVerifier', 128);
  const nonce = oauth['nonce'] === undefined ? undefined : stringField(oauth, 'nonce', 512);
  if (oauth['codeVerifier'] !== undefined && !codeVerifier)
    return httpError(400, 'oauth.codeVerifier must be a string of 43-128 characters.');
  if (oauth['nonce'] !== undefined && !nonce)
    return httpError(400, 'oauth.nonce must be a non-empty string.');
  const maxAge = oauth['maxAge'];
  if (
    maxAge !== undefined &&
    (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 0)
  )
    return httpError(400, 'oauth.maxAge must be a whole number of seconds.');
  // RFC 9207: an `iss` from the authorization response must be the configured IdP (mix-up defence).
  if (oauth['iss'] !== undefined && oauth['iss'] !== deps.idpIssuer)
    return httpError(
      400,
      'oauth.iss is not the issuer of the configured OpenID Connect integration.',
    );

  const outcome = await deps.exchanger.exchange({ code, redirectUri, codeVerifier, nonce, maxAge });
  if (!outcome.ok) {
    if (outcome.kind === 'unreachable') {
      deps.log('auth: code exchange failed: the identity provider is unreachable');
      return httpError(
        502,
        'The identity provider could not be reached; check the integration Discovery URI.',
      );
    }
    if (outcome.kind === 'refused') {
      deps.log(`auth: code exchange refused by the identity provider (${outcome.oauthError})`);
      return httpError(
        400,
        `The identity provider refused the authorization code (${outcome.oauthError}): it is expired, used, or its redirectUri or codeVerifier does not match. Sign in again.`,
      );
    }
    deps.log(`auth: ID token rejected (${outcome.check})`);
    return httpError(
      401,
      `The ID token from the identity provider failed verification (${outcome.check}). Sign in again.`,
    );
  }
  const external = outcome.claims[deps.externalIdClaim];
  const claims = Object.fromEntries(
    KEPT_CLAIMS.filter((k) => k in outcome.claims).map((k) => [k, outcome.claims[k]]),
  );
  const externalId = typeof external === 'string' && external.length > 0 ? external : undefined;
  if (externalId) claims[deps.externalIdClaim] = externalId;
  const { session, refreshToken } = deps.sessions.create({
    deploymentId,
    sub: outcome.claims.sub,
    externalId,
    claims,
  });
  const jti = randomUUID();
  const jwt = await deps.jwt.issue({
    sub: session.sub,
    sid: session.id,
    deploymentId,
    externalId,
    jti,
  });
  deps.sessions.issued(session.id, jti);
  deps.log('auth: code exchanged for a web-messaging JWT');
  return { status: 200, body: { jwt, refreshToken } };
}

/** POST /api/v2/webdeployments/token/refresh → `{jwt}` (JS v212 `SignedData`; no new refresh token). */
export async function refreshJwt(deps: TokenDeps, input: AuthHttpInput): Promise<AuthHttpResult> {
  const body = input.body;
  if (!isRecord(body))
    return httpError(400, 'The body must be a JSON object {refreshToken, deploymentId?}.');
  const refreshToken = stringField(body, 'refreshToken', 512);
  if (!refreshToken)
    return httpError(
      400,
      'refreshToken is required: pass the refresh token from the code exchange.',
    );
  const session = deps.sessions.byRefreshToken(refreshToken);
  if (typeof session === 'string') {
    deps.log(`auth: refresh refused (${session})`);
    return httpError(
      401,
      `The refresh token is ${session === 'unknown' ? 'not valid' : session}: sign in again (reAuthenticate).`,
    );
  }
  if (body['deploymentId'] !== undefined && body['deploymentId'] !== session.deploymentId)
    return httpError(
      400,
      'deploymentId does not match the deployment the refresh token was issued for.',
    );
  const jti = randomUUID();
  const jwt = await deps.jwt.issue({
    sub: session.sub,
    sid: session.id,
    deploymentId: session.deploymentId,
    externalId: session.externalId,
    jti,
  });
  deps.sessions.issued(session.id, jti);
  return { status: 200, body: { jwt } };
}

/** DELETE /api/v2/webdeployments/token/revoke with `Authorization: bearer <jwt>`. */
export async function revokeSession(
  deps: TokenDeps,
  input: AuthHttpInput,
): Promise<AuthHttpResult> {
  const auth = header(input.headers, 'authorization') ?? '';
  const match = /^bearer\s+(\S+)$/i.exec(auth);
  if (!match?.[1])
    return httpError(401, 'Authorization: bearer <jwt> is required: pass the web-messaging JWT.');
  const checked = await deps.jwt.check(match[1], undefined);
  if (!checked.ok)
    return httpError(
      401,
      `The web-messaging JWT is not valid (${checked.reason}): refresh it and retry.`,
    );
  const session = deps.sessions.get(checked.sid);
  if (!session || session.revoked)
    return httpError(401, 'The authenticated session is already signed out.');
  if (deps.sessions.expiredEarly(session, checked.jti))
    return httpError(401, 'The web-messaging JWT is not valid (expired): refresh it and retry.');
  deps.sessions.revoke(session.id);
  deps.log('auth: session revoked');
  return { status: 204, body: undefined, sessionId: session.id };
}

/** configureAuthenticatedSession's `data.code`: signature, issuer, audience = deploymentId, expiry, not revoked. */
export async function verifyJwt(
  deps: TokenDeps,
  jwt: string,
  deploymentId: string,
): Promise<VerifyResult> {
  const checked = await deps.jwt.check(jwt, deploymentId);
  if (!checked.ok) return checked;
  const session = deps.sessions.get(checked.sid);
  if (!session || session.revoked || session.sub !== checked.sub)
    return { ok: false, reason: 'revoked' };
  if (deps.sessions.expiredEarly(session, checked.jti)) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    sub: session.sub,
    externalId: session.externalId,
    sessionId: session.id,
    claims: session.claims,
  };
}
