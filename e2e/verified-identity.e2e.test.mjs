// End-to-end: verified identity (issue 12 items 2, 4, 6). The demo with `?auth=` signs the customer
// in at the emulator's OpenID provider (oidc-provider) through a real OIDC library, with PKCE built
// and stored by that library; the adapter hands the unredeemed code, the redirect URI, the library's
// code verifier and nonce to Messenger, and Genesys (here the emulator) redeems them.
// Both adapters are proven against the real IdP: angular-auth-oidc-client (?auth=oidc) and
// angular-oauth2-oidc (?auth=oauth2-oidc).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { launchBrowser } from './harness.mjs';
import { serveDemo } from './serve.mjs';

const root = resolve(import.meta.dirname, '..');
const { startEmulator } = createRequire(import.meta.url)(
  resolve(root, 'dist/genesys-emulator/index.js'),
);

const AUTH_DEPLOYMENT = '5e7a9c1b-3d2f-4a6e-8b0c-7d1e2f3a4b5c';
// The routing of projects/genesys-emulator/emulator.config.json: premium only for the verified CRM
// id (or a claimed tier on an anonymous session), a claim that disagrees with the verified id flagged.
const ROUTING = {
  rules: [
    { when: { externalId: 'CRM-12345-XYZ' }, queue: 'Premium Support' },
    {
      when: { verified: false, attribute: 'customerTier', equals: 'premium' },
      queue: 'Premium Support',
    },
    { when: { attribute: 'crmCustomerId', exists: true }, queue: 'Known Customers' },
  ],
  defaultQueue: 'General',
  verification: { claimedIdAttribute: 'crmCustomerId', mismatchQueue: 'Verification Mismatch' },
};

let browser, demo, emulator;

/** An emulator with the authenticated deployment and its IdP, registered for this demo's callback. */
function startAuthEmulator(auth = {}) {
  return startEmulator({
    port: 0,
    quiet: true,
    deployments: [
      {
        id: AUTH_DEPLOYMENT,
        allowedDomains: ['127.0.0.1'],
        auth: { enabled: true, allowSessionUpgrade: false },
      },
    ],
    routing: ROUTING,
    auth: { redirectUris: [`${demo.url}/auth/callback`], idpPort: 0, ...auth },
  }).then((started) => {
    started.allowOrigin(demo.url);
    return started;
  });
}

before(async () => {
  browser = await launchBrowser();
  demo = await serveDemo({ port: 0, root: resolve(root, 'dist/demo/browser') });
  emulator = await startAuthEmulator();
});
after(async () => {
  await browser?.close();
  await Promise.all([demo?.close(), emulator?.close()]);
});

/** Opens the demo in a fresh context with the given adapter; records page errors and CSP reports. */
async function openAuthDemo(auth, target = emulator) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  const query = new URLSearchParams({
    emulator: target.url,
    idp: target.auth.issuer,
    auth,
    load: 'manual',
  });
  await page.goto(`${demo.url}/?${query}`);
  await page.getByTestId('sign-in-status').waitFor();
  return { context, page, problems, query };
}

/** The customer's sign-in at the IdP's own pages, as a person does it. */
async function signIn(page, who) {
  await page.getByTestId('sign-in').click();
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await page.getByLabel(who).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');
  await page
    .getByTestId('sign-in-status')
    .filter({ hasText: 'an authorization code waits for Messenger' })
    .waitFor();
}

/**
 * Asks the page's AuthProvider registration for a code the way Messenger's Auth plugin does
 * (`getAuthCode` through the plugin's registered command), without loading Messenger: the
 * registration still sits in the snippet stub's queue (load=manual).
 */
function askForCode(page, forceUpdate = false) {
  return page.evaluate(
    (force) =>
      new Promise((resolveCode, rejectCode) => {
        const entry = Array.from(window.Genesys.q ?? []).find(
          (args) => args[0] === 'registerPlugin' && args[1] === 'AuthProvider',
        );
        if (!entry) return rejectCode(new Error('no AuthProvider registration queued'));
        const commands = {};
        entry[2]({
          registerCommand: (name, handler) => (commands[name] = handler),
          subscribe: () => undefined,
          command: () => Promise.resolve(),
          data: () => undefined,
          ready: () => undefined,
        });
        commands.getAuthCode({
          data: { forceUpdate: force },
          resolve: resolveCode,
          reject: (reason) => rejectCode(new Error(String(reason))),
        });
      }),
    forceUpdate,
  );
}

