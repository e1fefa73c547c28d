// End-to-end: logout on a shared computer (issue 14 item 3). Customer A chats and logs out;
// customer B logs in at the same browser, opens Messenger, and must see nothing of A's: no
// transcript, no attribute, no conversation. The emulator's stand-in Messenger keeps its guest
// token and transcript in the page's storage and restores them on reload, as Genesys does
// (reference §4 "Restore"), so these tests fail if logout leaves them behind. The negative
// controls log out with plain clearIdentity(): B then does see A's transcript, which is the threat.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYMENT, launchBrowser, openDemo, readConversation } from './harness.mjs';

const A = { id: 'CRM-12345-XYZ', name: 'Ada Lovelace', tier: 'premium' };
const B = { id: 'CRM-20002-BCA', name: 'Ben Carter', tier: 'standard' };
const A_SAYS = 'Hello, this is Ada about my renewal';
const AGENT_TO_A = 'Hi Ada, your renewal is due in March';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

async function logIn(demo, customer) {
  await demo.page.getByTestId('login-customer').selectOption(customer.id);
  await demo.page.getByTestId('log-in').click();
  await demo.page.getByTestId('logged-in').filter({ hasText: customer.name }).waitFor();
}

/** Logs out with the demo's button; `endConversation` is the shared-computer logout. */
async function logOut(demo, { endConversation, outcome = endConversation ? 'cleared' : 'kept' }) {
  const box = demo.page.getByTestId('end-conversation');
  if ((await box.isChecked()) !== endConversation) await box.click();
  await demo.page.getByTestId('log-out').click();
  const expected = `Conversation: ${outcome}.`;
  await demo.page.getByTestId('session-outcome').filter({ hasText: expected }).waitFor();
  await demo.page.getByTestId('log-in').waitFor();
}

/** The customer's Chat button; resolves once Messenger is open and this load's restore is done. */
async function openMessenger(demo, customer) {
  await demo.chatButton(customer.id).click();
  await demo.outcome(customer.id).filter({ hasText: 'Chat open' }).waitFor({ timeout: 10_000 });
  await demo.page.waitForFunction(
    () => ['restored', 'none', 'failed'].includes(window.genesysEmulator?.restore),
    null,
    { timeout: 10_000 },
  );
  return demo.page.evaluate(() => window.genesysEmulator.restore);
}

async function say(demo, text) {
  const input = demo.page.getByRole('textbox', { name: 'Type a message' });
  await input.fill(text);
  await input.press('Enter');
  await bubble(demo, text).waitFor();
}

const bubble = (demo, text) =>
  demo.page.locator('#genesys-emulator-messenger [role="log"] > div', { hasText: text });
const transcript = (demo) =>
  demo.page.locator('#genesys-emulator-messenger [role="log"] > div').allTextContents();

/** The agent answers through the emulator's agent control (what the agent page's Send does). */
async function agentReplies(demo, conversationId, text) {
  const r = await fetch(`${demo.emulator.url}/emulator/conversations/${conversationId}/reply`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Emulator-Token': demo.emulator.token },
    body: JSON.stringify({ text }),
  });
  assert.equal(r.status, 200, 'agent reply accepted');
  await bubble(demo, text).waitFor();
}

/** The agent control without waiting for the panel (it may be closed). */
async function agentSends(demo, conversationId, text) {
  const r = await fetch(`${demo.emulator.url}/emulator/conversations/${conversationId}/reply`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Emulator-Token': demo.emulator.token },
    body: JSON.stringify({ text }),
  });
  assert.equal(r.status, 200, 'agent reply accepted');
}

/** A chats with the agent: one message each way, both in the panel. Returns A's conversation. */
async function aChats(demo) {
  await logIn(demo, A);
  assert.equal(await openMessenger(demo, A), 'none', 'a fresh browser has nothing to restore');
  await say(demo, A_SAYS);
  const [conversation] = demo.emulator.conversations();
  await agentReplies(demo, conversation.id, AGENT_TO_A);
  return conversation;
}

const keysOf = (demo) => demo.page.evaluate(() => Object.keys(localStorage).sort());

async function reload(demo) {
  await demo.page.reload({ waitUntil: 'load' });
  await demo.page.getByTestId('status').waitFor();
}

