// The IdP's own pages: the sign-in form (escaped, no script, CSP), a refused user, sign-out through
// end_session, and a start without oidc-provider's quick-start warnings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Jar, REDIRECT_URI, authorizeUrl, pkce, signIn, startRuntime } from './helpers.mjs';

let ctx;
const warnings = [];
before(async () => {
  const { warn, info } = console;
  console.warn = (...a) => warnings.push(a.join(' '));
  console.info = (...a) => warnings.push(a.join(' '));
  try {
    ctx = await startRuntime();
    // One full sign-in so the lazily called defaults (findAccount, ttl.*, pages) have run.
    await signIn(ctx.runtime, { challenge: (await pkce()).challenge });
  } finally {
    Object.assign(console, { warn, info });
  }
});
after(() => ctx?.runtime.close());

async function openSignIn(jar = new Jar()) {
  const start = await jar.fetch(authorizeUrl(ctx.runtime, { challenge: (await pkce()).challenge }));
  assert.equal(start.status, 303);
  const location = new URL(start.headers.get('location'), ctx.runtime.issuer);
  assert.match(location.pathname, /^\/interaction\//);
  return { jar, location, page: await jar.fetch(location) };
}

test('oidc-provider starts with our keys, adapter, pages and TTLs: no quick-start or default-function notice', () => {
  const fromProvider = warnings.filter((w) => w.includes('oidc-provider'));
  // The only one left is the runtime notice on Node < 22 (toolchain.md); it goes away on Node 22.
  const expected = Number(process.versions.node.split('.')[0]) < 22 ? 1 : 0;
  assert.equal(
    fromProvider.filter((w) => !w.includes('Unsupported runtime')).length,
    0,
    fromProvider.join('\n'),
  );
  assert.ok(fromProvider.length <= expected, fromProvider.join('\n'));
});

test('the sign-in page lists the test users escaped, has no script, and sends a strict CSP', async () => {
  const { page } = await openSignIn();
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /form-action 'self' http:\/\/127\.0\.0\.1:4200/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('cache-control'), 'no-store');
  const html = await page.text();
  assert.ok(!/<script/i.test(html), 'no script on the page');
  assert.ok(
    html.includes('&lt;b&gt;Bob&lt;/b&gt; &quot;O&#39;Hara&quot;'),
    'server-rendered names are escaped',
  );
  assert.ok(!html.includes('<b>Bob</b>'));
  assert.match(html, /name="sub" value="user-ada"/);
});

test('a sub that is not a configured user is refused with the form again, and no code is issued', async () => {
  const { jar, location } = await openSignIn();
  const post = await jar.fetch(location, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ sub: 'user-mallory' }),
  });
  assert.equal(post.status, 400);
  assert.equal(post.headers.get('location'), null);
  assert.match(await post.text(), /<form method="post"/);
});

test('an interaction without its cookie is refused (no sign-in from another browser)', async () => {
  const { location } = await openSignIn();
  const stranger = await new Jar().fetch(location);
  assert.equal(stranger.status, 400);
  assert.match(await stranger.text(), /Sign-in expired/);
});

test('sign-out (end_session) ends the IdP session: the next authorize asks to sign in again', async () => {
  const jar = new Jar();
  await signIn(ctx.runtime, { jar, challenge: (await pkce()).challenge });
  // Signed in: a new authorize goes straight back to the redirect URI with a code.
  const again = await jar.fetch(authorizeUrl(ctx.runtime, { challenge: (await pkce()).challenge }));
  let hop = new URL(again.headers.get('location'), ctx.runtime.issuer);
  for (let i = 0; i < 3 && !hop.href.startsWith(REDIRECT_URI); i++)
    hop = new URL((await jar.fetch(hop)).headers.get('location'), ctx.runtime.issuer);
  assert.ok(hop.searchParams.get('code'), 'silent sign-in while the IdP session lives');

  const end = new URL(`${ctx.runtime.issuer}/session/end`);
  end.searchParams.set('client_id', ctx.runtime.clientId);
  end.searchParams.set('post_logout_redirect_uri', REDIRECT_URI);
  const confirm = await jar.fetch(end);
  assert.equal(confirm.status, 200);
  assert.match(confirm.headers.get('content-security-policy'), /default-src 'none'/);
  const html = await confirm.text();
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  const action = /action="([^"]+)"/.exec(html)?.[1];
  assert.ok(xsrf && action, 'the provider form is on our page');
  const done = await jar.fetch(new URL(action, ctx.runtime.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }),
  });
  assert.equal(done.status, 303);
  assert.ok(done.headers.get('location').startsWith(REDIRECT_URI));

  const after = await jar.fetch(authorizeUrl(ctx.runtime, { challenge: (await pkce()).challenge }));
  assert.match(
    new URL(after.headers.get('location'), ctx.runtime.issuer).pathname,
    /^\/interaction\//,
  );
});
