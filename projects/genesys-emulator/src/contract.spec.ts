import {
  cannotDowngradeFrame,
  logoutEventFrame,
  unauthorizedFrame,
} from './auth/guest-auth-frames';
import type { EmulatorOptions } from './config';
import { type RunningEmulator, startEmulator } from './emulator';
import { GuestSocket } from './testing/guest-socket';
import { httpRequest } from './testing/http-client';

/*
 * Issue 14 item 8: the emulator's frames against Genesys' own published frames, the test fixtures
 * of MyPureCloud/genesys-messenger-transport-mobile-sdk
 * (transport/src/androidUnitTest/kotlin/transport/util/Response.kt, read at the default branch on
 * 2026-12-02). Each row restates one fixture as a shape, in our words: type, class, code, and the
 * JSON type of every body field (nested objects one level down). The emulator may send more
 * fields; it may not lack one, or give it another type.
 */
type Shape = { type: string; class: string; code: number; body: 'string' | Record<string, string> };
const FIXTURES: Record<string, Shape> = {
  // Response.configureSuccess()
  configureSuccess: {
    type: 'response',
    class: 'SessionResponse',
    code: 200,
    body: {
      connected: 'boolean',
      newSession: 'boolean',
      readOnly: 'boolean',
      maxCustomDataBytes: 'number',
      clearedExistingSession: 'boolean',
    },
  },
  // Response.webSocketRequestFailed
  webSocketRequestFailed: { type: 'response', class: 'string', code: 400, body: 'string' },
  // Response.sessionNotFound
  sessionNotFound: { type: 'response', class: 'string', code: 4007, body: 'string' },
  // Response.messageTooLong
  messageTooLong: { type: 'response', class: 'string', code: 4011, body: 'string' },
  // Response.customAttributeSizeTooLarge
  customAttributeSizeTooLarge: { type: 'response', class: 'string', code: 4013, body: 'string' },
  // Response.tooManyRequests
  tooManyRequests: {
    type: 'response',
    class: 'TooManyRequestsErrorMessage',
    code: 429,
    body: { retryAfter: 'number', errorCode: 'number', errorMessage: 'string' },
  },
  // Response.typingIndicatorForbidden
  typingIndicatorForbidden: { type: 'response', class: 'string', code: 403, body: 'string' },
  // Response.onMessage(Inbound): the echo of the guest's own text
  onMessageInbound: {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      text: 'string',
      direction: 'string',
      id: 'string',
      channel: 'object',
      'channel.time': 'string',
      'channel.messageId': 'string',
      type: 'string',
    },
  },
  // Response.onMessageWithAttachment(Outbound), without its attachment content: an agent's text
  onMessageOutbound: {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      direction: 'string',
      id: 'string',
      channel: 'object',
      'channel.time': 'string',
      'channel.type': 'string',
      type: 'string',
      text: 'string',
      originatingEntity: 'string',
    },
  },
  // Response.structuredMessageWithEvents(presenceJoin, Inbound)
  presenceJoinEcho: {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      direction: 'string',
      id: 'string',
      channel: 'object',
      'channel.time': 'string',
      'channel.messageId': 'string',
      type: 'string',
      metadata: 'object',
      'metadata.correlationId': 'string',
      events: 'array',
    },
  },
  // Response.sessionClearedEvent
  sessionClearedEvent: { type: 'message', class: 'SessionClearedEvent', code: 200, body: {} },
  // Response.connectionClosedEventNoReason
  connectionClosedEvent: { type: 'message', class: 'ConnectionClosedEvent', code: 200, body: {} },
  // Response.healthCheckResponse
  healthCheckResponse: {
    type: 'response',
    class: 'StructuredMessage',
    code: 200,
    body: { text: 'string', type: 'string', direction: 'string', id: 'string' },
  },
};

