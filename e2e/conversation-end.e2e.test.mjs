// End-to-end: how a conversation ends (issue 14 items 4 and 8). The agent (the emulator's agent
// control, what the agent page's Disconnect button calls) or a routing rule ends the conversation;
// the emulator sends Genesys' frames (contract.spec.ts checks them against MT's fixtures), the
// stand-in Messenger publishes the page events, and the library's events$ types them. The demo's
// event log shows what events$ emitted. On a deployment whose conversation disconnect type is
// ReadOnly, the conversation then refuses messages, also after a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, ROUTING, launchBrowser, openDemo } from './harness.mjs';

const ADA = 'CRM-12345-XYZ';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const logLine = (demo, text) => demo.page.locator('.log li', { hasText: text });
const logCount = async (demo, text) =>
  (await demo.page.locator('.log li').allTextContents()).filter((l) =>
    l.trim().endsWith(` ${text}`),
  ).length;
const bubble = (demo, text) =>
  demo.page.locator('#genesys-emulator-messenger [role="log"] > div', { hasText: text });

async function startChat(demo) {
  await demo.chatButton(ADA).click();
  await demo.outcome(ADA).filter({ hasText: 'Chat open' }).waitFor({ timeout: 10_000 });
}

async function say(demo, text) {
  const input = demo.page.getByRole('textbox', { name: 'Type a message' });
  await input.fill(text);
  await input.press('Enter');
}

async function agentDisconnects(demo, conversationId) {
  const r = await fetch(
    `${demo.emulator.url}/emulator/conversations/${conversationId}/disconnect`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Emulator-Token': demo.emulator.token },
      body: '{}',
    },
  );
  assert.equal(r.status, 200, 'agent disconnect accepted');
}

const readOnlyDeployment = {
  deployments: [
    {
      id: DEPLOYMENT,
      allowedDomains: ['127.0.0.1'],
      conversations: { conversationDisconnect: { enabled: true, type: 'ReadOnly' } },
    },
  ],
};

test('Send (the default): an agent disconnect reaches events$ as conversationDisconnected, and the next message starts a new conversation', async () => {
  const demo = await openDemo(browser);
  try {
    await startChat(demo);
    await say(demo, 'Hello, I need help');
    await bubble(demo, 'Hello, I need help').waitFor();
    const [conversation] = demo.emulator.conversations();
    await agentDisconnects(demo, conversation.id);

    await logLine(demo, 'conversationDisconnected').waitFor();
    assert.equal(await logCount(demo, 'conversationDisconnected'), 1, 'one typed event');
    assert.equal(await logCount(demo, 'conversationDisconnected (read-only)'), 0);
    assert.equal(await logCount(demo, 'readOnly'), 0, 'no read-only event with type Send');
    await bubble(demo, 'The conversation has ended.').waitFor();

    await say(demo, 'One more question');
    await bubble(demo, 'One more question').waitFor();
    const states = demo.emulator.conversations().map((c) => c.state);
    assert.deepEqual(states, ['disconnected', 'connected'], 'a new conversation after Send');
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('ReadOnly: the disconnect is read-only in events$, a send is refused by the server, and a reload stays read-only', async () => {
  const demo = await openDemo(browser, { emulatorOptions: readOnlyDeployment });
  try {
    await startChat(demo);
    await say(demo, 'Hello, I need help');
    await bubble(demo, 'Hello, I need help').waitFor();
    const [conversation] = demo.emulator.conversations();
    await agentDisconnects(demo, conversation.id);

    await logLine(demo, 'conversationDisconnected (read-only)').waitFor();
    await logLine(demo, 'readOnly').waitFor();
    await bubble(demo, 'The conversation has ended (read-only).').waitFor();

    const errorsBefore = await logCount(demo, 'error MESSENGER_ERROR');
    await say(demo, 'Are you still there?');
    await bubble(demo, 'Not sent (409)').waitFor();
    await demo.page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('.log li')].filter((li) =>
          li.textContent.trim().endsWith('error MESSENGER_ERROR'),
        ).length > before,
      errorsBefore,
    );
    const after = demo.emulator.conversations();
    assert.equal(after.length, 1, 'no new conversation on a read-only session');
    assert.equal(after[0].state, 'disconnected');
    assert.deepEqual(
      after[0].messages.map((m) => m.text),
      ['Hello, I need help'],
      'the refused message never reached the conversation',
    );

    // A reload reconnects with the same token; the SessionResponse says readOnly: true.
    await demo.page.reload({ waitUntil: 'load' });
    await demo.page.getByTestId('status').waitFor();
    await startChat(demo);
    await demo.page.waitForFunction(() => window.genesysEmulator?.restore === 'restored', null, {
      timeout: 10_000,
    });
    await logLine(demo, 'restored').waitFor();
    await logLine(demo, 'readOnly').waitFor();
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('a routing rule with action "disconnect" ends the conversation with the same events as an agent', async () => {
  const demo = await openDemo(browser, {
    emulatorOptions: {
      routing: {
        ...ROUTING,
        rules: [
          {
            when: { attribute: 'crmCustomerId', equals: ADA },
            queue: 'Closed',
            action: 'disconnect',
          },
          ...ROUTING.rules,
        ],
      },
    },
  });
  try {
    await startChat(demo);
    await say(demo, 'Hello from Ada');
    await logLine(demo, 'conversationDisconnected').waitFor();
    const [conversation] = demo.emulator.conversations();
    assert.equal(conversation.queueName, 'Closed', 'routed before it was ended');
    assert.equal(conversation.state, 'disconnected');
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

/** Calls a Messenger command on the page the way a host page would; resolves with 'ok' or the rejection. */
const command = (demo, name) =>
  demo.page.evaluate(
    (n) =>
      new Promise((resolve) =>
        window.Genesys(
          'command',
          n,
          {},
          () => resolve('ok'),
          (e) => resolve(`rejected: ${e}`),
        ),
      ),
    name,
  );

test('ReadOnly, then resetConversation: events$ gets conversationReset and the next message opens a new conversation', async () => {
  const demo = await openDemo(browser, { emulatorOptions: readOnlyDeployment });
  try {
    await startChat(demo);
    assert.match(
      await command(demo, 'MessagingService.resetConversation'),
      /^rejected: .*not read-only/,
      'no reset while the conversation is live',
    );
    await say(demo, 'Hello, I need help');
    await bubble(demo, 'Hello, I need help').waitFor();
    await agentDisconnects(demo, demo.emulator.conversations()[0].id);
    await logLine(demo, 'readOnly').waitFor();

    assert.equal(await command(demo, 'MessagingService.resetConversation'), 'ok');
    await logLine(demo, 'conversationReset').waitFor();
    await say(demo, 'A new question');
    await bubble(demo, 'A new question').waitFor();
    const conversations = demo.emulator.conversations();
    assert.deepEqual(
      conversations.map((c) => [c.state, c.messages.map((m) => m.text)]),
      [
        ['disconnected', ['Hello, I need help']],
        ['connected', ['A new question']],
      ],
    );
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('clearConversation on a live conversation: events$ gets conversationCleared and the server ends it', async () => {
  const demo = await openDemo(browser);
  try {
    await startChat(demo);
    await say(demo, 'Please forget me');
    await bubble(demo, 'Please forget me').waitFor();
    assert.equal(await command(demo, 'MessagingService.clearConversation'), 'ok');
    await logLine(demo, 'conversationCleared').waitFor();
    assert.equal(demo.emulator.conversations()[0].state, 'disconnected');
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});
