// The emulator's Genesys side of authenticated messaging, end to end over its real HTTP and
// WebSocket surface: IdP sign-in with PKCE, the code → JWT exchange route, configureAuthenticatedSession,
// verified identity beside the claims, routing that a forged claim cannot steer, refusals, revoke.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  AUTH_DEP,
  OPEN_DEP,
  PREMIUM,
  STANDARD,
  STRICT_DEP,
  UNAUTHORIZED,
  call,
  configureAnonymous,
  configureAuthenticated,
  conversationResource,
  guest,
  join,
  signInAndExchange,
  startAuthEmulator,
  text,
} from './wiring-helpers.mjs';

let emulator;
const sockets = [];
const secrets = new Set();
const consoleLines = [];
const original = console.log;

before(async () => {
  console.log = (...args) => consoleLines.push(args.map(String).join(' '));
  emulator = await startAuthEmulator();
});
after(async () => {
  for (const s of sockets) s.close();
  await emulator?.close();
  console.log = original;
});

async function open(deploymentId = AUTH_DEP) {
  const g = await guest(emulator, deploymentId);
  sockets.push(g);
  return g;
}
async function signIn(user, deploymentId) {
  const tokens = await signInAndExchange(emulator, user.sub, deploymentId);
  secrets
    .add(tokens.jwt)
    .add(tokens.refreshToken)
    .add(tokens.grant.code)
    .add(tokens.grant.verifier);
  return tokens;
}
const conversationOf = (words) =>
  emulator.conversations().find((c) => c.messages.some((m) => m.text === words));

test('startEmulator exposes the IdP, and the deployment config reflects auth', async () => {
  assert.equal(
    emulator.auth.discoveryUri,
    `${emulator.auth.issuer}/.well-known/openid-configuration`,
  );
  const discovery = await (await fetch(emulator.auth.discoveryUri)).json();
  assert.equal(discovery.issuer, emulator.auth.issuer);
  assert.ok(emulator.auth.clientId);
  const config = (id) =>
    fetch(`${emulator.url}/webdeployments/v1/deployments/${id}/config.json`).then((r) => r.json());
  assert.deepEqual((await config(AUTH_DEP)).auth, { enabled: true, allowSessionUpgrade: true });
  assert.deepEqual((await config(STRICT_DEP)).auth, { enabled: true, allowSessionUpgrade: false });
  assert.deepEqual((await config(OPEN_DEP)).auth, { enabled: false, allowSessionUpgrade: false });
});

test('a verified premium customer routes as premium; the conversation shows verified identity beside the claims', async () => {
  const { jwt } = await signIn(PREMIUM);
  const g = await open();
  const token = randomUUID();
  const session = await g.request(configureAuthenticated(token, jwt));
  assert.equal(session.class, 'SessionResponse');
  assert.equal(session.body.connected, true);
  const claims = { crmCustomerId: PREMIUM.crm, customerTier: 'premium' };
  const echo = await g.request(text(token, 'verified premium hello', claims));
  assert.equal(echo.class, 'StructuredMessage');
  const summary = conversationOf('verified premium hello');
  assert.equal(summary.queueName, 'Premium Support');
  assert.deepEqual(summary.attributes, claims);
  assert.deepEqual(summary.verifiedIdentity, {
    subject: PREMIUM.sub,
    externalId: PREMIUM.crm,
    claimMismatch: false,
  });
  const resource = await conversationResource(emulator, summary.id);
  const customer = resource.participants.find((p) => p.purpose === 'customer');
  assert.deepEqual(customer.attributes, claims, 'the claimed attributes, as sent');
  assert.deepEqual(customer.verifiedIdentity, summary.verifiedIdentity);
  assert.equal(resource.participants.find((p) => p.purpose === 'acd').queueName, 'Premium Support');
});

test("a forged claim of another customer's crmCustomerId goes to the mismatch queue, never premium", async () => {
  const { jwt } = await signIn(STANDARD);
  const g = await open();
  const token = randomUUID();
  assert.equal((await g.request(configureAuthenticated(token, jwt))).body.connected, true);
  await g.request(
    text(token, 'forged hello', { crmCustomerId: PREMIUM.crm, customerTier: 'premium' }),
  );
  const forged = conversationOf('forged hello');
  assert.equal(forged.queueName, 'Identity Check');
  assert.deepEqual(forged.verifiedIdentity, {
    subject: STANDARD.sub,
    externalId: STANDARD.crm,
    claimMismatch: true,
  });
  assert.deepEqual(forged.attributes, { crmCustomerId: PREMIUM.crm, customerTier: 'premium' });
});

