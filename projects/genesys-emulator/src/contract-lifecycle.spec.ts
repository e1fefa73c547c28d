import { type RunningEmulator, startEmulator } from './emulator';
import { FIXTURES, LIFECYCLE_FIXTURES, mismatches } from './testing/fixture-shapes';
import { GuestSocket } from './testing/guest-socket';
import { httpRequest } from './testing/http-client';

/*
 * Issue 14 items 4 and 8: how a conversation ends and is cleared on deployments with their own
 * conversation settings (conversation-settings.ts), frame by frame against the Response.kt
 * fixtures of MyPureCloud/genesys-messenger-transport-mobile-sdk (shapes in
 * testing/fixture-shapes.ts), and what the guest can do afterwards.
 */
describe('conversation end and clear per deployment match Genesys fixtures', () => {
  const SEND = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
  const READ_ONLY = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
  const NO_CLEAR = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
  const NO_DISCONNECT = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      quiet: true,
      deployments: [
        { id: SEND },
        {
          id: READ_ONLY,
          conversations: {
            conversationDisconnect: { enabled: true, type: 'ReadOnly' },
            showUserTypingIndicator: true,
          },
        },
        { id: NO_CLEAR, conversations: { conversationClear: { enabled: false } } },
        { id: NO_DISCONNECT, conversations: { conversationDisconnect: { enabled: false } } },
      ],
      routing: {
        rules: [
          { when: { attribute: 'topic', equals: 'spam' }, queue: 'Closed', action: 'disconnect' },
        ],
        defaultQueue: 'General',
      },
    });
  });
  afterEach(() => emulator.reset());
  afterAll(() => emulator.close());

  type Frame = Record<string, unknown>;
  const body = (f: Frame | undefined) => f?.['body'] as Frame | undefined;
  async function session(deploymentId: string, token = crypto.randomUUID()) {
    const guest = await GuestSocket.open(emulator.url, deploymentId);
    const first = (await guest.ask({
      action: 'configureSession',
      token,
      deploymentId,
      tracingId: `cfg-${crypto.randomUUID()}`,
    })) as Frame;
    const say = (tracingId: string, message: Record<string, unknown>) =>
      guest.ask({ action: 'onMessage', token, tracingId, message }) as Promise<Frame>;
    return { guest, token, first, say };
  }
  async function waitFor(g: GuestSocket, pred: (f: Frame) => boolean): Promise<Frame | undefined> {
    for (let i = 0; i < 40; i++) {
      const f = (g.frames as Frame[]).find(pred);
      if (f) return f;
      await new Promise((r) => setTimeout(r, 25));
    }
    return undefined;
  }
  const isDisconnect = (f: Frame) =>
    (body(f)?.['events'] as Frame[] | undefined)?.some(
      (e) => (e['presence'] as Frame | undefined)?.['type'] === 'Disconnect',
    ) === true;
  const disconnect = (id: string) =>
    httpRequest(emulator.url, `/emulator/conversations/${id}/disconnect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-token': emulator.token },
      body: '{}',
    });
  const conversationOf = (deploymentId: string) =>
    emulator.conversations().filter((c) => c.deploymentId === deploymentId);

  it('every new frame has the fixture shape', async () => {
    const got: Record<string, Frame | undefined> = {};

    const send = await session(SEND);
    await send.say('hi', { type: 'Text', text: 'hi' });
    await disconnect(conversationOf(SEND)[0].id);
    got['presenceDisconnect'] = await waitFor(send.guest, isDisconnect);
    send.guest.close();

    const ro = await session(READ_ONLY);
    got['typingOnEcho'] = await ro.say('typing', {
      type: 'Event',
      events: [{ eventType: 'Typing', typing: { type: 'On' } }],
    });
    await ro.say('hi', { type: 'Text', text: 'hi' });
    await disconnect(conversationOf(READ_ONLY)[0].id);
    got['presenceDisconnectReadOnly'] = await waitFor(ro.guest, isDisconnect);
    const again = await GuestSocket.open(emulator.url, READ_ONLY);
    got['configureSuccessReadOnly'] = (await again.ask({
      action: 'configureSession',
      token: ro.token,
      deploymentId: READ_ONLY,
      tracingId: 'reload',
    })) as Frame;
    got['closeSessionReadOnly'] = (await again.ask({
      action: 'closeSession',
      token: ro.token,
      closeAllConnections: true,
      tracingId: 'close',
    })) as Frame;
    const fresh = await GuestSocket.open(emulator.url, READ_ONLY);
    got['configureSuccessStartNew'] = (await fresh.ask({
      action: 'configureSession',
      token: ro.token,
      deploymentId: READ_ONLY,
      startNew: true,
      tracingId: 'new',
    })) as Frame;
    for (const g of [ro.guest, again, fresh]) g.close();

    const rule = await session(SEND);
    await rule.say('spam', {
      type: 'Text',
      text: 'buy now',
      channel: { metadata: { customAttributes: { topic: 'spam' } } },
    });
    got['presenceDisconnectByRule'] = await waitFor(rule.guest, isDisconnect);
    rule.guest.close();

    const noClear = await session(NO_CLEAR);
    await noClear.say('hi', { type: 'Text', text: 'hi' });
    got['clearConversationForbidden'] = await noClear.say('clear', {
      type: 'Event',
      events: [{ eventType: 'Presence', presence: { type: 'Clear' } }],
    });
    noClear.guest.close();

    const report = Object.fromEntries(
      Object.entries(LIFECYCLE_FIXTURES).map(([name, shape]) => [
        name,
        mismatches(got[name], shape),
      ]),
    );
    expect(report).toEqual(
      Object.fromEntries(Object.keys(LIFECYCLE_FIXTURES).map((name) => [name, []])),
    );
    // The values the fixtures pin down, beyond the shapes.
    expect(body(got['presenceDisconnect'])).toMatchObject({ direction: 'Outbound', type: 'Event' });
    expect(body(got['presenceDisconnect'])?.['metadata']).not.toHaveProperty('readOnly');
    expect(body(got['presenceDisconnectReadOnly'])).toMatchObject({
      direction: 'Outbound',
      metadata: { readOnly: 'true' },
    });
    expect(body(got['presenceDisconnectByRule'])).toMatchObject({ direction: 'Outbound' });
    expect(body(got['configureSuccessReadOnly'])).toMatchObject({
      connected: true,
      readOnly: true,
    });
    expect(body(got['closeSessionReadOnly'])).toMatchObject({ connected: false, readOnly: true });
    expect(body(got['configureSuccessStartNew'])).toMatchObject({
      connected: true,
      newSession: true,
      readOnly: false,
    });
    expect(body(got['typingOnEcho'])).toMatchObject({
      direction: 'Inbound',
      events: [{ eventType: 'Typing', typing: { type: 'On', duration: 5000 } }],
    });
    expect(got['clearConversationForbidden']?.['body']).toBe(
      'Presence events Conversation Clear are not supported',
    );
  }, 15_000);

  it('on a ReadOnly deployment a disconnected session cannot send, can still clear, and a new chat can', async () => {
    const ro = await session(READ_ONLY);
    await ro.say('hi', { type: 'Text', text: 'hi' });
    await disconnect(conversationOf(READ_ONLY)[0].id);
    await waitFor(ro.guest, isDisconnect);
    const refused = await ro.say('late', { type: 'Text', text: 'are you there?' });
    // No fixture has this frame (MT refuses before sending); 409 is secondary (reference §5, S).
    expect(refused).toMatchObject({ type: 'response', class: 'string', code: 409 });
    expect(typeof refused['body']).toBe('string');
    const join = await ro.say('join', {
      type: 'Event',
      events: [{ eventType: 'Presence', presence: { type: 'Join' } }],
    });
    expect(join['code']).toBe(409);
    expect(conversationOf(READ_ONLY).map((c) => c.state)).toEqual(['disconnected']);
    // A new chat: configureSession with startNew, then a message starts a new conversation.
    const fresh = await GuestSocket.open(emulator.url, READ_ONLY);
    await fresh.ask({
      action: 'configureSession',
      token: ro.token,
      startNew: true,
      tracingId: 'n',
    });
    const echo = await fresh.ask({
      action: 'onMessage',
      token: ro.token,
      tracingId: 'after',
      message: { type: 'Text', text: 'new chat' },
    });
    expect(echo['class']).toBe('StructuredMessage');
    expect(conversationOf(READ_ONLY).map((c) => c.state)).toEqual(['disconnected', 'connected']);
    await disconnect(conversationOf(READ_ONLY)[1].id);
    await waitFor(fresh, isDisconnect);
    // SessionClearedEvent carries no tracing id (fixture sessionClearedEvent): wait for its class.
    fresh.sendRaw(
      JSON.stringify({
        action: 'onMessage',
        token: ro.token,
        tracingId: 'clear',
        message: {
          type: 'Event',
          events: [{ eventType: 'Presence', presence: { type: 'Clear' } }],
        },
      }),
    );
    expect(await waitFor(fresh, (f) => f['class'] === 'SessionClearedEvent')).toBeDefined();
    for (const g of [ro.guest, fresh]) g.close();
  });

  it('typing reaches the agent where the deployment shows it, and stays refused (403) where not', async () => {
    const ro = await session(READ_ONLY);
    await ro.say('hi', { type: 'Text', text: 'hi' });
    await ro.say('t', { type: 'Event', events: [{ eventType: 'Typing', typing: { type: 'On' } }] });
    expect(conversationOf(READ_ONLY)[0]).toMatchObject({ customerTyping: true });
    await ro.say('sent', { type: 'Text', text: 'done typing' });
    expect(conversationOf(READ_ONLY)[0]).toMatchObject({ customerTyping: false });
    const send = await session(SEND);
    const refused = await send.say('t', {
      type: 'Event',
      events: [{ eventType: 'Typing', typing: { type: 'On' } }],
    });
    expect(mismatches(refused, FIXTURES['typingIndicatorForbidden'])).toEqual([]);
    for (const g of [ro.guest, send.guest]) g.close();
  });

  it('a routing rule disconnects after routing, and the conversation keeps its queue', async () => {
    const rule = await session(SEND);
    const echo = await rule.say('spam', {
      type: 'Text',
      text: 'buy now',
      channel: { metadata: { customAttributes: { topic: 'spam' } } },
    });
    expect(echo['class']).toBe('StructuredMessage');
    await waitFor(rule.guest, isDisconnect);
    expect(conversationOf(SEND)).toMatchObject([{ queueName: 'Closed', state: 'disconnected' }]);
    // Send type: the next message (without the rule's attribute) starts a new conversation.
    await rule.say('next', { type: 'Text', text: 'hello?' });
    expect(conversationOf(SEND).map((c) => c.state)).toEqual(['disconnected', 'connected']);
    rule.guest.close();
  });

  it("the deployment's config.json carries its conversation settings", async () => {
    const config = async (id: string) =>
      JSON.parse(
        (
          await httpRequest(emulator.url, `/webdeployments/v1/deployments/${id}/config.json`, {
            headers: { origin: 'http://127.0.0.1:4200' },
          })
        ).body,
      ).messenger.apps.conversations;
    expect(await config(READ_ONLY)).toMatchObject({
      conversationDisconnect: { enabled: true, type: 'ReadOnly' },
      showUserTypingIndicator: true,
      conversationClear: { enabled: true },
    });
    expect(await config(NO_CLEAR)).toMatchObject({
      conversationDisconnect: { enabled: true, type: 'Send' },
      showUserTypingIndicator: false,
      conversationClear: { enabled: false },
    });
  });

  it('with conversation disconnect off the conversation still ends, but the guest hears no Disconnect', async () => {
    const quiet = await session(NO_DISCONNECT);
    await quiet.say('hi', { type: 'Text', text: 'hi' });
    await disconnect(conversationOf(NO_DISCONNECT)[0].id);
    await new Promise((r) => setTimeout(r, 300));
    expect((quiet.guest.frames as Frame[]).filter(isDisconnect)).toEqual([]);
    expect(conversationOf(NO_DISCONNECT)[0].state).toBe('disconnected');
    await quiet.say('next', { type: 'Text', text: 'hello?' });
    expect(conversationOf(NO_DISCONNECT).map((c) => c.state)).toEqual([
      'disconnected',
      'connected',
    ]);
    quiet.guest.close();
  });
});