/** Genesys' side: redeem the code as Messenger does, with the fields getAuthCode resolved. */
async function exchange(answer) {
  const { authCode, ...rest } = answer;
  const response = await fetch(
    `${emulator.url}/api/v2/webdeployments/token/oauthcodegrantjwtexchange`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ deploymentId: AUTH_DEPLOYMENT, oauth: { code: authCode, ...rest } }),
    },
  );
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

const jwtClaims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

for (const [auth, library] of [
  ['oidc', 'angular-auth-oidc-client'],
  ['oauth2-oidc', 'angular-oauth2-oidc'],
]) {
  test(`${library}: authorization code with PKCE through the emulator's IdP, redeemed by Genesys`, async () => {
    const { context, page, problems, query } = await openAuthDemo(auth);
    await signIn(page, /Pat Premium/);
    // Back on the demo with its own query; no code left in the address bar or the history.
    assert.deepEqual(
      Object.fromEntries(new URL(page.url()).searchParams),
      Object.fromEntries(query),
    );

    const answer = await askForCode(page);
    assert.deepEqual(Object.keys(answer).sort(), [
      'authCode',
      'codeVerifier',
      'iss',
      'nonce',
      'redirectUri',
    ]);
    assert.equal(answer.redirectUri, `${demo.url}/auth/callback`);
    assert.equal(answer.iss, emulator.auth.issuer);
    assert.ok(answer.codeVerifier.length >= 43, 'an RFC 7636 verifier from the library');

    const redeemed = await exchange(answer);
    assert.equal(redeemed.status, 200, 'Genesys redeemed the code with the verifier');
    assert.equal(jwtClaims(redeemed.body.jwt).sub, 'idp-user-premium');
    assert.equal(typeof redeemed.body.refreshToken, 'string');
    // The library never redeemed it first: a code is single use, so that exchange would have failed.
    const again = await exchange(answer);
    assert.notEqual(again.status, 200, 'the code is single use');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${library}: a verifier that is not the library's is refused by the IdP`, async () => {
    const { context, page } = await openAuthDemo(auth);
    await signIn(page, /Sam Standard/);
    const answer = await askForCode(page);
    const forged = await exchange({ ...answer, codeVerifier: 'x'.repeat(64) });
    assert.notEqual(forged.status, 200, 'PKCE binds the code to the verifier the library stored');
    await context.close();
  });
}

