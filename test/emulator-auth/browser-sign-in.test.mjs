// The IdP's pages in Debian's Chromium: its CSP (form-action covers the redirects after the post,
// which Chromium enforces) lets a real sign-in and sign-out reach the app's redirect URI, with no
// CSP violation or page error on the way.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launchBrowser } from '../../e2e/harness.mjs';
import { DEPLOYMENT, authorizeUrl, pkce, startRuntime } from './helpers.mjs';

let app, redirectUri, ctx, browser;
before(async () => {
  app = createServer((req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>app callback</p>'),
  );
  await new Promise((r) => app.listen(0, '127.0.0.1', r));
  redirectUri = `http://127.0.0.1:${app.address().port}/auth/callback`;
  ctx = await startRuntime({ redirectUris: [redirectUri] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await ctx?.runtime.close();
  app?.close();
});

function watch(page) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('sign in as the second test user in Chromium, then exchange the code Genesys-side', async () => {
  const page = await browser.newPage();
  const problems = watch(page);
  const { verifier, challenge } = await pkce();
  const url = authorizeUrl(ctx.runtime, { challenge, nonce: 'browser-nonce' });
  url.searchParams.set('redirect_uri', redirectUri);
  await page.goto(url.href);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel(/Bob/).check();
  await Promise.all([
    page.waitForURL(`${redirectUri}?**`),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  const code = new URL(page.url()).searchParams.get('code');
  assert.ok(code, 'the redirect URI received a code');
  assert.deepEqual(problems, []);

  const result = await ctx.runtime.exchange({
    body: {
      deploymentId: DEPLOYMENT,
      oauth: { code, redirectUri, codeVerifier: verifier, nonce: 'browser-nonce' },
    },
  });
  assert.equal(result.status, 200);
  const verified = await ctx.runtime.verifyMessagingJwt(result.body.jwt, DEPLOYMENT);
  assert.equal(verified.sub, 'user-bob');

  const end = new URL(`${ctx.runtime.issuer}/session/end`);
  end.searchParams.set('client_id', ctx.runtime.clientId);
  end.searchParams.set('post_logout_redirect_uri', redirectUri);
  await page.goto(end.href);
  await Promise.all([
    page.waitForURL(`${redirectUri}**`),
    page.getByRole('button', { name: 'Sign out' }).click(),
  ]);
  assert.deepEqual(problems, [], 'no CSP violation on the sign-out page either');
  await page.close();
});
