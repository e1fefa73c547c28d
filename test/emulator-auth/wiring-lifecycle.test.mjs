// Emulator start-up with and without auth, config errors, and JWT expiry followed by refresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  AUTH_DEP,
  UNAUTHORIZED,
  call,
  configureAuthenticated,
  guest,
  signInAndExchange,
  startAuthEmulator,
  startEmulator,
  text,
} from './wiring-helpers.mjs';

const dist = resolve(import.meta.dirname, '../../dist/genesys-emulator/index.js');

test('an emulator without auth deployments never loads oidc-provider or jose, and has no token routes', () => {
  const probe = `
    const Module = require('node:module');
    const seen = new Set();
    const load = Module._load;
    Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
    const { startEmulator } = require(${JSON.stringify(dist)});
    startEmulator({ port: 0, quiet: true, deployments: [{ id: 'd-1' }] }).then(async (e) => {
      const r = await fetch(e.url + '/api/v2/webdeployments/token/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await e.close();
      console.log(JSON.stringify({ libs: [...seen].filter((x) => x === 'jose' || x === 'oidc-provider'), status: r.status, auth: e.auth ?? null }));
    });
  `;
  const out = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out.trim().split('\n').pop()), { libs: [], status: 404, auth: null });
});

test('an auth-enabled deployment without a top-level auth section is a start-up error that says what to add', async () => {
  await assert.rejects(
    startEmulator({ port: 0, quiet: true, deployments: [{ id: 'd-2', auth: { enabled: true } }] }),
    /top-level "auth": \{ "redirectUris"/,
  );
  await assert.rejects(
    startEmulator({
      port: 0,
      quiet: true,
      deployments: [{ id: 'd-3', auth: { enabled: 'yes' } }],
      auth: { redirectUris: ['http://127.0.0.1:4200/cb'] },
    }),
    /"auth" must be \{ "enabled"/,
  );
});

test('an expired JWT gets the 401 frame; the refreshed one opens the session', async () => {
  const emulator = await startAuthEmulator({ jwtTtlSeconds: 1 });
  const originalLog = console.log;
  console.log = () => undefined;
  try {
    const { jwt, refreshToken } = await signInAndExchange(emulator, 'idp-user-premium');
    await new Promise((r) => setTimeout(r, 2100));
    const g = await guest(emulator, AUTH_DEP);
    const token = randomUUID();
    const expired = await g.request(configureAuthenticated(token, jwt));
    assert.equal(expired.code, UNAUTHORIZED.code);
    assert.equal(expired.body, UNAUTHORIZED.body);
    const refreshed = await call(emulator, 'POST', 'refresh', {
      body: { refreshToken, deploymentId: AUTH_DEP },
    });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.jwt, jwt);
    assert.equal(
      (await g.request(configureAuthenticated(token, refreshed.body.jwt))).body.connected,
      true,
    );
    assert.equal((await g.request(text(token, 'after refresh'))).class, 'StructuredMessage');
    g.close();
  } finally {
    console.log = originalLog;
    await emulator.close();
  }
});

test("the repository's emulator.config.json loads, with one auth-enabled deployment and the IdP settings", async () => {
  const { createRequire } = await import('node:module');
  const { loadEmulatorConfig } = createRequire(import.meta.url)(dist);
  const config = loadEmulatorConfig(
    resolve(import.meta.dirname, '../../projects/genesys-emulator/emulator.config.json'),
  );
  const authed = config.deployments.filter((d) => d.auth?.enabled);
  assert.equal(authed.length, 1);
  assert.ok(config.auth.redirectUris.every((u) => URL.canParse(u)));
  assert.equal(config.routing.verification.mismatchQueue, 'Verification Mismatch');
});