const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
function field(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      body,
    );
}
/** Every difference between a frame and a fixture's shape, as readable lines. */
function mismatches(frame: Record<string, unknown> | undefined, shape: Shape): string[] {
  if (!frame) return ['no frame'];
  const out: string[] = [];
  for (const key of ['type', 'class', 'code'] as const)
    if (frame[key] !== shape[key]) out.push(`${key}: ${String(frame[key])} ≠ ${shape[key]}`);
  if (shape.body === 'string') {
    if (typeof frame['body'] !== 'string') out.push(`body: ${jsonType(frame['body'])} ≠ string`);
  } else {
    for (const [path, type] of Object.entries(shape.body)) {
      const actual = jsonType(field(frame['body'], path));
      if (actual !== type) out.push(`body.${path}: ${actual} ≠ ${type}`);
    }
  }
  return out;
}

const ACTIVE = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const options: EmulatorOptions = {
  port: 0,
  quiet: true,
  deployments: [{ id: ACTIVE }],
  rateLimitPerSecond: 2,
};

describe('emulator frames match Genesys fixtures', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(() => emulator.reset());
  afterAll(() => emulator.close());

  type Frame = Record<string, unknown>;
  async function session(): Promise<{ guest: GuestSocket; token: string; first: Frame }> {
    const guest = await GuestSocket.open(emulator.url, ACTIVE);
    const token = crypto.randomUUID();
    const first = (await guest.ask({
      action: 'configureSession',
      token,
      deploymentId: ACTIVE,
      tracingId: 'cfg',
    })) as Frame;
    return { guest, token, first };
  }
  const say = (
    g: GuestSocket,
    token: string,
    tracingId: string,
    message: Record<string, unknown>,
  ) => g.ask({ action: 'onMessage', token, tracingId, message }) as Promise<Frame>;
  const waitFor = async (
    g: GuestSocket,
    pred: (f: Frame) => boolean,
  ): Promise<Frame | undefined> => {
    for (let i = 0; i < 40; i++) {
      const f = (g.frames as Frame[]).find(pred);
      if (f) return f;
      await new Promise((r) => setTimeout(r, 25));
    }
    return undefined;
  };

  it('every emulator frame has the fixture shape', async () => {
    const got: Record<string, Frame | undefined> = {};
    const { guest, token, first } = await session();
    got['configureSuccess'] = first;
    got['webSocketRequestFailed'] = await say(guest, token, 'bad', { type: 'Nope' });
    got['messageTooLong'] = await say(guest, token, 'long', {
      type: 'Text',
      text: 'x'.repeat(4097),
    });
    await new Promise((r) => setTimeout(r, 1000)); // a fresh rate window
    got['customAttributeSizeTooLarge'] = await say(guest, token, 'big', {
      type: 'Text',
      text: 'hi',
      channel: { metadata: { customAttributes: { blob: 'x'.repeat(2100) } } },
    });
    got['onMessageInbound'] = await say(guest, token, 'hello', { type: 'Text', text: 'hello' });
    got['tooManyRequests'] = await say(guest, token, 'fast', { type: 'Text', text: 'again' });
    await new Promise((r) => setTimeout(r, 1000));
    got['typingIndicatorForbidden'] = await say(guest, token, 'typing', {
      type: 'Event',
      events: [{ eventType: 'Typing', typing: { type: 'On' } }],
    });
    got['healthCheckResponse'] = (await guest.ask({
      action: 'echo',
      token,
      tracingId: 'SGVhbHRoQ2hlY2tNZXNzYWdlSWQ=',
      message: { type: 'Text', text: 'ping' },
    })) as Frame;

    const [conversation] = emulator.conversations();
    await httpRequest(emulator.url, `/emulator/conversations/${conversation.id}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-token': emulator.token },
      body: JSON.stringify({ text: 'Hi, I am the agent' }),
    });
    got['onMessageOutbound'] = await waitFor(
      guest,
      (f) => (f['body'] as Frame | undefined)?.['direction'] === 'Outbound',
    );
    await new Promise((r) => setTimeout(r, 1000));
    await say(guest, token, 'clear', {
      type: 'Event',
      events: [{ eventType: 'Presence', presence: { type: 'Clear' } }],
    }).catch(() => undefined);
    got['sessionClearedEvent'] = await waitFor(guest, (f) => f['class'] === 'SessionClearedEvent');
    guest.close();

    const other = await session();
    got['presenceJoinEcho'] = await say(other.guest, other.token, 'join', {
      type: 'Event',
      events: [{ eventType: 'Presence', presence: { type: 'Join' } }],
    });
    const second = await GuestSocket.open(emulator.url, ACTIVE);
    await second.ask({ action: 'configureSession', token: other.token, tracingId: 'cfg2' });
    await other.guest.ask({
      action: 'closeSession',
      token: other.token,
      closeAllConnections: true,
      tracingId: 'close',
    });
    got['connectionClosedEvent'] = await waitFor(
      second,
      (f) => f['class'] === 'ConnectionClosedEvent',
    );
    other.guest.close();
    second.close();

    const stranger = await GuestSocket.open(emulator.url, ACTIVE);
    got['sessionNotFound'] = (await stranger.ask({
      action: 'onMessage',
      token: 'unknown',
      tracingId: 'nf',
      message: { type: 'Text', text: 'x' },
    })) as Frame;
    stranger.close();

    const report = Object.fromEntries(
      Object.entries(FIXTURES).map(([name, shape]) => [name, mismatches(got[name], shape)]),
    );
    expect(report).toEqual(Object.fromEntries(Object.keys(FIXTURES).map((name) => [name, []])));
  }, 15_000);

  it("the guest's own echo carries no originatingEntity, and agent text is a Private channel message with a correlation id", async () => {
    const { guest, token } = await session();
    const echo = await say(guest, token, 'e', { type: 'Text', text: 'hi' });
    expect(echo['body']).not.toHaveProperty('originatingEntity');
    const [c] = emulator.conversations();
    await httpRequest(emulator.url, `/emulator/conversations/${c.id}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-token': emulator.token },
      body: JSON.stringify({ text: 'agent' }),
    });
    const out = await waitFor(
      guest,
      (f) => (f['body'] as Frame | undefined)?.['direction'] === 'Outbound',
    );
    expect(out?.['body']).toMatchObject({
      channel: { type: 'Private' },
      metadata: { correlationId: expect.any(String) },
      originatingEntity: 'Human',
    });
    guest.close();
  });

  it('closeSession answers with the SessionResponse fields Genesys sends', async () => {
    const { guest, token } = await session();
    const closed = (await guest.ask({ action: 'closeSession', token, tracingId: 'bye' })) as Frame;
    expect(mismatches(closed, FIXTURES['configureSuccess'])).toEqual([]);
    expect(closed['body']).toMatchObject({ connected: false });
    guest.close();
  });

  it('an agent disconnect reaches the guest as an outbound presence Disconnect event, and the next message starts a new conversation', async () => {
    const { guest, token } = await session();
    await say(guest, token, 'first', { type: 'Text', text: 'hi' });
    const [c] = emulator.conversations();
    const r = await httpRequest(emulator.url, `/emulator/conversations/${c.id}/disconnect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-token': emulator.token },
      body: '{}',
    });
    expect(r.status).toBe(200);
    const event = await waitFor(
      guest,
      (f) => (f['body'] as Frame | undefined)?.['type'] === 'Event',
    );
    // Response.structuredMessageWithEvents(presenceDisconnect, Outbound)
    expect(
      mismatches(event, {
        type: 'message',
        class: 'StructuredMessage',
        code: 200,
        body: {
          direction: 'string',
          id: 'string',
          channel: 'object',
          'channel.time': 'string',
          'channel.messageId': 'string',
          type: 'string',
          metadata: 'object',
          'metadata.correlationId': 'string',
          events: 'array',
        },
      }),
    ).toEqual([]);
    expect(event?.['body']).toMatchObject({
      direction: 'Outbound',
      events: [{ eventType: 'Presence', presence: { type: 'Disconnect' } }],
    });
    expect(emulator.conversations()[0].state).toBe('disconnected');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await say(guest, token, 'again', { type: 'Text', text: 'back again' });
    expect(emulator.conversations().map((x) => x.state)).toEqual(['disconnected', 'connected']);
    guest.close();
  });
});

// The authenticated-session frames are sent only where oidc-provider and jose run (node --test,
// test/emulator-auth/wiring.test.mjs); their builders are pure, so their shapes are checked here.
describe('authenticated-session frames match Genesys fixtures', () => {
  it('unauthorized (401), cannotDowngradeToUnauthenticated (4017) and logoutEvent', () => {
    const fixtures: Record<string, [Record<string, unknown>, Shape]> = {
      unauthorized: [
        unauthorizedFrame('t-1'),
        { type: 'response', class: 'string', code: 401, body: 'string' },
      ],
      cannotDowngradeToUnauthenticated: [
        cannotDowngradeFrame('t-2'),
        { type: 'response', class: 'string', code: 4017, body: 'string' },
      ],
      logoutEvent: [
        logoutEventFrame(),
        { type: 'message', class: 'LogoutEvent', code: 200, body: {} },
      ],
    };
    const report = Object.fromEntries(
      Object.entries(fixtures).map(([name, [frame, shape]]) => [name, mismatches(frame, shape)]),
    );
    expect(report).toEqual({
      unauthorized: [],
      cannotDowngradeToUnauthenticated: [],
      logoutEvent: [],
    });
    // Response.unauthorized's exact body text.
    expect(unauthorizedFrame().body).toBe('User is unauthorized');
  });
});

/*
 * Issue 14 items 4 and 8, second part: the frames of a conversation's end on deployments with
 * their own conversation settings (conversation-settings.ts), against the same Response.kt
 * fixtures. Each row names the fixture call it restates.
 */
const eventMessageShape = (extra: Record<string, string>): Shape => ({
  type: 'message',
  class: 'StructuredMessage',
  code: 200,
  body: {
    direction: 'string',
    id: 'string',
    channel: 'object',
    'channel.time': 'string',
    'channel.messageId': 'string',
    type: 'string',
    metadata: 'object',
    events: 'array',
    ...extra,
  },
});
const LIFECYCLE_FIXTURES: Record<string, Shape> = {
  // structuredMessageWithEvents(presenceDisconnect) with the default metadata (correlationId)
  presenceDisconnect: eventMessageShape({ 'metadata.correlationId': 'string' }),
  // structuredMessageWithEvents(presenceDisconnect, metadata = mapOf("readOnly" to "true"))
  presenceDisconnectReadOnly: eventMessageShape({ 'metadata.readOnly': 'string' }),
  // the same frame, sent because a routing rule disconnected the conversation
  presenceDisconnectByRule: eventMessageShape({ 'metadata.correlationId': 'string' }),
  // configureSuccess(readOnly = true): configureSession on a read-only session
  configureSuccessReadOnly: FIXTURES['configureSuccess'],
  // configureSuccess(connected = false, readOnly = true): closeSession on a read-only session
  closeSessionReadOnly: FIXTURES['configureSuccess'],
  // configureSuccess(): configureSession with startNew after a read-only conversation
  configureSuccessStartNew: FIXTURES['configureSuccess'],
  // structuredMessageWithEvents(typingOn, Inbound): an accepted Typing event, echoed
  typingOnEcho: eventMessageShape({
    'events.0.eventType': 'string',
    'events.0.typing': 'object',
    'events.0.typing.type': 'string',
    'events.0.typing.duration': 'number',
  }),
  // clearConversationForbidden()
  clearConversationForbidden: { type: 'response', class: 'string', code: 403, body: 'string' },
};

describe('conversation end and clear per deployment match Genesys fixtures', () => {
  const SEND = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
  const READ_ONLY = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
  const NO_CLEAR = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
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
});
