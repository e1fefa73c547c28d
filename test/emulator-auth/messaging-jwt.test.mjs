// verifyMessagingJwt (what guest-api runs on configureAuthenticatedSession) and the refresh and
// revoke endpoints (POST …/token/refresh, DELETE …/token/revoke, reference §4a).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as jose from 'jose';
import { DEPLOYMENT, authCode, decodePayload, exchangeBody, startRuntime } from './helpers.mjs';

let ctx;
const started = [];
before(async () => {
  ctx = await startRuntime({ jwtTtlSeconds: 60, refreshTtlSeconds: 3600 });
  started.push(ctx);
});
after(() => Promise.all(started.map((c) => c.runtime.close())));

async function signedIn(c = ctx) {
  const result = await c.runtime.exchange({ body: exchangeBody(await authCode(c.runtime)) });
  assert.equal(result.status, 200);
  return result.body;
}

const bearer = (jwt) => ({ headers: { authorization: `bearer ${jwt}` } });

test('a tampered JWT is refused (signature)', async () => {
  const { jwt } = await signedIn();
  const [h, , s] = jwt.split('.');
  const forged = Buffer.from(
    JSON.stringify({ ...decodePayload(jwt), sub: 'user-bob', external_id: 'CRM-00042-ABC' }),
  ).toString('base64url');
  assert.deepEqual(await ctx.runtime.verifyMessagingJwt(`${h}.${forged}.${s}`, DEPLOYMENT), {
    ok: false,
    reason: 'signature',
  });
});

test('an unsigned (alg none) or garbage JWT is refused', async () => {
  const { jwt } = await signedIn();
  const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${jwt.split('.')[1]}.`;
  assert.equal((await ctx.runtime.verifyMessagingJwt(none, DEPLOYMENT)).ok, false);
  assert.deepEqual(await ctx.runtime.verifyMessagingJwt('not-a-jwt', DEPLOYMENT), {
    ok: false,
    reason: 'malformed',
  });
  assert.deepEqual(await ctx.runtime.verifyMessagingJwt('', DEPLOYMENT), {
    ok: false,
    reason: 'malformed',
  });
});

test('a JWT for another deployment is refused (audience)', async () => {
  const { jwt } = await signedIn();
  assert.deepEqual(await ctx.runtime.verifyMessagingJwt(jwt, 'another-deployment'), {
    ok: false,
    reason: 'audience',
  });
});

test('an expired JWT is refused, and a refresh gives a fresh one for the same subject', async () => {
  const { jwt, refreshToken } = await signedIn();
  ctx.clock.offsetMs = 61_000;
  try {
    assert.deepEqual(await ctx.runtime.verifyMessagingJwt(jwt, DEPLOYMENT), {
      ok: false,
      reason: 'expired',
    });
    const refreshed = await ctx.runtime.refresh({
      body: { refreshToken, deploymentId: DEPLOYMENT },
    });
    assert.equal(refreshed.status, 200);
    assert.deepEqual(Object.keys(refreshed.body), ['jwt']);
    const verified = await ctx.runtime.verifyMessagingJwt(refreshed.body.jwt, DEPLOYMENT);
    assert.equal(verified.ok, true);
    assert.equal(verified.sub, 'user-ada');
    assert.equal(verified.externalId, 'CRM-12345-XYZ');
    assert.equal(
      (await ctx.runtime.refresh({ body: { refreshToken } })).status,
      200,
      'deploymentId is optional',
    );
  } finally {
    ctx.clock.offsetMs = 0;
  }
});

test('a JWT from another issuer is refused even when signed with the same key (issuer)', async () => {
  const messagingKeys = await jose.generateKeyPair('ES256');
  const a = await startRuntime({ messagingKeys });
  const b = await startRuntime({ messagingKeys, genesysIssuer: 'http://127.0.0.1:3999' });
  started.push(a, b);
  const { jwt } = await signedIn(b);
  assert.equal((await b.runtime.verifyMessagingJwt(jwt, DEPLOYMENT)).ok, true);
  assert.deepEqual(await a.runtime.verifyMessagingJwt(jwt, DEPLOYMENT), {
    ok: false,
    reason: 'issuer',
  });
  assert.deepEqual(await ctx.runtime.verifyMessagingJwt(jwt, DEPLOYMENT), {
    ok: false,
    reason: 'signature',
  });
});

test('the JWT lifetime is capped at 15 minutes', async () => {
  const long = await startRuntime({ jwtTtlSeconds: 24 * 3600 });
  started.push(long);
  const claims = decodePayload((await signedIn(long)).jwt);
  assert.equal(claims.exp - claims.iat, 900);
});

test('revoke: 204 names the session, then its refresh token and its JWTs are refused', async () => {
  const { jwt, refreshToken } = await signedIn();
  const verified = await ctx.runtime.verifyMessagingJwt(jwt, DEPLOYMENT);
  const revoked = await ctx.runtime.revoke(bearer(jwt));
  assert.equal(revoked.status, 204);
  assert.equal(
    revoked.sessionId,
    verified.sessionId,
    'the caller pushes LogoutEvent to this session',
  );
  const refused = await ctx.runtime.refresh({ body: { refreshToken } });
  assert.equal(refused.status, 401);
  assert.match(refused.body.message, /revoked/);
  assert.deepEqual(await ctx.runtime.verifyMessagingJwt(jwt, DEPLOYMENT), {
    ok: false,
    reason: 'revoked',
  });
  assert.equal((await ctx.runtime.revoke(bearer(jwt))).status, 401, 'a second revoke');
  for (const body of [JSON.stringify(refused.body)]) {
    assert.ok(!body.includes(refreshToken) && !body.includes(jwt));
  }
});

test('revoking one session leaves another signed in', async () => {
  const one = await signedIn();
  const two = await signedIn();
  assert.equal((await ctx.runtime.revoke(bearer(one.jwt))).status, 204);
  assert.equal((await ctx.runtime.verifyMessagingJwt(two.jwt, DEPLOYMENT)).ok, true);
  assert.equal(
    (await ctx.runtime.refresh({ body: { refreshToken: two.refreshToken } })).status,
    200,
  );
});

test('revoke needs a valid bearer JWT: missing, garbage or expired → 401', async () => {
  const { jwt } = await signedIn();
  assert.equal((await ctx.runtime.revoke({})).status, 401);
  assert.equal((await ctx.runtime.revoke(bearer('garbage'))).status, 401);
  ctx.clock.offsetMs = 61_000;
  try {
    const expired = await ctx.runtime.revoke(bearer(jwt));
    assert.equal(expired.status, 401);
    assert.match(expired.body.message, /expired/);
    assert.ok(!expired.body.message.includes(jwt));
  } finally {
    ctx.clock.offsetMs = 0;
  }
});

test('refresh: an unknown, expired or mismatched refresh token is refused', async () => {
  const { refreshToken } = await signedIn();
  assert.equal((await ctx.runtime.refresh({ body: { refreshToken: 'x'.repeat(43) } })).status, 401);
  assert.equal((await ctx.runtime.refresh({ body: {} })).status, 400);
  assert.equal(
    (await ctx.runtime.refresh({ body: { refreshToken, deploymentId: 'other' } })).status,
    400,
  );
  ctx.clock.offsetMs = 3601_000;
  try {
    const expired = await ctx.runtime.refresh({ body: { refreshToken } });
    assert.equal(expired.status, 401);
    assert.match(expired.body.message, /expired/);
  } finally {
    ctx.clock.offsetMs = 0;
  }
  for (const line of ctx.lines) assert.ok(!line.includes(refreshToken));
});