test('forceUpdate after the code was given: a fresh authorization request, a new code', async () => {
  const { context, page } = await openAuthDemo('oidc');
  await signIn(page, /Pat Premium/);
  const first = await askForCode(page);
  // Asked again without forceUpdate, the adapter answers the latest code it has.
  assert.equal((await askForCode(page)).authCode, first.authCode);
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${emulator.auth.issuer}/auth?`));
  void askForCode(page, true).catch(() => undefined); // the page leaves; this never resolves
  const request = new URL((await authorize).url());
  assert.equal(request.searchParams.get('code_challenge_method'), 'S256');
  // The IdP session is still alive, so the IdP answers at once with a new code.
  await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');
  await page.getByTestId('sign-in-status').filter({ hasText: 'waits for Messenger' }).waitFor();
  const second = await askForCode(page);
  assert.notEqual(second.authCode, first.authCode);
  assert.notEqual(second.codeVerifier, first.codeVerifier, 'a new verifier per request');
  assert.equal((await exchange(second)).status, 200);
  await context.close();
});

for (const [auth, library] of [
  ['oidc', 'angular-auth-oidc-client'],
  ['oauth2-oidc', 'angular-oauth2-oidc'],
]) {
  test(`${library}: a callback this browser did not start (wrong state), or an IdP error, gives Messenger no code`, async () => {
    const { context, page } = await openAuthDemo(auth);
    await page.getByTestId('sign-in').click(); // the library stores its state; the demo its query
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    for (const search of ['?code=planted-code-1234&state=not-the-state', '?error=access_denied']) {
      await page.goto(`${demo.url}/auth/callback${search}`);
      await page.getByTestId('sign-in-status').filter({ hasText: 'did not complete' }).waitFor();
      assert.ok(!page.url().includes('planted'), 'the URL is cleaned');
      const refused = await askForCode(page).then(
        () => null,
        (e) => e.message,
      );
      assert.match(refused, /No authorization code for Messenger/);
      assert.ok(!refused.includes('planted-code'), 'no code in the message');
    }
    await context.close();
  });
}

test('without ?auth= the demo shows no sign-in and registers no AuthProvider', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(
    `${demo.url}/?${new URLSearchParams({ emulator: emulator.url, load: 'manual' })}`,
  );
  await page.getByTestId('status').waitFor();
  assert.equal(await page.getByTestId('sign-in').count(), 0);
  assert.equal(await page.getByTestId('forge').count(), 0);
  const queued = await page.evaluate(() =>
    Array.from(window.Genesys?.q ?? []).some((a) => a[0] === 'registerPlugin'),
  );
  assert.equal(queued, false);
  await context.close();
});

// ---- With the stand-in Messenger's Auth plugin (AuthProvider getAuthCode -> JWT exchange ->
// configureAuthenticatedSession, refresh, Auth.logout): the whole chat, verified end to end.

const bubble = (page, text) =>
  page.locator('#genesys-emulator-messenger [role="log"] > div', { hasText: text });

async function say(page, text) {
  const input = page.getByRole('textbox', { name: 'Type a message' });
  await input.fill(text);
  await input.press('Enter');
  await bubble(page, text).waitFor();
}

/** Chat as a row of the customer table (its Chat button), then say something. */
async function chatAs(page, crmId, text) {
  await page.locator(`tr[data-customer="${crmId}"] button`).click();
  await page
    .locator(`tr[data-customer="${crmId}"] + tr.outcome`)
    .filter({ hasText: 'Chat open' })
    .waitFor({ timeout: 15_000 });
  await say(page, text);
}

async function verifiedPanel(page, queue) {
  await page.getByTestId('verified-queue').filter({ hasText: queue }).waitFor({ timeout: 15_000 });
  const text = async (id) => (await page.getByTestId(id).textContent()).trim();
  return {
    subject: await text('verified-subject'),
    crmId: await text('verified-crm-id'),
    claimedId: await text('claimed-crm-id'),
    claimedTier: await text('claimed-tier'),
    flagged: (await page.getByTestId('claim-mismatch').count()) > 0,
  };
}

for (const [auth, library] of [
  ['oidc', 'angular-auth-oidc-client'],
  ['oauth2-oidc', 'angular-oauth2-oidc'],
]) {
  test(`${library}: a verified chat, signed in as Pat Premium, chatting as Ada routes to Premium Support`, async () => {
    const { context, page, problems } = await openAuthDemo(auth);
    await signIn(page, /Pat Premium/);
    await chatAs(page, 'CRM-12345-XYZ', 'Hello, Ada here about my renewal');
    await page.getByTestId('auth-state').filter({ hasText: 'authenticated' }).waitFor();
    assert.deepEqual(await verifiedPanel(page, 'Premium Support'), {
      subject: 'idp-user-premium',
      crmId: 'CRM-12345-XYZ',
      claimedId: 'CRM-12345-XYZ',
      claimedTier: 'premium',
      flagged: false,
    });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a forged claim: signed in as Sam Standard, claiming Eve's id and premium is flagged, not premium", async () => {
  const { context, page } = await openAuthDemo('oidc');
  await signIn(page, /Sam Standard/);
  await page.getByTestId('forge').click();
  const view = await verifiedPanel(page, 'Verification Mismatch');
  assert.deepEqual(view, {
    subject: 'idp-user-standard',
    crmId: 'CRM-20002-BCA',
    claimedId: 'CRM-50005-EFI',
    claimedTier: 'premium',
    flagged: true,
  });
  const queues = emulator.conversations().map((c) => c.queueName);
  assert.ok(queues.includes('Verification Mismatch'));
  await context.close();
});

test('logout: the Messenger tokens and the IdP session go; the next visitor inherits nothing', async () => {
  const { context, page } = await openAuthDemo('oidc');
  await signIn(page, /Pat Premium/);
  await chatAs(page, 'CRM-12345-XYZ', 'Pat says: my secret renewal question');
  await verifiedPanel(page, 'Premium Support');
  const tokensInStorage = () =>
    page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((store) =>
        Object.keys(store).filter((k) => /eyJ[\w-]+\.[\w-]+\./.test(store.getItem(k) ?? '')),
      ),
    );
  assert.ok((await tokensInStorage()).length > 0, 'Messenger kept its JWT in the page storage');
  await page.getByTestId('sign-out').click();
  // The IdP's own sign-out page, then back to the demo.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');
  await page.getByTestId('sign-in-status').filter({ hasText: 'Not signed in' }).waitFor();
  assert.deepEqual(await tokensInStorage(), [], 'no JWT left in localStorage or sessionStorage');
  // The next visitor at this browser: the IdP asks who it is (its session is gone).
  await page.getByTestId('sign-in').click();
  await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
  await page.getByLabel(/Sam Standard/).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');
  await chatAs(page, 'CRM-20002-BCA', 'Sam here');
  const view = await verifiedPanel(page, 'Known Customers');
  assert.equal(view.subject, 'idp-user-standard');
  assert.equal(await bubble(page, 'secret renewal').count(), 0, "no line of Pat's transcript");
  await context.close();
});

test('an expired web-messaging JWT is refreshed with the refresh token, without a new sign-in', async () => {
  const shortLived = await startAuthEmulator({ jwtTtlSeconds: 2 });
  const { context, page } = await openAuthDemo('oidc', shortLived);
  try {
    await signIn(page, /Pat Premium/);
    await chatAs(page, 'CRM-12345-XYZ', 'Before the token expires');
    await verifiedPanel(page, 'Premium Support');
    const refreshes = [];
    const signIns = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v2/webdeployments/token/refresh')) refreshes.push(r.url());
      if (r.url().startsWith(`${shortLived.auth.issuer}/auth?`)) signIns.push(r.url());
    });
    await new Promise((r) => setTimeout(r, 3_000)); // the JWT is now expired
    await page.reload();
    await page.getByTestId('status').waitFor();
    await chatAs(page, 'CRM-12345-XYZ', 'After the token expired');
    await page.getByTestId('auth-state').filter({ hasText: 'authenticated' }).waitFor();
    assert.ok(refreshes.length >= 1, 'Messenger refreshed the JWT');
    assert.deepEqual(signIns, [], 'no new sign-in at the IdP');
    const view = await verifiedPanel(page, 'Premium Support');
    assert.equal(view.subject, 'idp-user-premium');
  } finally {
    await context.close();
    await shortLived.close();
  }
});

test('refresh token refused too: Messenger asks reAuthenticate, the adapter signs in again at the IdP', async () => {
  const { context, page } = await openAuthDemo('oidc');
  await signIn(page, /Pat Premium/);
  await chatAs(page, 'CRM-12345-XYZ', 'Before both tokens are revoked');
  await verifiedPanel(page, 'Premium Support');
  const expired = await fetch(`${emulator.url}/emulator/auth/expire-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Emulator-Token': emulator.token },
    body: JSON.stringify({ subject: 'idp-user-premium', refreshTokens: true }),
  });
  assert.equal(expired.status, 200);
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${emulator.auth.issuer}/auth?`));
  await page.reload();
  await page.getByTestId('status').waitFor();
  await page.locator('tr[data-customer="CRM-12345-XYZ"] button').click();
  // reAuthenticate: the library builds a new authorization request; the IdP session answers at once.
  assert.equal(new URL((await authorize).url()).searchParams.get('code_challenge_method'), 'S256');
  await page.waitForURL((url) => url.origin === demo.url && url.pathname === '/');
  await chatAs(page, 'CRM-12345-XYZ', 'After signing in again');
  await page.getByTestId('auth-state').filter({ hasText: 'authenticated' }).waitFor();
  assert.equal((await verifiedPanel(page, 'Premium Support')).subject, 'idp-user-premium');
  await context.close();
});
