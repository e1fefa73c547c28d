// The fault matrix (docs/reliability.md): every fault we can produce, in Chromium against the
// emulator's fault controls. For each one: the typed error code and the status; no unhandled
// rejection and no console error from our code; the host page stays interactive; a retry succeeds
// once the fault is cleared (without a reload where the platform allows it); and the attributes
// that reach the emulator are exactly the ones meant, never a mix of two customers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, launchBrowser, openDemo, readConversation } from './harness.mjs';

const ADA = 'CRM-12345-XYZ';
const ADA_ATTRIBUTES = {
  crmCustomerId: ADA,
  customerTier: 'premium',
  source: 'web-portal',
  pageRoute: '/',
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Runs a scenario on a fresh emulator and demo, then checks the page stayed clean. */
function scenario(name, options, body) {
  test(name, async () => {
    const demo = await openDemo(browser, options);
    try {
      await body(demo);
      await assertClean(demo, options.expectCspViolations);
    } finally {
      await demo.close();
    }
  });
}

async function assertClean(demo, cspExpected = false) {
  const { csp, unhandled } = await demo.pageReports();
  assert.deepEqual(demo.problems.pageErrors, [], 'page errors');
  // Under the deliberately broken policy the browser itself reports what it blocked.
  const ours = demo.problems.consoleErrors.filter(
    (m) => !(cspExpected && /Content Security Policy/.test(m)),
  );
  assert.deepEqual(ours, [], 'console errors');
  assert.deepEqual(unhandled, [], 'unhandled rejections');
  if (!cspExpected) assert.deepEqual(csp, [], 'CSP violations');
}

const status = (demo) => demo.page.getByTestId('status').textContent();
const waitStatus = (demo, value, timeout = 10_000) =>
  demo.page
    .getByTestId('status')
    .filter({ hasText: new RegExp(`: ${value}$`) })
    .waitFor({ timeout });

async function expectOutcome(demo, crmId, code, timeout = 10_000) {
  const outcome = demo.outcome(crmId).filter({ hasText: code });
  await outcome.waitFor({ timeout });
  return outcome.textContent();
}

/** The host page still answers input: the customer search filters the table. */
async function assertInteractive(demo) {
  const search = demo.page.getByRole('searchbox');
  await search.fill('Ben');
  await demo.page
    .locator('tr[data-customer]')
    .first()
    .filter({ hasText: 'Ben' })
    .waitFor({ timeout: 2000 });
  assert.equal(await demo.page.locator('tr[data-customer]').count(), 1);
  await search.fill('');
  await demo.page.locator('tr[data-customer]').nth(4).waitFor({ timeout: 2000 });
}

async function say(demo, text) {
  const input = demo.page.getByRole('textbox', { name: 'Type a message' });
  await input.fill(text);
  await input.press('Enter');
}

async function chatOpen(demo, crmId = ADA) {
  await demo.chatButton(crmId).click();
  await demo.outcome(crmId).filter({ hasText: 'Chat open' }).waitFor({ timeout: 10_000 });
  await waitStatus(demo, 'open');
}

/** Sends a first message and checks what the emulator's Conversations API holds for the customer. */
async function assertDelivered(demo, expected, text = 'hello') {
  await say(demo, text);
  await demo.page.getByTestId('queue').waitFor({ timeout: 10_000 });
  const conversations = demo.emulator.conversations();
  assert.equal(conversations.length, 1, 'one conversation');
  const { customer } = await readConversation(demo.emulator, conversations[0].id);
  assert.deepEqual(customer.attributes, expected);
  return conversations[0];
}

const loggedErrors = (demo) =>
  demo.page.locator('.log li', { hasText: 'error MESSENGER_ERROR' }).count();

// ---- loading faults ---------------------------------------------------------------------------

scenario(
  'script 404: SCRIPT_LOAD_FAILED, status failed; retry works without a reload',
  {},
  async (demo) => {
    demo.emulator.setFaults({ script404: true });
    await demo.chatButton(ADA).click();
    await expectOutcome(demo, ADA, 'SCRIPT_LOAD_FAILED');
    assert.equal(await status(demo), 'Messenger: failed');
    await assertInteractive(demo);
    demo.emulator.setFaults({ script404: false });
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

scenario(
  'script network error: SCRIPT_LOAD_FAILED; retry works without a reload',
  {},
  async (demo) => {
    const script = `${demo.emulator.url}/genesys-bootstrap/**`;
    await demo.page.route(script, (route) => route.abort('connectionfailed'));
    await demo.chatButton(ADA).click();
    await expectOutcome(demo, ADA, 'SCRIPT_LOAD_FAILED');
    assert.equal(await status(demo), 'Messenger: failed');
    await assertInteractive(demo);
    await demo.page.unroute(script);
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

scenario(
  'script that hangs forever: READY_TIMEOUT; the retry replaces the request',
  { query: { readyTimeoutMs: '1500' } },
  async (demo) => {
    demo.emulator.setFaults({ scriptHang: true });
    await demo.chatButton(ADA).click();
    await expectOutcome(demo, ADA, 'READY_TIMEOUT');
    assert.equal(await status(demo), 'Messenger: failed');
    await assertInteractive(demo);
    demo.emulator.setFaults({ scriptHang: false });
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

scenario(
  'script blocked by CSP: SCRIPT_LOAD_FAILED with a script-src violation; a page with a fixed policy works',
  { csp: { scripts: 'self-only' }, expectCspViolations: true },
  async (demo) => {
    await demo.chatButton(ADA).click();
    await expectOutcome(demo, ADA, 'SCRIPT_LOAD_FAILED');
    const { csp } = await demo.pageReports();
    assert.ok(
      csp.some((v) => v.startsWith('script-src') && v.includes('genesys-bootstrap')),
      csp.join('; '),
    );
    await assertInteractive(demo);
    // A CSP belongs to the document: the fix is a corrected policy, which takes a reload.
    const fixed = await openDemo(browser, { csp: true });
    try {
      await chatOpen(fixed);
      await assertDelivered(fixed, ADA_ATTRIBUTES);
      await assertClean(fixed);
    } finally {
      await fixed.close();
    }
  },
);

for (const which of ['Messenger', 'Database']) {
  scenario(
    `${which}.ready never fires: READY_TIMEOUT naming it; after a reload it works`,
    { query: { readyTimeoutMs: '1500' } },
    async (demo) => {
      demo.emulator.setFaults({ deploymentId: DEPLOYMENT, neverReady: which });
      await demo.chatButton(ADA).click();
      const text = await expectOutcome(demo, ADA, 'READY_TIMEOUT');
      assert.match(text, new RegExp(`${which}\\.ready`));
      assert.equal(await status(demo), 'Messenger: failed');
      assert.equal(demo.emulator.conversations().length, 0);
      await assertInteractive(demo);
      // Genesys publishes ready events once per page load, so recovery needs a reload.
      demo.emulator.setFaults({ deploymentId: DEPLOYMENT, neverReady: false });
      await demo.page.reload({ waitUntil: 'load' });
      await chatOpen(demo);
      await assertDelivered(demo, ADA_ATTRIBUTES);
    },
  );
}

// ---- command faults ---------------------------------------------------------------------------

scenario(
  'Database.set rejected: COMMAND_REJECTED, Messenger stays closed; retry works without a reload',
  {},
  async (demo) => {
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, databaseSetRejected: true });
    await demo.chatButton(ADA).click();
    const text = await expectOutcome(demo, ADA, 'COMMAND_REJECTED');
    assert.match(text, /Database\.set/);
    assert.equal(await status(demo), 'Messenger: ready');
    assert.equal(
      await demo.page.locator('#genesys-emulator-messenger').isVisible(),
      false,
      'never opened',
    );
    await assertInteractive(demo);
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, databaseSetRejected: false });
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

scenario(
  'Database.set never answers: COMMAND_TIMEOUT, Messenger stays closed; retry works',
  { query: { commandTimeoutMs: '1500' } },
  async (demo) => {
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, databaseSetNoAnswer: true });
    await demo.chatButton(ADA).click();
    const text = await expectOutcome(demo, ADA, 'COMMAND_TIMEOUT');
    assert.match(text, /Database\.set/);
    assert.equal(await status(demo), 'Messenger: ready');
    assert.equal(
      await demo.page.locator('#genesys-emulator-messenger').isVisible(),
      false,
      'never opened',
    );
    await assertInteractive(demo);
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, databaseSetNoAnswer: false });
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

scenario(
  'Messenger.open rejected: COMMAND_REJECTED naming it; retry works without a reload',
  {},
  async (demo) => {
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, messengerOpenRejected: true });
    await demo.chatButton(ADA).click();
    const text = await expectOutcome(demo, ADA, 'COMMAND_REJECTED');
    assert.match(text, /Messenger\.open/);
    assert.equal(await status(demo), 'Messenger: ready');
    await assertInteractive(demo);
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, messengerOpenRejected: false });
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

// ---- conversation faults ----------------------------------------------------------------------

scenario(
  'MessagingService.error mid-conversation (text over 4096 bytes, 4011): MESSENGER_ERROR, the chat goes on',
  {},
  async (demo) => {
    await chatOpen(demo);
    const conversation = await assertDelivered(demo, ADA_ATTRIBUTES);
    await say(demo, 'x'.repeat(5000));
    await demo.page.locator('.log li', { hasText: 'error MESSENGER_ERROR' }).waitFor();
    assert.equal(await status(demo), 'Messenger: open');
    await assertInteractive(demo);
    await say(demo, 'still here');
    await demo.page
      .locator('#genesys-emulator-messenger .genesys-emulator-inbound', { hasText: 'still here' })
      .waitFor();
    assert.deepEqual(
      demo.emulator.conversations()[0].messages.map((m) => m.text),
      ['hello', 'still here'],
    );
    assert.equal(demo.emulator.conversations()[0].id, conversation.id);
  },
);

scenario(
  'custom attributes over 2048 bytes reaching the server (4013): MESSENGER_ERROR, nothing stored; a fresh start recovers',
  {},
  async (demo) => {
    await chatOpen(demo);
    // Code outside the library puts an oversized attribute into Messenger; the library refuses such
    // input itself, so this is the only way one can reach the server.
    await demo.page.evaluate(
      () =>
        new Promise((resolve, reject) =>
          window.Genesys(
            'command',
            'Database.update',
            { messaging: { customAttributes: { blob: 'x'.repeat(3000) } } },
            resolve,
            reject,
          ),
        ),
    );
    await say(demo, 'hi');
    await demo.page.locator('.log li', { hasText: 'error MESSENGER_ERROR' }).waitFor();
    assert.equal(demo.emulator.conversations().length, 0, 'the server stored nothing');
    await assertInteractive(demo);
    // Starting the chat again replaces Messenger's attributes with exactly the customer's.
    await demo.chatButton(ADA).click();
    await demo.page.locator('.log li', { hasText: 'status → starting' }).nth(1).waitFor();
    await waitStatus(demo, 'open');
    await assertDelivered(demo, ADA_ATTRIBUTES, 'hi again');
  },
);

scenario(
  'message rate limit (429/4029): MESSENGER_ERROR; after the window the next message goes through',
  { emulatorOptions: { rateLimitPerSecond: 1 } },
  async (demo) => {
    await chatOpen(demo);
    await say(demo, 'one');
    await say(demo, 'two');
    await demo.page.locator('.log li', { hasText: 'error MESSENGER_ERROR' }).waitFor();
    await assertInteractive(demo);
    await demo.page.waitForTimeout(1100);
    await say(demo, 'three');
    await demo.page
      .locator('#genesys-emulator-messenger .genesys-emulator-inbound', { hasText: 'three' })
      .waitFor();
    const [conversation] = demo.emulator.conversations();
    assert.deepEqual(
      conversation.messages.map((m) => m.text),
      ['one', 'three'],
    );
    assert.deepEqual(conversation.attributes, ADA_ATTRIBUTES);
  },
);

scenario(
  'WebSocket dropped, then reconnect: the next message reaches the same conversation',
  {},
  async (demo) => {
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, dropSocketAfterMessages: 1 });
    await chatOpen(demo);
    const conversation = await assertDelivered(demo, ADA_ATTRIBUTES, 'one');
    await demo.page.locator('.log li', { hasText: 'messagesReceived' }).first().waitFor();
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, dropSocketAfterMessages: null });
    await demo.page.waitForTimeout(200);
    await say(demo, 'two');
    await demo.page
      .locator('#genesys-emulator-messenger .genesys-emulator-inbound', { hasText: 'two' })
      .waitFor();
    const conversations = demo.emulator.conversations();
    assert.equal(conversations.length, 1);
    assert.equal(conversations[0].id, conversation.id);
    assert.deepEqual(
      conversations[0].messages.map((m) => m.text),
      ['one', 'two'],
    );
    assert.deepEqual(conversations[0].attributes, ADA_ATTRIBUTES);
  },
);