test('the same verified standard customer claiming their own id routes on the verified identity', async () => {
  const { jwt } = await signIn(STANDARD);
  const g = await open();
  const token = randomUUID();
  await g.request(configureAuthenticated(token, jwt));
  await g.request(text(token, 'honest standard hello', { crmCustomerId: STANDARD.crm }));
  const honest = conversationOf('honest standard hello');
  assert.equal(honest.queueName, 'Verified Customers');
  assert.equal(honest.verifiedIdentity.claimMismatch, false);
});

test('a forged id claimed later in a verified conversation raises the flag', async () => {
  const { jwt } = await signIn(STANDARD);
  const g = await open();
  const token = randomUUID();
  await g.request(configureAuthenticated(token, jwt));
  await g.request(text(token, 'first honest message', { crmCustomerId: STANDARD.crm }));
  await g.request(text(token, 'then forged', { crmCustomerId: PREMIUM.crm }));
  const c = conversationOf('then forged');
  assert.equal(c.queueName, 'Verified Customers', 'the queue was chosen at the start');
  assert.equal(c.verifiedIdentity.claimMismatch, true);
});

test('control: on a deployment without auth, the same forged claims still get premium (the threat stands there)', async () => {
  const g = await open(OPEN_DEP);
  const token = randomUUID();
  await g.request(configureAnonymous(token, OPEN_DEP));
  await g.request(
    text(token, 'anonymous forged hello', { crmCustomerId: PREMIUM.crm, customerTier: 'premium' }),
  );
  const c = conversationOf('anonymous forged hello');
  assert.equal(c.queueName, 'Premium Support');
  assert.equal(c.verifiedIdentity, undefined);
});

function tamper(jwt) {
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  payload.sub = PREMIUM.sub;
  payload.external_id = PREMIUM.crm;
  return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
}

test('a tampered JWT gets the 401 frame and attaches no session', async () => {
  const { jwt } = await signIn(STANDARD);
  const g = await open();
  const token = randomUUID();
  const refused = await g.request(configureAuthenticated(token, tamper(jwt)));
  assert.deepEqual({ ...refused, tracingId: undefined }, { ...UNAUTHORIZED, tracingId: undefined });
  const after = await g.request(text(token, 'tampered hello'));
  assert.equal(after.code, 4007, 'no session was attached');
  assert.equal(conversationOf('tampered hello'), undefined);
  const missing = await g.request({ ...configureAuthenticated(token, jwt), data: {} });
  assert.equal(missing.code, 4020);
});

test('a JWT issued for another deployment is refused (audience), and a deployment without auth takes none', async () => {
  const { jwt } = await signIn(STANDARD, STRICT_DEP);
  const g = await open();
  const refused = await g.request(configureAuthenticated(randomUUID(), jwt, AUTH_DEP));
  assert.equal(refused.code, 401);
  const open2 = await open(OPEN_DEP);
  const off = await open2.request(configureAuthenticated(randomUUID(), jwt, OPEN_DEP));
  assert.equal(off.code, 401);
  const exchangeForOpen = await call(emulator, 'POST', 'oauthcodegrantjwtexchange', {
    body: {
      deploymentId: OPEN_DEP,
      oauth: { code: 'x', redirectUri: 'http://127.0.0.1:4200/auth/callback' },
    },
  });
  assert.equal(exchangeForOpen.status, 404);
});

test('an anonymous session on an auth-required deployment connects but cannot send, then can once upgraded', async () => {
  const g = await open();
  const token = randomUUID();
  assert.equal((await g.request(configureAnonymous(token))).body.connected, true);
  const words = await g.request(
    text(token, 'anonymous on auth deployment', { customerTier: 'premium' }),
  );
  assert.deepEqual({ ...words, tracingId: undefined }, { ...UNAUTHORIZED, tracingId: undefined });
  assert.equal((await g.request(join(token))).code, 401, 'autostart Join refused too');
  assert.equal(conversationOf('anonymous on auth deployment'), undefined);
  assert.equal(
    emulator
      .conversations()
      .filter((c) => c.state === 'connected' && !c.verifiedIdentity && c.deploymentId === AUTH_DEP)
      .length,
    0,
  );
  const { jwt } = await signIn(PREMIUM);
  assert.equal(
    (await g.request(configureAuthenticated(token, jwt))).body.connected,
    true,
    'allowSessionUpgrade',
  );
  await g.request(text(token, 'upgraded hello'));
  assert.equal(conversationOf('upgraded hello').verifiedIdentity.subject, PREMIUM.sub);
});

