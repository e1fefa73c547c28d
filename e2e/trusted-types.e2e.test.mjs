// Trusted Types in Chromium: a page whose CSP lists only `trusted-types angular` refuses the
// library's policy. The chat fails with TRUSTED_TYPES_BLOCKED (not a raw TypeError), no Genesys
// script runs, and diagnose() names the policy to add.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openDemo } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('a CSP without the ngx-genesys-chat policy: TRUSTED_TYPES_BLOCKED, and diagnose() says what to add', async () => {
  const demo = await openDemo(browser, { csp: { trustedTypes: ['angular'] } });
  try {
    await demo.chatButton('CRM-12345-XYZ').click();
    const outcome = demo.outcome('CRM-12345-XYZ');
    await outcome.waitFor({ timeout: 10_000 });
    assert.match(
      await outcome.textContent(),
      /TRUSTED_TYPES_BLOCKED: .*trusted-types ngx-genesys-chat/,
    );
    assert.ok(
      !demo.emulatorRequests.some((r) => r.startsWith('/genesys-bootstrap/')),
      `no script was requested: ${demo.emulatorRequests.join(', ')}`,
    );

    await demo.page.getByTestId('diagnose').click();
    await demo.page.getByTestId('findings').waitFor({ timeout: 10_000 });
    const codes = await demo.page.locator('[data-testid="findings"] code').allTextContents();
    assert.deepEqual(codes, ['TRUSTED_TYPES_BLOCKED']);
    assert.match(
      await demo.page.getByTestId('findings').textContent(),
      /trusted-types ngx-genesys-chat/,
    );

    // Chrome's own report of the refusal, which is what diagnose() reads.
    const { csp, unhandled } = await demo.pageReports();
    assert.ok(
      csp.some((v) => v.startsWith('trusted-types blocked')),
      csp.join('; '),
    );
    assert.deepEqual(unhandled, []);
    assert.deepEqual(demo.problems.pageErrors, []);
  } finally {
    await demo.close();
  }
});

test('the same page with the policy listed loads the chat', async () => {
  const demo = await openDemo(browser, { csp: { trustedTypes: ['ngx-genesys-chat', 'angular'] } });
  try {
    await demo.chatButton('CRM-12345-XYZ').click();
    await demo
      .outcome('CRM-12345-XYZ')
      .filter({ hasText: 'Chat open' })
      .waitFor({ timeout: 10_000 });
    assert.deepEqual((await demo.pageReports()).csp, []);
  } finally {
    await demo.close();
  }
});
