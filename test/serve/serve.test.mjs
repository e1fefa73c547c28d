// The demo's static server (e2e/serve.mjs) must serve only files inside its root. A sibling folder
// whose name starts with the root's name (dist/demo/browser-private next to dist/demo/browser) is
// outside it, however the path is spelled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { serveDemo } from '../../e2e/serve.mjs';

const dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
const root = join(dir, 'browser');
mkdirSync(root);
mkdirSync(join(dir, 'browser-private'));
writeFileSync(join(root, 'index.html'), '<!doctype html><p>demo __CSP_NONCE__</p>');
writeFileSync(join(root, 'main.js'), 'console.log("demo")');
writeFileSync(join(dir, 'browser-private', 'x'), 'SECRET-SIBLING');
writeFileSync(join(dir, 'secret.txt'), 'SECRET-PARENT');

let server;
before(async () => {
  server = await serveDemo({ port: 0, root });
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise it). */
function get(path) {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves files inside the root, and index.html for app routes', async () => {
  assert.equal((await get('/main.js')).body, 'console.log("demo")');
  const page = await get('/customers/42');
  assert.equal(page.status, 200);
  assert.match(page.body, /<p>demo [A-Za-z0-9+/=]+<\/p>/);
});

// Paths that decode to a step out of the root: refused outright.
for (const path of [
  '/..%2fbrowser-private/x',
  '/..%2Fbrowser-private%2Fx',
  '/%2e%2e%2fbrowser-private/x',
  '/..%2fsecret.txt',
  '/x/..%2f..%2fsecret.txt',
]) {
  test(`refuses ${path}`, async () => {
    const res = await get(path);
    assert.equal(res.status, 403);
    assert.doesNotMatch(res.body, /SECRET/);
  });
}

// Paths the URL parser already resolves inside the root, or that only look like a step out on
// Windows: they get the app page, never the sibling's file.
for (const path of ['/%2e%2e/secret.txt', '/../browser-private/x', '/..%5cbrowser-private/x']) {
  test(`never serves a file outside the root for ${path}`, async () => {
    const res = await get(path);
    assert.doesNotMatch(res.body, /SECRET/);
  });
}

test('answers a malformed escape with 400, not a stack trace', async () => {
  const res = await get('/%E0%A4%A');
  assert.equal(res.status, 400);
  assert.doesNotMatch(res.body, /Error|at /);
});
