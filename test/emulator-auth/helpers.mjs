// Shared helpers for the emulator-auth tests: load the compiled auth side from dist (built by
// build:emulator), drive the IdP's authorization-code-with-PKCE flow with plain fetch, and record
// every log line so tests can prove no secret leaks into one.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as oauth from 'oauth4webapi';

export const DIST_AUTH = resolve(import.meta.dirname, '../../dist/genesys-emulator/auth/index.js');
if (!existsSync(DIST_AUTH))
  throw new Error(`${DIST_AUTH} is missing: run npm run build:emulator first`);
export const auth = createRequire(import.meta.url)(DIST_AUTH);

export const REDIRECT_URI = 'http://127.0.0.1:4200/auth/callback';
export const DEPLOYMENT = 'd3a1f6f0-0000-4000-8000-00000000a001';
export const GENESYS_ISSUER = 'http://127.0.0.1:3100';
export const CLIENT_SECRET = `secret-${randomBytes(16).toString('hex')}`;
export const USERS = [
  {
    sub: 'user-ada',
    email: 'ada@example.test',
    given_name: 'Ada',
    family_name: 'Lovelace',
    crm_customer_id: 'CRM-12345-XYZ',
  },
  {
    sub: 'user-bob',
    email: 'bob@example.test',
    given_name: '<b>Bob</b>',
    family_name: '"O\'Hara"',
    crm_customer_id: 'CRM-00042-ABC',
  },
];

/** A runtime with a controllable clock and a log that keeps every line. */
export async function startRuntime(overrides = {}) {
  const lines = [];
  const clock = { offsetMs: 0 };
  const runtime = await auth.createAuthRuntime({
    redirectUris: [REDIRECT_URI],
    users: USERS,
    genesysIssuer: GENESYS_ISSUER,
    clientSecret: CLIENT_SECRET,
    deploymentAllowed: (id) => id === DEPLOYMENT,
    log: (line) => lines.push(line),
    now: () => new Date(Date.now() + clock.offsetMs),
    ...overrides,
  });
  return { runtime, lines, clock };
}

/**
 * RFC 7636 values for the test's own authorization request (the IdP and Genesys side check them),
 * from oauth4webapi (panva), never hand-rolled.
 */
export async function pkce() {
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  return { verifier, challenge };
}

/** A cookie jar good enough for one origin (oidc-provider's cookies are path-scoped; sending all is harmless). */
export class Jar {
  cookies = new Map();
  take(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
  async fetch(url, init = {}) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: this.header() },
    });
    this.take(response);
    return response;
  }
}

export function authorizeUrl(
  runtime,
  { challenge, nonce = randomBytes(8).toString('hex'), state = 'st-1', extra = {} } = {},
) {
  const url = new URL(`${runtime.issuer}/auth`);
  const params = {
    client_id: runtime.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid email profile crm',
    state,
    nonce,
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url;
}

/** GET authorize → sign-in form → POST the chosen user → follow redirects to the redirect URI. */
export async function signIn(
  runtime,
  { sub = USERS[0].sub, jar = new Jar(), nonce, challenge } = {},
) {
  let response = await jar.fetch(authorizeUrl(runtime, { challenge, nonce }));
  let location = new URL(response.headers.get('location'), runtime.issuer);
  const form = await jar.fetch(location);
  const html = await form.text();
  response = await jar.fetch(location, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ sub }),
  });
  // /interaction/:uid → /auth/:uid → redirect_uri?code=…
  for (let hops = 0; hops < 5; hops++) {
    location = new URL(response.headers.get('location'), runtime.issuer);
    if (location.href.startsWith(REDIRECT_URI)) break;
    response = await jar.fetch(location);
  }
  return { callback: location, form, html, jar };
}

/** Sign in with PKCE and a nonce; return what the page would hand Messenger's getAuthCode. */
export async function authCode(runtime, sub) {
  const { verifier, challenge } = await pkce();
  const nonce = randomBytes(12).toString('base64url');
  const { callback } = await signIn(runtime, { sub, challenge, nonce });
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect: ${callback.searchParams.get('error')}`);
  return { code, verifier, nonce, iss: callback.searchParams.get('iss') ?? undefined };
}

export function exchangeBody({ code, verifier, nonce, iss }, deploymentId = DEPLOYMENT) {
  return {
    deploymentId,
    oauth: {
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
      nonce,
      ...(iss ? { iss } : {}),
    },
  };
}

export function decodePayload(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}