// ---- the app's own lifecycle ------------------------------------------------------------------

scenario(
  'app destroyed while loading: nothing fails afterwards; a new app starts a chat',
  { query: { testHooks: '1', readyTimeoutMs: '1500' } },
  async (demo) => {
    demo.emulator.setFaults({ scriptHang: true });
    await demo.chatButton(ADA).click();
    await waitStatus(demo, 'loading');
    await demo.page.evaluate(() => window.demoApp.destroy());
    await demo.page.waitForTimeout(2500); // past readyTimeoutMs: the destroyed app must stay silent
    demo.emulator.setFaults({ scriptHang: false });
    await demo.page.evaluate(() => window.demoApp.create());
    await demo.page.getByTestId('status').waitFor();
    await assertInteractive(demo);
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

scenario(
  'app destroyed while a chat is starting: nothing fails afterwards; a new app starts a chat',
  { query: { testHooks: '1', commandTimeoutMs: '1500' } },
  async (demo) => {
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, databaseSetNoAnswer: true });
    await demo.chatButton(ADA).click();
    await waitStatus(demo, 'starting');
    await demo.page.evaluate(() => window.demoApp.destroy());
    await demo.page.waitForTimeout(2500); // past commandTimeoutMs
    demo.emulator.setFaults({ deploymentId: DEPLOYMENT, databaseSetNoAnswer: false });
    await demo.page.evaluate(() => window.demoApp.create());
    await demo.page.getByTestId('status').waitFor();
    await assertInteractive(demo);
    await chatOpen(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

// ---- impatient users ----------------------------------------------------------------------------

scenario(
  '100 rapid clicks on one button: one start sequence while busy, sequences never interleave, one conversation',
  {},
  async (demo) => {
    // 100 clicks inside one task: all but the first land while the chat is starting.
    await demo.page.evaluate((id) => {
      const button = document.querySelector(`tr[data-customer="${id}"] button`);
      for (let i = 0; i < 100; i++)
        button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }, ADA);
    await waitStatus(demo, 'open');
    await demo.outcome(ADA).filter({ hasText: 'Chat open' }).waitFor();
    await demo.page.waitForTimeout(300);
    let commands = await demo.page.evaluate(() =>
      window.genesysEmulator.commands.map((c) => c.name),
    );
    assert.deepEqual(commands, ['Database.remove', 'Database.set', 'Messenger.open']);
    // 100 real mouse clicks, 1 every few ms: clicks after a chat opened may reopen it, never overlap it.
    const box = await demo.chatButton(ADA).boundingBox();
    for (let i = 0; i < 100; i++)
      await demo.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await demo.page.waitForSelector(`tr[data-customer="${ADA}"] button:not([aria-busy])`);
    commands = await demo.page.evaluate(() => window.genesysEmulator.commands.map((c) => c.name));
    const sequence = ['Database.remove', 'Database.set', 'Messenger.open'];
    assert.equal(commands.length % 3, 0, commands.join(', '));
    for (let i = 0; i < commands.length; i += 3)
      assert.deepEqual(commands.slice(i, i + 3), sequence);
    assert.equal(await loggedErrors(demo), 0);
    await assertInteractive(demo);
    await assertDelivered(demo, ADA_ATTRIBUTES);
  },
);

scenario(
  "clicks on 5 customers' buttons while loading: the last click wins, earlier ones are SUPERSEDED, the conversation carries exactly the last customer's attributes",
  {},
  async (demo) => {
    const script = `${demo.emulator.url}/genesys-bootstrap/**`;
    await demo.page.route(script, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    const order = [
      'CRM-12345-XYZ',
      'CRM-20002-BCA',
      'CRM-30003-CDZ',
      'CRM-40004-DEV',
      'CRM-50005-EFI',
    ];
    for (const id of order) await demo.chatButton(id).click();
    assert.equal(await status(demo), 'Messenger: loading');
    await expectOutcome(demo, 'CRM-30003-CDZ', 'PII_REJECTED'); // refused at once, nothing sent
    await demo
      .outcome('CRM-50005-EFI')
      .filter({ hasText: 'Chat open' })
      .waitFor({ timeout: 10_000 });
    // The ordering model (README): a later identity-changing call supersedes a pending one.
    for (const id of ['CRM-12345-XYZ', 'CRM-20002-BCA', 'CRM-40004-DEV']) {
      await expectOutcome(demo, id, 'SUPERSEDED');
    }
    await assertInteractive(demo);
    await assertDelivered(demo, {
      crmCustomerId: 'CRM-50005-EFI',
      customerTier: 'premium',
      source: 'web-portal',
      pageRoute: '/',
    });
    const count = (name) =>
      demo.page.evaluate(
        (n) => window.genesysEmulator.commands.filter((c) => c.name === n).length,
        name,
      );
    assert.equal(
      await count('Messenger.open'),
      1,
      'superseded starts open nothing; only the last one opens Messenger',
    );
    // Superseded starts never write their attributes either: one write, for the last customer.
    assert.equal(await count('Database.set'), 1, 'only the last customer is written to Messenger');
    assert.equal(demo.emulator.conversations().length, 1);
  },
);
