// Server-side rendering of the demo (npm run test:ssr):
// - the server render produces no error, touches neither window nor document from our code,
//   injects no script, and holds no pending task;
// - the server-rendered page hydrates in Chromium with no NG0506 or other hydration warning.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServerBundle } from './build-server.mjs';
import { launchBrowser } from '../../e2e/harness.mjs';
import { serveDemo } from '../../e2e/serve.mjs';

const root = resolve(import.meta.dirname, '../..');
const OURS = /ngx-genesys-chat|projects[\\/]demo|main\.server\.mjs/;

/** Records every read of a browser global, with the stack, while the server renders. */
function trapBrowserGlobals() {
  const reads = [];
  const names = [
    'window',
    'document',
    'location',
    'navigator',
    'localStorage',
    'sessionStorage',
    'Genesys',
    '_genesysJs',
  ];
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]);
  for (const name of names) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        reads.push({ name, stack: new Error().stack ?? '' });
        return undefined;
      },
    });
  }
  return {
    reads,
    restore() {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete globalThis[name];
      }
    },
  };
}

let html;
let renderMs;
let consoleErrors = [];
let ourReads = [];

before(async () => {
  await import('@angular/compiler'); // just-in-time compilation of the demo's components
  const { renderApplication } = await import('@angular/platform-server');
  const bundle = await buildServerBundle();
  const { default: bootstrap } = await import(pathToFileURL(bundle).href);
  const template = readFileSync(join(root, 'dist/demo/browser/index.html'), 'utf8');

  const originalError = console.error;
  console.error = (...args) => consoleErrors.push(args.map(String).join(' '));
  const trap = trapBrowserGlobals();
  try {
    const t0 = performance.now();
    html = await renderApplication(bootstrap, { document: template, url: '/' });
    renderMs = performance.now() - t0;
  } finally {
    trap.restore();
    console.error = originalError;
  }
  // Only reads made by our code count; Angular's own feature checks are not ours to judge.
  ourReads = trap.reads.filter((r) =>
    r.stack
      .split('\n')
      .slice(2)
      .some((line) => OURS.test(line) && !/node_modules[\\/]@angular/.test(line)),
  );
});

test('the server render succeeds without errors and shows the idle status', () => {
  assert.deepEqual(consoleErrors, []);
  assert.match(html, /Messenger: idle/);
  assert.match(html, /CRM-12345-XYZ/);
});

test('our code reads no browser global on the server', () => {
  assert.deepEqual(
    ourReads.map((r) => `${r.name}\n${r.stack}`),
    [],
  );
});

test('no script is injected on the server and no Genesys stub exists', () => {
  assert.doesNotMatch(html, /genesys-bootstrap/);
  assert.doesNotMatch(html, /_genesysJs/);
});

test('rendering is not held by a pending task (finishes promptly)', () => {
  assert.ok(renderMs < 5000, `render took ${Math.round(renderMs)} ms`);
});

test('the server-rendered page hydrates in Chromium without NG0506 or hydration warnings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ssr-demo-'));
  cpSync(join(root, 'dist/demo/browser'), dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  const server = await serveDemo({ port: 0, root: dir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
    // Keep the server-rendered heading: hydration reuses DOM nodes, a client re-render replaces them.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const h1 = document.querySelector('h1');
        if (h1) {
          window.__ssrHeading = h1;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}/?load=manual`, { waitUntil: 'load' });
    await page.getByTestId('status').waitFor();
    await page.waitForTimeout(500);
    const reused = await page.evaluate(() => window.__ssrHeading === document.querySelector('h1'));
    assert.equal(reused, true, 'the server-rendered DOM was hydrated, not replaced');
    const problems = messages.filter(
      (m) => /NG0\d{3}|hydrat/i.test(m) || m.startsWith('error') || m.startsWith('pageerror'),
    );
    assert.deepEqual(problems, []);
    // The hydrated app still works: a chat button is live (Cara's is refused by the PII guard at once).
    await page.locator('tr[data-customer="CRM-30003-CDZ"] button').click();
    await page.locator('tr.outcome', { hasText: 'PII_REJECTED' }).waitFor();
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

after(() => undefined);
