// GenesysChatService.diagnose() in Chromium against the emulator's faults: each cause of a
// Messenger that does not work is named, with its fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, launchBrowser, openDemo } from './harness.mjs';

const INACTIVE = '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a';
const UNKNOWN = '11111111-2222-4333-8444-555555555555';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Tries to start a chat, then asks for a diagnosis; returns the finding codes shown. */
async function diagnoseAfterChat(demo) {
  await demo.chatButton('CRM-12345-XYZ').click();
  await demo.outcome('CRM-12345-XYZ').waitFor({ timeout: 10_000 });
  await demo.page.getByTestId('diagnose').click();
  await demo.page
    .locator('[data-testid="findings"], [data-testid="diagnosis-ok"]')
    .first()
    .waitFor({ timeout: 10_000 });
  return demo.page.locator('[data-testid="findings"] code').allTextContents();
}

async function withDemo(options, body) {
  const demo = await openDemo(browser, options);
  try {
    await body(demo);
  } finally {
    await demo.close();
  }
}

test('a working deployment: no problem found', () =>
  withDemo({}, async (demo) => {
    await demo.chatButton('CRM-12345-XYZ').click();
    await demo
      .outcome('CRM-12345-XYZ')
      .filter({ hasText: 'Chat open' })
      .waitFor({ timeout: 10_000 });
    await demo.page.getByTestId('diagnose').click();
    await demo.page.getByTestId('diagnosis-ok').waitFor();
  }));

test('script 404: SCRIPT_NOT_FOUND', () =>
  withDemo({}, async (demo) => {
    demo.emulator.setFaults({ script404: true });
    assert.deepEqual(await diagnoseAfterChat(demo), ['SCRIPT_NOT_FOUND']);
  }));

test('wrong deployment id: DEPLOYMENT_NOT_FOUND', () =>
  withDemo({ query: { deployment: UNKNOWN, readyTimeoutMs: '1000' } }, async (demo) => {
    assert.deepEqual(await diagnoseAfterChat(demo), ['DEPLOYMENT_NOT_FOUND']);
  }));

test('switched-off deployment: DEPLOYMENT_INACTIVE', () =>
  withDemo(
    {
      query: { deployment: INACTIVE, readyTimeoutMs: '1000' },
      emulatorOptions: {
        deployments: [
          { id: DEPLOYMENT, allowedDomains: ['127.0.0.1'] },
          { id: INACTIVE, status: 'Inactive', allowedDomains: ['127.0.0.1'] },
        ],
      },
    },
    async (demo) => {
      assert.deepEqual(await diagnoseAfterChat(demo), ['DEPLOYMENT_INACTIVE']);
    },
  ));

test('page origin outside the allowed domains: ORIGIN_NOT_ALLOWED', () =>
  withDemo(
    {
      query: { readyTimeoutMs: '1000' },
      emulatorOptions: { deployments: [{ id: DEPLOYMENT, allowedDomains: ['www.example.com'] }] },
    },
    async (demo) => {
      assert.deepEqual(await diagnoseAfterChat(demo), ['ORIGIN_NOT_ALLOWED']);
    },
  ));

test('script blocked by CSP: CSP_BLOCKED naming script-src', () =>
  withDemo({ csp: { scripts: 'self-only' } }, async (demo) => {
    const codes = await diagnoseAfterChat(demo);
    assert.ok(codes.includes('CSP_BLOCKED'), codes.join());
    assert.match(await demo.page.getByTestId('findings').textContent(), /script-src/);
  }));

test('script removed by an extension while its host answers: AD_BLOCKER_SUSPECTED', () =>
  withDemo({}, async (demo) => {
    // What an ad blocker does: drop the script request, leave other requests alone.
    await demo.page.route(`${demo.emulator.url}/genesys-bootstrap/**`, (route) =>
      route.request().resourceType() === 'script'
        ? route.abort('blockedbyclient')
        : route.continue(),
    );
    assert.deepEqual(await diagnoseAfterChat(demo), ['AD_BLOCKER_SUSPECTED']);
  }));
