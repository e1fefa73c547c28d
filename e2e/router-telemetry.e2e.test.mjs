// End-to-end: withRouterContext() and withChatTelemetry() in the demo (issue 14 items 5 and 6),
// Chromium against the emulator. The demo's Returns link is an in-page route with a query string.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, launchBrowser, openDemo, readConversation } from './harness.mjs';

const PREMIUM = 'CRM-12345-XYZ';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('a navigation before Messenger loads fetches nothing; the route (without its query) rides with the chat, and telemetry reports ready and open without values', async () => {
  const demo = await openDemo(browser);
  const telemetry = [];
  demo.page.on('console', (m) => {
    if (m.type() === 'info' && m.text().startsWith('[chat telemetry]'))
      telemetry.push(JSON.parse(m.text().slice('[chat telemetry] '.length)));
  });
  try {
    await demo.page.getByTestId('route-returns').click();
    await demo.page.waitForURL(/\/help\/returns\?order=ORD-981$/);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    assert.deepEqual(
      demo.emulatorRequests.filter((r) => r.includes('genesys.min.js')),
      [],
      'the route alone loads no Messenger',
    );

    await demo.chatButton(PREMIUM).click();
    await demo.outcome(PREMIUM).filter({ hasText: 'Chat open' }).waitFor({ timeout: 10_000 });
    await demo.say('Where do I send my return?');
    const [conversation] = demo.emulator.conversations();
    const { customer, acd } = await readConversation(demo.emulator, conversation.id);
    assert.equal(customer.attributes.pageRoute, '/help/returns');
    assert.equal(customer.attributes.crmCustomerId, PREMIUM);
    assert.equal(acd.queueName, 'Premium Support');
    assert.ok(!JSON.stringify(customer.attributes).includes('ORD-981'), 'no query string');

    await demo.page.waitForFunction(() => true);
    const types = telemetry.map((e) => e.type);
    assert.ok(types.includes('ready'), `telemetry: ${types}`);
    const opened = telemetry.find((e) => e.type === 'opened');
    assert.equal(opened?.operation, 'startChat');
    assert.ok(opened.ms > 0 && opened.ms < 10_000);
    assert.ok(!JSON.stringify(telemetry).includes(PREMIUM), 'no customer id in telemetry');
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('after the chat is open, a navigation updates the conversation’s pageRoute', async () => {
  const demo = await openDemo(browser);
  try {
    await demo.chatButton(PREMIUM).click();
    await demo.outcome(PREMIUM).filter({ hasText: 'Chat open' }).waitFor({ timeout: 10_000 });
    await demo.page.getByTestId('route-returns').click();
    await demo.page.waitForURL(/\/help\/returns/);
    // Custom attributes travel with the customer's next message, as on the real platform.
    await demo.page.waitForFunction(
      () => window.genesysEmulator.commands.filter((c) => c.name === 'Database.set').length >= 2,
      null,
      { timeout: 5000 },
    );
    await demo.say('And my refund?');
    const [conversation] = demo.emulator.conversations();
    const { customer } = await readConversation(demo.emulator, conversation.id);
    assert.equal(customer.attributes.pageRoute, '/help/returns');
    assert.equal(customer.attributes.crmCustomerId, PREMIUM);
  } finally {
    await demo.close();
  }
});

test('pageView: on a deployment with journey events on, a later navigation is one Journey.pageview without its query; with them off, none', async () => {
  const pageViews = (demo) =>
    demo.page.evaluate(
      () => window.genesysEmulator.commands.filter((c) => c.name === 'Journey.pageview').length,
    );
  for (const journeyEvents of [true, false]) {
    const demo = await openDemo(browser, {
      emulatorOptions: {
        deployments: [{ id: DEPLOYMENT, allowedDomains: ['127.0.0.1'], journeyEvents }],
      },
    });
    try {
      await demo.chatButton(PREMIUM).click();
      await demo.outcome(PREMIUM).filter({ hasText: 'Chat open' }).waitFor({ timeout: 10_000 });
      assert.equal(await pageViews(demo), 0, 'the page load is not sent');
      await demo.page.getByTestId('route-returns').click();
      await demo.page.waitForURL(/\/help\/returns/);
      if (journeyEvents) {
        await demo.page.waitForFunction(() =>
          window.genesysEmulator.commands.some((c) => c.name === 'Journey.pageview'),
        );
        assert.equal(await pageViews(demo), 1);
        const [view] = await demo.page.evaluate(() => window.genesysEmulator.pageViews);
        assert.equal(new URL(view.pageLocation).pathname, '/help/returns');
        assert.ok(!view.pageLocation.includes('ORD-981'), 'no query string');
        assert.equal(typeof view.pageTitle, 'string');
      } else {
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.equal(await pageViews(demo), 0);
      }
      await demo.assertClean();
    } finally {
      await demo.close();
    }
  }
});
