// Shared set-up for the browser tests: the real emulator, the built demo, Debian's Chromium.
// Nothing inside the page is mocked: the demo loads the emulator's bootstrap over HTTP and talks
// to it over the Guest API WebSocket.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './ensure-chromium.mjs';
import { serveDemo } from './serve.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { startEmulator } = require(resolve(root, 'dist/genesys-emulator/index.js'));

export const DEPLOYMENT = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
export const ARTIFACTS = resolve(root, 'e2e/artifacts');

export const ROUTING = {
  rules: [
    { when: { attribute: 'customerTier', equals: 'premium' }, queue: 'Premium Support' },
    { when: { attribute: 'crmCustomerId', exists: true }, queue: 'Known Customers' },
  ],
  defaultQueue: 'General',
};

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Starts an emulator and a demo server, opens a fresh browser context, and records what goes wrong. */
export async function openDemo(browser, { csp = false, query = {}, emulatorOptions = {} } = {}) {
  const emulator = await startEmulator({
    port: 0,
    quiet: true,
    deployments: [{ id: DEPLOYMENT, allowedDomains: ['127.0.0.1'] }],
    routing: ROUTING,
    ...emulatorOptions,
  });
  const demo = await serveDemo({
    port: 0,
    root: resolve(root, 'dist/demo/browser'),
    csp: csp ? { connect: [emulator.url], ...(typeof csp === 'object' ? csp : {}) } : null,
  });
  // The demo's "What Genesys received" panel reads the Platform API stand-ins from the browser;
  // the emulator grants CORS to that exact origin only (the demo's port is known only now).
  emulator.allowOrigin(demo.url);
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [] };
  const emulatorRequests = [];
  page.on('console', (m) => {
    // The browser's own reports of a fault under test (a 404, a refused script, a dropped socket)
    // are not errors of the app or the library.
    const browserReport =
      /Failed to load resource|Refused to load the script|WebSocket connection to .* failed/;
    if (m.type() === 'error' && !browserReport.test(m.text()))
      problems.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    if (r.url().startsWith(emulator.url)) emulatorRequests.push(r.url().slice(emulator.url.length));
  });
  await page.addInitScript(() => {
    window.__csp = [];
    window.__unhandled = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
    window.addEventListener('unhandledrejection', (e) => window.__unhandled.push(String(e.reason)));
  });
  const search = new URLSearchParams({ emulator: emulator.url, load: 'manual', ...query });
  const pageUrl = `${demo.url}/?${search}`;
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.getByTestId('status').waitFor();

  return {
    page,
    pageUrl,
    emulator,
    emulatorRequests,
    problems,
    /** CSP violations and unhandled rejections seen by the page. */
    pageReports: () => page.evaluate(() => ({ csp: window.__csp, unhandled: window.__unhandled })),
    chatButton: (crmId) => page.locator(`tr[data-customer="${crmId}"] button`),
    /** No page error, console error, unhandled rejection or CSP violation so far. */
    async assertClean() {
      const { csp, unhandled } = await this.pageReports();
      assert.deepEqual(problems.pageErrors, [], 'page errors');
      assert.deepEqual(problems.consoleErrors, [], 'console errors');
      assert.deepEqual(unhandled, [], 'unhandled rejections');
      assert.deepEqual(csp, [], 'CSP violations');
    },
    /** Types `text` into the Messenger panel and waits until the emulator has received it. */
    async say(text) {
      const input = page.getByRole('textbox', { name: 'Type a message' });
      await input.fill(text);
      await input.press('Enter');
      const end = Date.now() + 10_000;
      while (!emulator.conversations().some((c) => c.messages.some((m) => m.text === text))) {
        if (Date.now() > end) throw new Error(`the emulator never received "${text}"`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    outcome: (crmId) => page.locator(`tr[data-customer="${crmId}"] + tr.outcome`),
    async close() {
      await context.close();
      await Promise.all([demo.close(), emulator.close()]);
    },
  };
}

/** Reads a conversation the way a backend would: OAuth client credentials, then GET /api/v2/conversations/{id}. */
export async function readConversation(emulator, id) {
  const tokenResponse = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secret',
  });
  const { access_token } = await tokenResponse.json();
  const response = await fetch(`${emulator.url}/api/v2/conversations/${id}`, {
    headers: { Authorization: `Bearer ${access_token}` },
  });
  const conversation = await response.json();
  return {
    customer: conversation.participants.find((p) => p.purpose === 'customer'),
    acd: conversation.participants.find((p) => p.purpose === 'acd'),
  };
}

export function artifactsDir() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}
