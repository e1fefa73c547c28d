// The authorization-code-with-PKCE flow through the emulator's IdP, and Genesys' code → JWT exchange
// (POST /api/v2/webdeployments/token/oauthcodegrantjwtexchange, reference §4a).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  CLIENT_SECRET,
  DEPLOYMENT,
  GENESYS_ISSUER,
  REDIRECT_URI,
  Jar,
  authCode,
  authorizeUrl,
  decodePayload,
  exchangeBody,
  startRuntime,
} from './helpers.mjs';

let ctx;
const consoleLines = [];
const secrets = new Set([CLIENT_SECRET]);
const errorBodies = [];
const originals = {};

before(async () => {
  for (const level of ['log', 'info', 'warn', 'error']) {
    originals[level] = console[level];
    console[level] = (...args) => consoleLines.push(args.map(String).join(' '));
  }
  ctx = await startRuntime();
});
after(async () => {
  await ctx?.runtime.close();
  Object.assign(console, originals);
});

async function exchange(body) {
  const result = await ctx.runtime.exchange({ body });
  if (result.status >= 400) errorBodies.push(JSON.stringify(result.body));
  return result;
}

test('sign-in with PKCE, then the code exchange returns a web-messaging JWT and a refresh token', async () => {
  const grant = await authCode(ctx.runtime, 'user-ada');
  secrets.add(grant.code).add(grant.verifier).add(grant.nonce);
  assert.equal(grant.iss, ctx.runtime.issuer, 'the redirect carries iss (RFC 9207)');
  const result = await exchange(exchangeBody(grant));
  assert.equal(result.status, 200);
  const { jwt, refreshToken } = result.body;
  secrets.add(jwt).add(refreshToken);
  assert.ok(refreshToken.length >= 43, 'an opaque random refresh token');
  const claims = decodePayload(jwt);
  assert.equal(claims.iss, GENESYS_ISSUER);
  assert.equal(claims.aud, DEPLOYMENT);
  assert.equal(claims.sub, 'user-ada');
  assert.equal(claims.external_id, 'CRM-12345-XYZ');
  assert.ok(claims.exp - claims.iat <= 900, 'at most 15 minutes');
  const verified = await ctx.runtime.verifyMessagingJwt(jwt, DEPLOYMENT);
  assert.equal(verified.ok, true);
  assert.equal(verified.sub, 'user-ada');
  assert.equal(verified.externalId, 'CRM-12345-XYZ');
  assert.equal(verified.claims.email, 'ada@example.test');
  assert.equal(verified.claims.given_name, 'Ada');
});

test('the second user signs in as themself: the verified subject follows the IdP, not the page', async () => {
  const result = await exchange(exchangeBody(await authCode(ctx.runtime, 'user-bob')));
  assert.equal(result.status, 200);
  const verified = await ctx.runtime.verifyMessagingJwt(result.body.jwt, DEPLOYMENT);
  assert.equal(verified.sub, 'user-bob');
  assert.equal(verified.externalId, 'CRM-00042-ABC');
});

test('a wrong code_verifier is refused, and a missing one too', async () => {
  const grant = await authCode(ctx.runtime);
  const wrong = randomBytes(32).toString('base64url');
  secrets.add(grant.code).add(grant.verifier).add(wrong);
  const refused = await exchange(exchangeBody({ ...grant, verifier: wrong }));
  assert.equal(refused.status, 400);
  assert.equal(refused.body.code, 'bad.request');
  assert.match(refused.body.message, /invalid_grant/);
  const { codeVerifier, ...withoutVerifier } = exchangeBody(grant).oauth;
  assert.ok(codeVerifier);
  const missing = await exchange({ deploymentId: DEPLOYMENT, oauth: withoutVerifier });
  assert.equal(missing.status, 400);
  assert.match(missing.body.message, /invalid_grant/);
});

test('a code is single use', async () => {
  const grant = await authCode(ctx.runtime);
  secrets.add(grant.code).add(grant.verifier);
  const first = await exchange(exchangeBody(grant));
  assert.equal(first.status, 200);
  secrets.add(first.body.jwt).add(first.body.refreshToken);
  const replay = await exchange(exchangeBody(grant));
  assert.equal(replay.status, 400);
  assert.match(replay.body.message, /invalid_grant/);
});

test('the IdP refuses an authorization request without PKCE', async () => {
  const response = await new Jar().fetch(authorizeUrl(ctx.runtime, {}));
  const location = new URL(response.headers.get('location'), ctx.runtime.issuer);
  assert.ok(location.href.startsWith(REDIRECT_URI));
  assert.equal(location.searchParams.get('error'), 'invalid_request');
  assert.equal(location.searchParams.get('code'), null);
});

