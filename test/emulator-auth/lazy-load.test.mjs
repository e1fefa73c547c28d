// The emulator without auth never loads oidc-provider or jose (its jest suite cannot load them,
// toolchain.md), and the auth entry point loads them only when createAuthRuntime() runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '../../dist/genesys-emulator');
const probe = `
  const Module = require('node:module');
  const seen = [];
  const load = Module._load;
  Module._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };
  require(${JSON.stringify(resolve(dist, 'index.js'))});
  const auth = require(${JSON.stringify(resolve(dist, 'auth/index.js'))});
  const before = seen.filter((r) => r === 'oidc-provider' || r === 'jose');
  auth.createAuthRuntime({ redirectUris: ['http://127.0.0.1:1/cb'], users: [{ sub: 's', email: 'e', given_name: 'g', family_name: 'f', crm_customer_id: 'c' }], genesysIssuer: 'http://127.0.0.1:2' })
    .then((rt) => rt.close())
    .then(() => console.log(JSON.stringify({ before, after: [...new Set(seen.filter((r) => r === 'oidc-provider' || r === 'jose'))] })));
`;

test('requiring the emulator and the auth entry point loads neither library; createAuthRuntime loads both', () => {
  const out = execFileSync(process.execPath, ['-e', probe], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const { before, after } = JSON.parse(out.trim().split('\n').pop());
  assert.deepEqual(before, []);
  assert.deepEqual(after.sort(), ['jose', 'oidc-provider']);
});

test('createAuthRuntime refuses bad options with a message that says what to pass', async () => {
  const { createRequire } = await import('node:module');
  const auth = createRequire(import.meta.url)(resolve(dist, 'auth/index.js'));
  await assert.rejects(
    auth.createAuthRuntime({ users: [], redirectUris: [] }),
    /redirectUris is required/,
  );
  await assert.rejects(
    auth.createAuthRuntime({ redirectUris: ['/relative'], users: [] }),
    /absolute URL/,
  );
  await assert.rejects(
    auth.createAuthRuntime({
      redirectUris: ['http://127.0.0.1/cb'],
      users: [{ sub: 'a' }, { sub: 'a' }],
      genesysIssuer: 'x',
    }),
    /distinct/,
  );
});

test('where ESM cannot be required (as in jest), createAuthRuntime rejects with a message that says why', () => {
  const script = `
    require(${JSON.stringify(resolve(dist, 'auth/index.js'))})
      .createAuthRuntime({ redirectUris: ['http://127.0.0.1:1/cb'], users: [{ sub: 's' }], genesysIssuer: 'http://127.0.0.1:2' })
      .then(() => console.log('started'), (e) => console.log(e.message));
  `;
  const out = execFileSync(process.execPath, ['--no-experimental-require-module', '-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  assert.match(
    out,
    /auth: could not load oidc-provider and jose \(ERR_REQUIRE_ESM\).*Node >= 20\.19 \(not inside jest\)/,
  );
});