/** B's side of the check: nothing of A's in the panel, and B's message opens B's own conversation. */
async function bSeesNothingOfA(demo, aConversation) {
  await logIn(demo, B);
  assert.equal(await openMessenger(demo, B), 'none', 'nothing restored for B');
  assert.deepEqual(await transcript(demo), [], 'B sees no transcript');
  await say(demo, 'Hi, Ben here');
  assert.deepEqual(await transcript(demo), ['Hi, Ben here']);

  const conversations = demo.emulator.conversations();
  assert.equal(conversations.length, 2, 'B has a conversation of their own');
  const bConversation = conversations.find((c) => c.id !== aConversation.id);
  assert.deepEqual(
    bConversation.messages.map((m) => m.text),
    ['Hi, Ben here'],
  );
  const { customer } = await readConversation(demo.emulator, bConversation.id);
  assert.deepEqual(customer.attributes, {
    crmCustomerId: B.id,
    customerTier: B.tier,
    source: 'web-portal',
    pageRoute: '/',
  });
  const aNow = conversations.find((c) => c.id === aConversation.id);
  assert.equal(aNow.state, 'disconnected', "A's conversation was ended on the server");
  assert.deepEqual(
    aNow.attributes,
    { crmCustomerId: A.id, customerTier: A.tier, source: 'web-portal', pageRoute: '/' },
    "B's attributes never reached A's conversation",
  );
}

