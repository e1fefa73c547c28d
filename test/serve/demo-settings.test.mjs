// The demo reads its emulator URL from the query string. A link such as
// /?emulator=https://apps.mypurecloud.ie.evil.test must never choose the script the demo loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { importTs } from './load-ts.mjs';

const root = resolve(import.meta.dirname, '../..');
const { demoSettings, DEFAULT_EMULATOR_URL } = await importTs(
  resolve(root, 'projects/demo/src/app/demo-settings.ts'),
  ['@angular/core'],
);
const DEFAULT_SCRIPT = `${DEFAULT_EMULATOR_URL}/genesys-bootstrap/genesys.min.js`;
const q = (emulator) => `?${new URLSearchParams({ emulator })}`;
const dev = { devMode: true, pageHost: 'demo.example.com' };
const prodOnLoopback = { devMode: false, pageHost: '127.0.0.1' };
const prodPublic = { devMode: false, pageHost: 'demo.example.com' };

for (const evil of [
  'https://apps.mypurecloud.ie.evil.test',
  'https://evil.test',
  'http://127.0.0.1.nip.io:8787',
  'http://localhost.evil.test',
  'http://127.0.0.1@evil.test',
  'http://user:pw@127.0.0.1:8787',
  'javascript:alert(1)//',
  'data:text/javascript,alert(1)//',
  '//evil.test',
]) {
  test(`ignores ?emulator=${evil} in every build`, () => {
    for (const env of [dev, prodOnLoopback, prodPublic]) {
      const settings = demoSettings(q(evil), env);
      assert.equal(settings.chat.scriptUrl, DEFAULT_SCRIPT);
      assert.equal(settings.emulatorUrl, DEFAULT_EMULATOR_URL);
    }
  });
}

test('takes a loopback emulator URL in a development build', () => {
  for (const url of ['http://127.0.0.1:9000', 'http://localhost:9000', 'http://[::1]:9000']) {
    const settings = demoSettings(q(url), dev);
    assert.equal(settings.emulatorUrl, url);
    assert.equal(settings.chat.scriptUrl, `${url}/genesys-bootstrap/genesys.min.js`);
  }
});

test('a production build takes it only when the demo itself is served from loopback (the e2e suite)', () => {
  assert.equal(
    demoSettings(q('http://127.0.0.1:9000'), prodOnLoopback).emulatorUrl,
    'http://127.0.0.1:9000',
  );
  assert.equal(
    demoSettings(q('http://127.0.0.1:9000'), prodPublic).emulatorUrl,
    DEFAULT_EMULATOR_URL,
  );
});

test('keeps only the origin of a loopback URL, so no path reaches the script URL', () => {
  const settings = demoSettings(q('http://127.0.0.1:9000/x/y?z#w'), dev);
  assert.equal(settings.chat.scriptUrl, 'http://127.0.0.1:9000/genesys-bootstrap/genesys.min.js');
});