test('without allowSessionUpgrade an anonymous session is not upgraded', async () => {
  const g = await open(STRICT_DEP);
  const token = randomUUID();
  await g.request(configureAnonymous(token, STRICT_DEP));
  const { jwt } = await signIn(PREMIUM, STRICT_DEP);
  assert.equal((await g.request(configureAuthenticated(token, jwt, STRICT_DEP))).code, 401);
  // The refused configure detached the socket (as any refused configure does); back to anonymous:
  assert.equal((await g.request(configureAnonymous(token, STRICT_DEP))).body.connected, true);
  assert.equal((await g.request(text(token, 'strict anonymous'))).code, 401);
  assert.equal(conversationOf('strict anonymous'), undefined);
});

test('an authenticated session is not downgraded (4017) nor taken over by another person', async () => {
  const { jwt } = await signIn(PREMIUM);
  const owner = await open();
  const token = randomUUID();
  await owner.request(configureAuthenticated(token, jwt));
  await owner.request(text(token, 'owner message'));
  const intruder = await open();
  const downgrade = await intruder.request(configureAnonymous(token));
  assert.equal(downgrade.code, 4017);
  assert.equal((await intruder.request(text(token, 'intruder message'))).code, 4007);
  const other = await signIn(STANDARD);
  assert.equal((await intruder.request(configureAuthenticated(token, other.jwt))).code, 401);
  assert.equal(conversationOf('intruder message'), undefined);
});

test('revoke pushes LogoutEvent, ends the conversation, and refresh is refused afterwards', async () => {
  const { jwt, refreshToken } = await signIn(PREMIUM);
  const refreshed = await call(emulator, 'POST', 'refresh', { body: { refreshToken } });
  assert.equal(refreshed.status, 200, 'refresh works before revoke');
  secrets.add(refreshed.body.jwt);
  const g = await open();
  const token = randomUUID();
  await g.request(configureAuthenticated(token, refreshed.body.jwt));
  await g.request(text(token, 'before logout'));
  const revoked = await call(emulator, 'DELETE', 'revoke', { jwt });
  assert.equal(revoked.status, 204);
  assert.equal(
    revoked.response.headers.get('access-control-allow-origin'),
    'http://127.0.0.1:4200',
  );
  const logout = await g.next((f) => f.class === 'LogoutEvent');
  assert.deepEqual(logout, { type: 'message', class: 'LogoutEvent', code: 200, body: {} });
  assert.equal(conversationOf('before logout').state, 'disconnected');
  assert.equal((await call(emulator, 'POST', 'refresh', { body: { refreshToken } })).status, 401);
  assert.equal((await g.request(text(token, 'after logout'))).code, 4007);
  const again = await open();
  assert.equal((await again.request(configureAuthenticated(randomUUID(), jwt))).code, 401);
  assert.equal(
    (await call(emulator, 'DELETE', 'revoke', { jwt })).status,
    401,
    'already signed out',
  );
});

test('token routes: CORS preflight lists DELETE, foreign origins and non-JSON bodies are refused', async () => {
  const preflight = await fetch(`${emulator.url}/api/v2/webdeployments/token/revoke`, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:4200', 'access-control-request-method': 'DELETE' },
  });
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get('access-control-allow-methods'), /DELETE/);
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:4200');
  const foreign = await call(emulator, 'POST', 'refresh', {
    body: { refreshToken: 'x' },
    origin: 'https://attacker.example',
  });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.response.headers.get('access-control-allow-origin'), null);
  const plain = await call(emulator, 'POST', 'refresh', {
    body: '{"refreshToken":"x"}',
    type: 'text/plain',
  });
  assert.equal(plain.status, 415);
  const garbage = await call(emulator, 'POST', 'oauthcodegrantjwtexchange', { body: 'not json' });
  assert.equal(garbage.status, 400);
  assert.match(garbage.body.message, /JSON object/);
});

test('no JWT, refresh token, code or verifier appears in any console line of the emulator', () => {
  assert.ok(secrets.size >= 10);
  assert.ok(
    consoleLines.some((l) => l.includes('code exchanged')),
    'the emulator did log',
  );
  for (const line of consoleLines) for (const s of secrets) assert.ok(!line.includes(s), line);
});
