// The stand-in Messenger's Auth plugin in Chromium: a page registers AuthProvider exactly as the
// library does (queued registerPlugin, getAuthCode / reAuthenticate, ready() last); the stand-in
// exchanges the page's code, keeps the tokens in localStorage, configures an authenticated Guest
// session, refreshes a refused JWT, re-authenticates when the refresh is refused, and logs out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launchBrowser } from '../../e2e/harness.mjs';
import { REDIRECT_URI, authCode } from './helpers.mjs';
import {
  AUTH_DEP,
  PREMIUM,
  STANDARD,
  conversationResource,
  startEmulator,
} from './wiring-helpers.mjs';

const TOKENS_KEY = `genesys-emulator:auth:${AUTH_DEP}`;
let emulator, app, appUrl, browser;

function pageHtml() {
  return `<!doctype html><meta charset="utf-8"><title>auth page</title>
<script>
window.events = [];
window.Genesys = function () { (window.Genesys.q = window.Genesys.q || []).push(arguments); };
window.Genesys.t = Date.now();
window.Genesys.c = { environment: 'local', deploymentId: '${AUTH_DEP}' };
Genesys('registerPlugin', 'AuthProvider', (AuthProvider) => {
  AuthProvider.registerCommand('getAuthCode', (e) =>
    window.provideCode(e.data || {}).then((c) => (c ? e.resolve(c) : e.reject('no code')), () => e.reject('no code')));
  AuthProvider.registerCommand('reAuthenticate', (e) => window.reAuthenticate().then(() => e.resolve({})));
  for (const name of ['Auth.ready', 'Auth.authenticated', 'Auth.error', 'Auth.authError', 'Auth.loggedOut'])
    AuthProvider.subscribe(name, (env) =>
      window.events.push({ name, message: env && env.data && env.data.message, authenticated: AuthProvider.data('Auth.authenticated') }));
  window.authProvider = AuthProvider;
  AuthProvider.ready();
});
</script>
<script src="${emulator.url}/genesys-bootstrap/genesys.min.js"></script>`;
}

before(async () => {
  emulator = await startEmulator({
    port: 0,
    quiet: true,
    deployments: [{ id: AUTH_DEP, auth: { enabled: true } }],
    routing: {
      rules: [{ when: { externalId: PREMIUM.crm }, queue: 'Premium Support' }],
      defaultQueue: 'General',
    },
    auth: { redirectUris: [REDIRECT_URI], jwtTtlSeconds: 2 },
  });
  app = createServer((req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml()),
  );
  await new Promise((r) => app.listen(0, '127.0.0.1', r));
  appUrl = `http://127.0.0.1:${app.address().port}/`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await emulator?.close();
  app?.close();
});

/** A page whose getAuthCode signs `user.sub` in at the emulator's IdP (PKCE), or answers `code`. */
async function openPage(context, user, { code } = {}) {
  const page = await context.newPage();
  const calls = { getAuthCode: 0, reAuthenticate: 0 };
  await page.exposeFunction('provideCode', async () => {
    calls.getAuthCode++;
    if (code) return code;
    const grant = await authCode(emulator.auth, user.sub);
    return {
      authCode: grant.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: grant.verifier,
      nonce: grant.nonce,
      iss: grant.iss,
    };
  });
  await page.exposeFunction('reAuthenticate', async () => void calls.reAuthenticate++);
  await page.goto(appUrl);
  return { page, calls };
}

const events = (page) => page.evaluate(() => window.events.map((e) => e.name));
const waitEvent = (page, name) =>
  page.waitForFunction((n) => window.events.some((e) => e.name === n), name, { timeout: 8000 });
const send = (page, message) =>
  page.evaluate(
    (m) =>
      new Promise((resolve, reject) =>
        Genesys('command', 'MessagingService.sendMessage', { message: m }, resolve, reject),
      ),
    message,
  );
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), TOKENS_KEY);
const conversationOf = (sub) =>
  emulator.conversations().filter((c) => c.verifiedIdentity?.subject === sub);

test('getAuthCode → exchange → an authenticated Guest session with the verified subject', async () => {
  const context = await browser.newContext();
  const { page, calls } = await openPage(context, PREMIUM);
  await waitEvent(page, 'Auth.authenticated');
  assert.equal(calls.getAuthCode, 1);
  assert.deepEqual(await events(page), ['Auth.ready', 'Auth.authenticated']);
  assert.equal(await page.evaluate(() => window.authProvider.data('Auth.authenticated')), true);
  const tokens = JSON.parse(await stored(page));
  assert.equal(typeof tokens.jwt, 'string');
  assert.equal(typeof tokens.refreshToken, 'string');
  await send(page, 'hello, verified');
  const [c] = conversationOf(PREMIUM.sub);
  assert.ok(c, 'a conversation with the verified subject exists');
  assert.equal(c.verifiedIdentity.externalId, PREMIUM.crm);
  assert.equal(c.queueName, 'Premium Support');
  const resource = await conversationResource(emulator, c.id);
  assert.equal(resource.participants[0].verifiedIdentity.subject, PREMIUM.sub);
  await context.close();
});

test('a refused code publishes Auth.error (no token in it) and no session is configured', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context, STANDARD, {
    code: { authCode: 'not-a-real-code', redirectUri: REDIRECT_URI },
  });
  await waitEvent(page, 'Auth.error');
  const [error] = await page.evaluate(() => window.events.filter((e) => e.name === 'Auth.error'));
  assert.match(error.message, /refused \(400\)/);
  assert.doesNotMatch(error.message, /not-a-real-code/);
  assert.equal(error.authenticated, false);
  assert.equal(await stored(page), null);
  const before = emulator.conversations().length;
  await assert.rejects(send(page, 'should not arrive'));
  assert.equal(emulator.conversations().length, before, 'no conversation was created');
  await context.close();
});

