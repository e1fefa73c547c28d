// End-to-end: the built demo in Debian's Chromium against the real emulator (npm run test:e2e).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEPLOYMENT, artifactsDir, launchBrowser, openDemo, readConversation } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Every test ends by checking the page stayed clean. */
async function assertClean(demo) {
  const { csp, unhandled } = await demo.pageReports();
  assert.deepEqual(demo.problems.pageErrors, [], 'page errors');
  assert.deepEqual(demo.problems.consoleErrors, [], 'console errors');
  assert.deepEqual(unhandled, [], 'unhandled rejections');
  return csp;
}

async function chatAndSay(demo, crmId, text) {
  await demo.chatButton(crmId).click();
  await demo.page.getByTestId('status').filter({ hasText: 'open' }).waitFor({ timeout: 10_000 });
  const input = demo.page.getByRole('textbox', { name: 'Type a message' });
  await input.fill(text);
  await input.press('Enter');
  await demo.page
    .locator('#genesys-emulator-messenger .genesys-emulator-inbound', { hasText: text })
    .waitFor();
}

test('premium customer: attributes reach the conversation and routing picks Premium Support', async () => {
  const demo = await openDemo(browser);
  try {
    await chatAndSay(demo, 'CRM-12345-XYZ', 'hello');
    await demo.page.getByTestId('queue').filter({ hasText: 'Premium Support' }).waitFor();

    const [conversation] = demo.emulator.conversations();
    const { customer, acd } = await readConversation(demo.emulator, conversation.id);
    assert.deepEqual(customer.attributes, {
      crmCustomerId: 'CRM-12345-XYZ',
      customerTier: 'premium',
      source: 'web-portal',
      pageRoute: '/',
    });
    assert.equal(acd.queueName, 'Premium Support');
    await demo.page.screenshot({ path: join(artifactsDir(), 'demo.png') });
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test('standard customer: attributes are right and the rules give Known Customers', async () => {
  const demo = await openDemo(browser);
  try {
    await chatAndSay(demo, 'CRM-20002-BCA', 'hi there');
    await demo.page.getByTestId('queue').filter({ hasText: 'Known Customers' }).waitFor();
    const [conversation] = demo.emulator.conversations();
    const { customer, acd } = await readConversation(demo.emulator, conversation.id);
    assert.deepEqual(customer.attributes, {
      crmCustomerId: 'CRM-20002-BCA',
      customerTier: 'standard',
      source: 'web-portal',
      pageRoute: '/',
    });
    assert.equal(acd.queueName, 'Known Customers');
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test('customer whose notes hold an e-mail: PII_REJECTED names the key, and the emulator receives nothing', async () => {
  const demo = await openDemo(browser);
  try {
    await demo.chatButton('CRM-30003-CDZ').click();
    const outcome = demo.outcome('CRM-30003-CDZ');
    await outcome.filter({ hasText: 'PII_REJECTED' }).waitFor();
    const text = await outcome.textContent();
    assert.match(text, /"notes"/);
    assert.doesNotMatch(text, /cara\.diaz@example\.com/);
    assert.deepEqual(demo.emulatorRequests, [], 'no request reached the emulator');
    assert.deepEqual(demo.emulator.conversations(), []);
    assert.equal(await demo.page.getByTestId('status').textContent(), 'Messenger: idle');
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test('script 404: SCRIPT_LOAD_FAILED within a second, and a retry works once the fault is cleared', async () => {
  const demo = await openDemo(browser);
  try {
    demo.emulator.setFaults({ script404: true });
    const started = Date.now();
    await demo.chatButton('CRM-12345-XYZ').click();
    await demo
      .outcome('CRM-12345-XYZ')
      .filter({ hasText: 'SCRIPT_LOAD_FAILED' })
      .waitFor({ timeout: 5000 });
    assert.ok(Date.now() - started < 1000, `shown after ${Date.now() - started} ms`);
    assert.equal(await demo.page.getByTestId('status').textContent(), 'Messenger: failed');

    demo.emulator.setFaults({ script404: false });
    await demo.chatButton('CRM-12345-XYZ').click();
    await demo.page.getByTestId('status').filter({ hasText: 'open' }).waitFor({ timeout: 10_000 });
    await demo.outcome('CRM-12345-XYZ').filter({ hasText: 'Chat open' }).waitFor();
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test('Messenger never ready: READY_TIMEOUT after the configured timeout', async () => {
  const demo = await openDemo(browser, { query: { readyTimeoutMs: '1500' } });
  try {
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, neverReady: 'Messenger' });
    const started = Date.now();
    await demo.chatButton('CRM-12345-XYZ').click();
    await demo
      .outcome('CRM-12345-XYZ')
      .filter({ hasText: 'READY_TIMEOUT' })
      .waitFor({ timeout: 6000 });
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1400 && elapsed < 4000, `READY_TIMEOUT after ${elapsed} ms`);
    assert.match(await demo.outcome('CRM-12345-XYZ').textContent(), /Messenger\.ready/);
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test('a double click starts one chat and creates one conversation', async () => {
  const demo = await openDemo(browser);
  try {
    await demo.chatButton('CRM-12345-XYZ').dblclick();
    await demo.page.getByTestId('status').filter({ hasText: 'open' }).waitFor({ timeout: 10_000 });
    const input = demo.page.getByRole('textbox', { name: 'Type a message' });
    await input.fill('once');
    await input.press('Enter');
    await demo.page.getByTestId('queue').waitFor();
    assert.equal(demo.emulator.conversations().length, 1);
    const starts = await demo.page.locator('.log li', { hasText: 'status → starting' }).count();
    assert.equal(starts, 1, 'one start sequence');
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test('the whole flow under a strict CSP with nonces, strict-dynamic and Trusted Types: zero violations', async () => {
  const demo = await openDemo(browser, { csp: true });
  try {
    const policy = await demo.page.evaluate(() => document.querySelector('app-root') !== null);
    assert.ok(policy);
    await chatAndSay(demo, 'CRM-12345-XYZ', 'hello under CSP');
    await demo.page.getByTestId('queue').filter({ hasText: 'Premium Support' }).waitFor();
    const csp = await assertClean(demo);
    assert.deepEqual(csp, [], 'CSP violations');
  } finally {
    await demo.close();
  }
});

test('agent page: reads conversations and replies with the token it embeds; a foreign page cannot drive the emulator', async () => {
  const demo = await openDemo(browser);
  const agent = await demo.page.context().newPage();
  try {
    await chatAndSay(demo, 'CRM-12345-XYZ', 'is anyone there?');
    await agent.goto(`${demo.emulator.url}/emulator/`);
    const card = agent.locator('article.conversation', { hasText: 'is anyone there?' });
    await card.waitFor({ timeout: 5_000 });
    assert.match(await card.textContent(), /Premium Support/);
    await card.getByPlaceholder('Reply as the agent').fill('Yes, how can I help?');
    await card.getByRole('button', { name: 'Reply' }).click();
    await demo.page
      .locator('#genesys-emulator-messenger .genesys-emulator-outbound', {
        hasText: 'Yes, how can I help?',
      })
      .waitFor();

    // The demo page is another origin: even a request it is allowed to send reads and changes nothing.
    const attempt = await demo.page.evaluate(async (url) => {
      const tries = [
        fetch(`${url}/emulator/conversations`).then((r) => `read ${r.status}`),
        fetch(`${url}/emulator/reset`, { method: 'POST', body: '{}' }).then(
          (r) => `reset ${r.status}`,
        ),
        fetch(`${url}/emulator/reset`, { method: 'POST', mode: 'no-cors', body: '{}' }).then(
          () => 'reset sent',
        ),
      ];
      return Promise.all(tries.map((p) => p.catch((e) => `blocked ${e.name}`)));
    }, demo.emulator.url);
    assert.deepEqual(attempt, ['blocked TypeError', 'blocked TypeError', 'reset sent']);
    assert.equal(demo.emulator.conversations().length, 1, 'the no-cors reset changed nothing');
    const { pageErrors } = demo.problems;
    assert.deepEqual(pageErrors, []);
  } finally {
    await agent.close();
    await demo.close();
  }
});
