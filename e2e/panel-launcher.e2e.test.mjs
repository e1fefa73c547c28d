// End-to-end: the panel and the launcher without a customer (issue 14 item 1), in Chromium against
// the emulator. The demo deployment's launcher visibility is On Demand, as the README asks: the
// stand-in Messenger then shows its launcher only after Launcher.show.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, launchBrowser, openDemo, readConversation } from './harness.mjs';

// The demo's premium customer (projects/demo/src/app/customers/customers.ts).
const PREMIUM = 'CRM-12345-XYZ';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const panel = (demo) => demo.page.locator('#genesys-emulator-messenger');
const launcher = (demo) => demo.page.getByRole('button', { name: 'Open Messenger' });

async function assertClean(demo) {
  await demo.assertClean();
  assert.equal(await demo.page.getByTestId('help-error').count(), 0, 'no error shown');
}

test('On Demand launcher: hidden once Messenger is up, shown by showLauncher(), hidden by hideLauncher(), and it opens the panel', async () => {
  const demo = await openDemo(browser);
  try {
    await demo.page.getByTestId('launcher-show').click();
    await launcher(demo).waitFor({ state: 'visible' });
    await demo.page.getByTestId('launcher-hide').click();
    await launcher(demo).waitFor({ state: 'hidden' });
    await demo.page.getByTestId('launcher-show').click();
    await launcher(demo).click();
    await panel(demo).waitFor({ state: 'visible' });
    await demo.page.getByTestId('is-open').filter({ hasText: 'Panel: open' }).waitFor();
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test('open() without a customer: the panel opens, isOpen follows it, and the conversation carries no CRM attribute; close() closes it', async () => {
  const demo = await openDemo(browser);
  try {
    await demo.page.getByTestId('is-open').filter({ hasText: 'Panel: closed' }).waitFor();
    await demo.page.getByTestId('help-open').click();
    await panel(demo).waitFor({ state: 'visible' });
    await demo.page.getByTestId('is-open').filter({ hasText: 'Panel: open' }).waitFor();

    await demo.say('Where is your returns page?');
    const [conversation] = demo.emulator.conversations();
    const { customer, acd } = await readConversation(demo.emulator, conversation.id);
    assert.equal(customer.attributes.crmCustomerId, undefined, 'no CRM id on an anonymous chat');
    assert.equal(customer.attributes.customerTier, undefined, 'no tier on an anonymous chat');
    assert.equal(acd.queueName, 'General', 'routed as an unknown visitor');

    await demo.page.getByTestId('help-close').click();
    await panel(demo).waitFor({ state: 'hidden' });
    await demo.page.getByTestId('is-open').filter({ hasText: 'Panel: closed' }).waitFor();
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

const withLauncher = (launcherVisibility) => ({
  query: { load: 'eager' },
  emulatorOptions: {
    deployments: [{ id: DEPLOYMENT, allowedDomains: ['127.0.0.1'], launcherVisibility }],
  },
});

test('"our button only" (launcher Off): Messenger shows no launcher, even after showLauncher(); the chat starts from our button with the CRM attributes', async () => {
  const demo = await openDemo(browser, withLauncher('Off'));
  try {
    await demo.page.getByTestId('status').filter({ hasText: 'ready' }).waitFor();
    assert.equal(await launcher(demo).isVisible(), false, 'no launcher of its own');
    await demo.page.getByTestId('launcher-show').click();
    await demo.page.waitForFunction(() =>
      window.genesysEmulator.commands.some((c) => c.name === 'Launcher.show'),
    );
    assert.equal(await launcher(demo).isVisible(), false, 'still none');

    await demo.chatButton(PREMIUM).click();
    await demo.outcome(PREMIUM).filter({ hasText: 'Chat open' }).waitFor({ timeout: 10_000 });
    await demo.say('Hello from our own button');
    const [conversation] = demo.emulator.conversations();
    const { customer } = await readConversation(demo.emulator, conversation.id);
    assert.equal(customer.attributes.crmCustomerId, PREMIUM);
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});

test("why the recipe matters (launcher On): Genesys' own launcher starts a chat without any CRM attribute", async () => {
  const demo = await openDemo(browser, withLauncher('On'));
  try {
    await launcher(demo).waitFor({ state: 'visible' });
    await launcher(demo).click();
    await panel(demo).waitFor({ state: 'visible' });
    await demo.say('Hello from the launcher');
    const [conversation] = demo.emulator.conversations();
    const { customer, acd } = await readConversation(demo.emulator, conversation.id);
    assert.equal(customer.attributes.crmCustomerId, undefined);
    assert.equal(acd.queueName, 'General');
    await assertClean(demo);
  } finally {
    await demo.close();
  }
});