test('a nonce that is not the ID token nonce is refused with 401', async () => {
  const grant = await authCode(ctx.runtime);
  secrets.add(grant.code).add(grant.verifier);
  const result = await exchange(exchangeBody({ ...grant, nonce: 'another-nonce' }));
  assert.equal(result.status, 401);
  assert.match(result.body.message, /nonce/);
});

test('an iss that is not the configured IdP is refused before the code is spent', async () => {
  const grant = await authCode(ctx.runtime);
  secrets.add(grant.code).add(grant.verifier);
  const mixUp = await exchange(exchangeBody({ ...grant, iss: 'https://attacker.example' }));
  assert.equal(mixUp.status, 400);
  assert.match(mixUp.body.message, /oauth\.iss/);
  assert.equal((await exchange(exchangeBody(grant))).status, 200, 'the code was not sent anywhere');
});

test('bad bodies get a 4xx naming the field, and an unknown deployment a 404', async () => {
  const grant = await authCode(ctx.runtime);
  secrets.add(grant.code).add(grant.verifier);
  const cases = [
    [undefined, 400, /JSON object/],
    [{ oauth: { code: grant.code, redirectUri: REDIRECT_URI } }, 400, /deploymentId/],
    [{ deploymentId: DEPLOYMENT }, 400, /oauth is required/],
    [{ deploymentId: DEPLOYMENT, oauth: { redirectUri: REDIRECT_URI } }, 400, /oauth\.code/],
    [{ deploymentId: DEPLOYMENT, oauth: { code: grant.code } }, 400, /oauth\.redirectUri/],
    [
      {
        deploymentId: DEPLOYMENT,
        oauth: { code: grant.code, redirectUri: REDIRECT_URI, maxAge: -1 },
      },
      400,
      /maxAge/,
    ],
    [{ deploymentId: DEPLOYMENT, oauth: { idToken: 'x.y.z', nonce: 'n' } }, 400, /idToken/],
    [{ ...exchangeBody(grant), deploymentId: 'not-a-deployment' }, 404, /deploymentId/],
  ];
  for (const [body, status, message] of cases) {
    const result = await exchange(body);
    assert.equal(result.status, status, JSON.stringify(body));
    assert.match(result.body.message, message);
    assert.equal(result.body.status, status);
  }
});

test('maxAge: an ID token whose auth_time is older than maxAge is refused', async () => {
  const fresh = await authCode(ctx.runtime);
  secrets.add(fresh.code).add(fresh.verifier);
  const ok = await exchange({
    ...exchangeBody(fresh),
    oauth: { ...exchangeBody(fresh).oauth, maxAge: 3600 },
  });
  assert.equal(ok.status, 200);
  secrets.add(ok.body.jwt).add(ok.body.refreshToken);
  const stale = await authCode(ctx.runtime);
  secrets.add(stale.code).add(stale.verifier);
  ctx.clock.offsetMs = 10_000;
  try {
    const refused = await exchange({
      ...exchangeBody(stale),
      oauth: { ...exchangeBody(stale).oauth, maxAge: 5 },
    });
    assert.equal(refused.status, 401);
    assert.match(refused.body.message, /max_age/);
  } finally {
    ctx.clock.offsetMs = 0;
  }
});

test('a redirectUri that differs from the authorization request is refused', async () => {
  const grant = await authCode(ctx.runtime);
  secrets.add(grant.code).add(grant.verifier);
  const body = exchangeBody(grant);
  body.oauth.redirectUri = 'http://127.0.0.1:4200/elsewhere';
  const result = await exchange(body);
  assert.equal(result.status, 400);
});

test('an unreachable identity provider gives a 502 that names the Discovery URI, not the code', async () => {
  const down = await startRuntime();
  const grant = await authCode(down.runtime);
  secrets.add(grant.code).add(grant.verifier);
  await down.runtime.close();
  const result = await down.runtime.exchange({ body: exchangeBody(grant) });
  errorBodies.push(JSON.stringify(result.body));
  assert.equal(result.status, 502);
  assert.match(result.body.message, /Discovery URI/);
  ctx.lines.push(...down.lines);
});

test('no secret, code, verifier, nonce or token appears in any error body, log line or console line', () => {
  assert.ok(errorBodies.length >= 10, 'the error paths above ran');
  const seen = [...errorBodies, ...ctx.lines, ...consoleLines];
  for (const secret of secrets) {
    for (const line of seen)
      assert.ok(!line.includes(secret), `a secret leaked into: ${line.slice(0, 60)}…`);
  }
  assert.ok(ctx.lines.some((l) => l.includes('refused by the identity provider (invalid_grant)')));
});