test('an expired JWT is refreshed on reload; the session stays authenticated as the same subject', async () => {
  const context = await browser.newContext();
  const { page, calls } = await openPage(context, STANDARD);
  await waitEvent(page, 'Auth.authenticated');
  await send(page, 'before expiry');
  const first = JSON.parse(await stored(page));
  await new Promise((r) => setTimeout(r, 2600)); // jwtTtlSeconds: 2
  await page.reload();
  await waitEvent(page, 'Auth.ready');
  await send(page, 'after expiry');
  const now = JSON.parse(await stored(page));
  assert.notEqual(now.jwt, first.jwt, 'a new JWT');
  assert.equal(now.refreshToken, first.refreshToken, 'refresh keeps the refresh token');
  assert.equal(calls.getAuthCode, 1, 'no new code was needed');
  const texts = conversationOf(STANDARD.sub).flatMap((c) => c.messages.map((m) => m.text));
  assert.ok(texts.includes('after expiry'));
  await context.close();
});

test('Auth.logout revokes, removes the tokens, publishes the logout event; the next visitor inherits nothing', async () => {
  const context = await browser.newContext();
  const { page } = await openPage(context, PREMIUM);
  await waitEvent(page, 'Auth.authenticated');
  await send(page, 'first customer');
  const tokens = JSON.parse(await stored(page));
  await page.evaluate(() => window.authProvider.command('Auth.logout'));
  await waitEvent(page, 'Auth.loggedOut');
  assert.equal(await stored(page), null);
  assert.equal(await page.evaluate(() => window.authProvider.data('Auth.authenticated')), false);
  // The revoked JWT is dead on the Genesys side.
  const refresh = await fetch(`${emulator.url}/api/v2/webdeployments/token/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: tokens.refreshToken }),
  });
  assert.equal(refresh.status, 401);
  const ended = conversationOf(PREMIUM.sub).find((c) =>
    c.messages.some((m) => m.text === 'first customer'),
  );
  assert.equal(ended.state, 'disconnected');

  // A second visitor in the same browser signs in as someone else: a new conversation, new subject.
  const second = await openPage(context, STANDARD);
  await waitEvent(second.page, 'Auth.authenticated');
  await send(second.page, 'second customer');
  const mine = emulator
    .conversations()
    .filter((c) => c.messages.some((m) => m.text === 'second customer'));
  assert.equal(mine.length, 1);
  assert.equal(mine[0].verifiedIdentity.subject, STANDARD.sub);
  assert.ok(!mine[0].messages.some((m) => m.text === 'first customer'));
  await context.close();
});

/** The admin control (same-origin JSON, admin token). */
const expireTokens = (body, { token = emulator.token, type = 'application/json' } = {}) =>
  fetch(`${emulator.url}/emulator/auth/expire-tokens`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { 'x-emulator-token': token } : {}) },
    body: JSON.stringify(body),
  });

test('expire-tokens (JWTs only) forces token/refresh on the next connect; no new code', async () => {
  const context = await browser.newContext();
  const user = { sub: 'idp-user-premium' };
  const { page, calls } = await openPage(context, user);
  await waitEvent(page, 'Auth.authenticated');
  await send(page, 'before the control');
  const first = JSON.parse(await stored(page));
  const answer = await expireTokens({ subject: user.sub });
  assert.equal(answer.status, 200);
  assert.ok((await answer.json()).expired >= 1);
  // The expired JWT is refused by the Guest API now.
  assert.equal(
    (
      await fetch(`${emulator.url}/api/v2/webdeployments/token/revoke`, {
        method: 'DELETE',
        headers: { authorization: `bearer ${first.jwt}` },
      })
    ).status,
    401,
  );
  await page.reload();
  await waitEvent(page, 'Auth.ready');
  await send(page, 'after the control');
  const now = JSON.parse(await stored(page));
  assert.notEqual(now.jwt, first.jwt);
  assert.equal(now.refreshToken, first.refreshToken);
  assert.equal(calls.getAuthCode, 1);
  assert.equal(calls.reAuthenticate, 0);
  await context.close();
});

test('expire-tokens with refreshTokens: refresh refused → reAuthenticate → getAuthCode again, same subject', async () => {
  const context = await browser.newContext();
  const user = { sub: 'idp-user-standard' };
  const { page, calls } = await openPage(context, user);
  await waitEvent(page, 'Auth.authenticated');
  await send(page, 'before re-auth');
  const first = JSON.parse(await stored(page));
  assert.equal((await expireTokens({ subject: user.sub, refreshTokens: true })).status, 200);
  await page.reload();
  await waitEvent(page, 'Auth.ready');
  await send(page, 'after re-auth');
  assert.equal(calls.reAuthenticate, 1);
  assert.equal(calls.getAuthCode, 2, 'a new code after reAuthenticate');
  const now = JSON.parse(await stored(page));
  assert.notEqual(now.refreshToken, first.refreshToken, 'a new sign-in, new refresh token');
  const texts = conversationOf(user.sub).flatMap((c) => c.messages.map((m) => m.text));
  assert.ok(texts.includes('after re-auth'));
  await context.close();
});

test('expire-tokens: admin token, JSON and a well-formed body are required', async () => {
  assert.equal((await expireTokens({}, { token: '' })).status, 401);
  assert.equal((await expireTokens({}, { type: 'text/plain' })).status, 415);
  const bad = await expireTokens({ refreshTokens: 'yes' });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).message, /refreshTokens must be true or false/);
  assert.equal((await expireTokens({ subject: 'nobody-signed-in' })).status, 200);
});
