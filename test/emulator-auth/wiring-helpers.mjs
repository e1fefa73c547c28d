// Helpers for the wiring tests: an emulator from dist with auth on, the Genesys token routes over
// plain fetch (as Messenger calls them from the page), and a Guest API socket that collects frames.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { REDIRECT_URI, authCode } from './helpers.mjs';

const require = createRequire(import.meta.url);
export const { startEmulator } = require(
  resolve(import.meta.dirname, '../../dist/genesys-emulator/index.js'),
);
const WebSocket = require('ws');

export const ORIGIN = 'http://127.0.0.1:4200';
export const AUTH_DEP = 'a11ce000-0000-4000-8000-0000000000a1';
export const STRICT_DEP = 'a11ce000-0000-4000-8000-0000000000a2';
export const OPEN_DEP = 'a11ce000-0000-4000-8000-0000000000a3';
export const PREMIUM = { sub: 'idp-user-premium', crm: 'CRM-12345-XYZ' };
export const STANDARD = { sub: 'idp-user-standard', crm: 'CRM-20002-BCA' };
export const ROUTING = {
  rules: [
    { when: { externalId: PREMIUM.crm }, queue: 'Premium Support' },
    // The permissive claimed-tier rule of emulator.config.json: it must not rescue a forged id.
    { when: { attribute: 'customerTier', equals: 'premium' }, queue: 'Premium Support' },
    { when: { verified: true }, queue: 'Verified Customers' },
  ],
  defaultQueue: 'General',
  verification: { mismatchQueue: 'Identity Check' },
};

export function startAuthEmulator(auth = {}) {
  return startEmulator({
    port: 0,
    deployments: [
      { id: AUTH_DEP, auth: { enabled: true, allowSessionUpgrade: true } },
      { id: STRICT_DEP, auth: { enabled: true } },
      { id: OPEN_DEP },
    ],
    routing: ROUTING,
    auth: { redirectUris: [REDIRECT_URI], ...auth },
  });
}

export async function call(emulator, method, name, { body, jwt, origin = ORIGIN, type } = {}) {
  const headers = { origin };
  if (body !== undefined) headers['content-type'] = type ?? 'application/json';
  if (jwt) headers.authorization = `bearer ${jwt}`;
  const response = await fetch(`${emulator.url}/api/v2/webdeployments/token/${name}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { response, status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** IdP sign-in with PKCE (plain fetch), then the emulator's exchange route: `{jwt, refreshToken}`. */
export async function signInAndExchange(emulator, sub, deploymentId = AUTH_DEP) {
  const grant = await authCode(emulator.auth, sub);
  const body = {
    deploymentId,
    oauth: {
      code: grant.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: grant.verifier,
      nonce: grant.nonce,
      iss: grant.iss,
    },
  };
  const result = await call(emulator, 'POST', 'oauthcodegrantjwtexchange', { body });
  if (result.status !== 200)
    throw new Error(`exchange: ${result.status} ${JSON.stringify(result.body)}`);
  return { ...result.body, grant };
}

let tracing = 0;

/** A guest WebSocket: `request(frame)` sends with a fresh tracingId and resolves with its answer. */
export async function guest(emulator, deploymentId) {
  const ws = new WebSocket(
    `${emulator.url.replace(/^http/, 'ws')}/v1?deploymentId=${deploymentId}`,
    {
      origin: ORIGIN,
    },
  );
  const frames = [];
  ws.on('message', (raw) => frames.push(JSON.parse(String(raw))));
  await once(ws, 'open');
  const next = async (predicate, ms = 4000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const found = frames.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching frame; got ${JSON.stringify(frames)}`);
  };
  return {
    ws,
    frames,
    next,
    async request(frame) {
      const tracingId = `t-${++tracing}`;
      ws.send(JSON.stringify({ ...frame, tracingId }));
      return next((f) => f.tracingId === tracingId);
    },
    close: () => ws.terminate(),
  };
}

export const configureAuthenticated = (token, jwt, deploymentId = AUTH_DEP) => ({
  action: 'configureAuthenticatedSession',
  token,
  deploymentId,
  data: { code: jwt },
});
export const configureAnonymous = (token, deploymentId = AUTH_DEP) => ({
  action: 'configureSession',
  token,
  deploymentId,
});
export const text = (token, words, customAttributes) => ({
  action: 'onMessage',
  token,
  message: {
    type: 'Text',
    text: words,
    ...(customAttributes && { channel: { metadata: { customAttributes } } }),
  },
});
export const join = (token) => ({
  action: 'onMessage',
  token,
  message: { type: 'Event', events: [{ eventType: 'Presence', presence: { type: 'Join' } }] },
});

/** The Conversations API stand-in, as a server-side verifier calls it. */
export async function conversationResource(emulator, id) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: 'emulator-client',
    client_secret: 'emulator-secret',
  });
  const token = await (
    await fetch(`${emulator.url}/oauth/token`, { method: 'POST', body: form })
  ).json();
  const r = await fetch(`${emulator.url}/api/v2/conversations/${id}`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  });
  return r.json();
}

export const UNAUTHORIZED = {
  type: 'response',
  class: 'string',
  code: 401,
  body: 'User is unauthorized',
};