test('same tab: A chats and logs out (endConversation); B logs in, opens Messenger and sees nothing of A', async () => {
  const demo = await openDemo(browser);
  try {
    const aConversation = await aChats(demo);
    // Messenger's host-page keys (reference §4): the stand-in writes gcmcsessionActive itself;
    // gcmcopn, whose meaning and value no source gives, is put there as the real SDK would leave it.
    await demo.page.evaluate((id) => localStorage.setItem(`_${id}:gcmcopn`, 'x'), DEPLOYMENT);
    assert.deepEqual(await keysOf(demo), [
      `_${DEPLOYMENT}:gcmcopn`,
      `_${DEPLOYMENT}:gcmcsessionActive`,
      `genesys-emulator:token:${DEPLOYMENT}`,
      `genesys-emulator:transcript:${DEPLOYMENT}`,
    ]);

    await logOut(demo, { endConversation: true });
    assert.deepEqual(await transcript(demo), [], 'the panel is emptied at logout');
    assert.deepEqual(await keysOf(demo), [], 'no token, transcript or Messenger key is left');

    await bSeesNothingOfA(demo, aConversation);
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test("across reloads: A chats, reload restores A's transcript; A logs out, reload, B sees nothing of A", async () => {
  const demo = await openDemo(browser);
  try {
    const aConversation = await aChats(demo);
    await reload(demo);
    await demo.page.getByTestId('logged-in').filter({ hasText: A.name }).waitFor();
    assert.equal(await openMessenger(demo, A), 'restored', 'the stored session is restored');
    assert.deepEqual(await transcript(demo), [A_SAYS, AGENT_TO_A], 'A sees their transcript again');
    await say(demo, 'Still me, Ada');
    assert.equal(demo.emulator.conversations().length, 1, 'the restored session goes on');

    await logOut(demo, { endConversation: true });
    await reload(demo);
    await bSeesNothingOfA(demo, aConversation);
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test("negative control, same tab: after plain clearIdentity() B sees A's transcript and continues A's conversation", async () => {
  const demo = await openDemo(browser);
  try {
    const aConversation = await aChats(demo);
    await logOut(demo, { endConversation: false });
    await logIn(demo, B);
    await openMessenger(demo, B);
    assert.deepEqual(await transcript(demo), [A_SAYS, AGENT_TO_A], "A's transcript is on screen");
    await say(demo, 'Hi, Ben here');
    const conversations = demo.emulator.conversations();
    assert.equal(conversations.length, 1, "B's message went into A's conversation");
    assert.equal(conversations[0].id, aConversation.id);
    assert.equal(conversations[0].state, 'connected');
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test("negative control, reload: after plain clearIdentity() and a reload, B gets A's transcript restored", async () => {
  const demo = await openDemo(browser);
  try {
    await aChats(demo);
    await logOut(demo, { endConversation: false });
    await reload(demo);
    await logIn(demo, B);
    assert.equal(await openMessenger(demo, B), 'restored');
    assert.deepEqual(
      await transcript(demo),
      [A_SAYS, AGENT_TO_A],
      "A's transcript is restored for B",
    );
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('restore after a reload: the panel shows the latest 25 messages, and MessagingService.restored carries them', async () => {
  const demo = await openDemo(browser);
  try {
    const conversation = await aChats(demo);
    for (let i = 1; i <= 26; i++) await agentReplies(demo, conversation.id, `agent line ${i}`);
    await reload(demo);
    // Subscribed as soon as the library puts the snippet's stub in place: the stub queues the
    // call, and the bootstrap drains the queue before it restores (after fetching its config).
    await demo.page.evaluate(() => {
      window.__restored = [];
      const timer = setInterval(() => {
        if (typeof window.Genesys !== 'function') return;
        clearInterval(timer);
        window.Genesys('subscribe', 'MessagingService.restored', (e) =>
          window.__restored.push(e.data.messages.map((m) => m.text)),
        );
      }, 1);
    });
    assert.equal(await openMessenger(demo, A), 'restored');
    const expected = Array.from({ length: 25 }, (_, i) => `agent line ${i + 2}`);
    assert.deepEqual(await transcript(demo), expected);
    assert.deepEqual(await demo.page.evaluate(() => window.__restored), [expected]);
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('Conversations.opened / Conversations.closed follow the panel', async () => {
  const demo = await openDemo(browser);
  try {
    await logIn(demo, A);
    await openMessenger(demo, A);
    await demo.page.evaluate(() => {
      window.__panel = [];
      for (const name of ['Conversations.opened', 'Conversations.closed'])
        window.Genesys('subscribe', name, (e) => window.__panel.push(e.event ?? name));
    });
    await demo.page.getByRole('button', { name: 'Close Messenger' }).click();
    await demo.page.locator('#genesys-emulator-messenger').waitFor({ state: 'hidden' });
    await demo.chatButton(A.id).click();
    await demo.page.locator('#genesys-emulator-messenger').waitFor({ state: 'visible' });
    await demo.page.waitForFunction(() => window.__panel.length === 2);
    assert.deepEqual(await demo.page.evaluate(() => window.__panel), [
      'Conversations.closed',
      'Conversations.opened',
    ]);
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('unread badge: agent replies while the panel is closed count, opening resets, after a reload and restore the next reply counts 1', async () => {
  const demo = await openDemo(browser);
  try {
    const conversation = await aChats(demo);
    const badge = demo.page.getByTestId('unread');
    assert.equal(await badge.count(), 0, 'replies seen in the open panel do not count');
    await demo.page.getByRole('button', { name: 'Close Messenger' }).click();
    await agentSends(demo, conversation.id, 'Are you still there?');
    await agentSends(demo, conversation.id, 'Ada?');
    await badge.filter({ hasText: '2 unread' }).waitFor();
    await demo.chatButton(A.id).click();
    await badge.waitFor({ state: 'detached' });

    await reload(demo);
    assert.equal(await openMessenger(demo, A), 'restored');
    await demo.page.getByRole('button', { name: 'Close Messenger' }).click();
    await agentSends(demo, conversation.id, 'One more thing');
    await badge.filter({ hasText: '1 unread' }).waitFor();
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

/** Serves the deployment's config.json with conversation clear turned off (the emulator's is on). */
async function withoutConversationClear(demo) {
  await demo.page.route(
    /\/webdeployments\/v1\/deployments\/[^/]+\/config\.json$/,
    async (route) => {
      const response = await route.fetch();
      const config = await response.json();
      config.messenger.apps.conversations.conversationClear = { enabled: false };
      await route.fulfill({ response, json: config });
    },
  );
}

test("deployment without conversation clear: logout reports notAllowed, A's conversation stays open on the server; after a reload B sees nothing and starts anew", async () => {
  const demo = await openDemo(browser);
  try {
    await withoutConversationClear(demo);
    const aConversation = await aChats(demo);
    await logOut(demo, { endConversation: true, outcome: 'notAllowed' });
    await reload(demo);
    await logIn(demo, B);
    assert.equal(await openMessenger(demo, B), 'none', 'the purged visitor is not restored');
    assert.deepEqual(await transcript(demo), []);
    await say(demo, 'Hi, Ben here');
    const conversations = demo.emulator.conversations();
    assert.equal(conversations.length, 2);
    const aNow = conversations.find((c) => c.id === aConversation.id);
    // Reference §4: without conversation clear nothing confirmed ends it from the page.
    assert.equal(aNow.state, 'connected', "A's conversation was not ended");
    assert.deepEqual(conversations.find((c) => c.id !== aConversation.id).attributes, {
      crmCustomerId: B.id,
      customerTier: B.tier,
      source: 'web-portal',
      pageRoute: '/',
    });
    // The library's development-mode warning names the setting; the demo is a production build.
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});

test('logout before Messenger loads on this page: A chats, reload, logs out at once (endConversation); after a reload B sees nothing of A', async () => {
  const demo = await openDemo(browser);
  try {
    const aConversation = await aChats(demo);
    await reload(demo);
    // The demo loads Messenger on demand (load=manual): A logs out without opening it again. The
    // logout loads Messenger itself, so it can end the conversation kept from the first page load.
    await logOut(demo, { endConversation: true, outcome: 'cleared' });
    await reload(demo);
    await bSeesNothingOfA(demo, aConversation);
    await demo.assertClean();
  } finally {
    await demo.close();
  }
});
