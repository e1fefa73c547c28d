import {
  cannotDowngradeFrame,
  logoutEventFrame,
  unauthorizedFrame,
} from './auth/guest-auth-frames';
import type { EmulatorOptions } from './config';
import { type RunningEmulator, startEmulator } from './emulator';
import { GuestSocket } from './testing/guest-socket';
import { httpRequest } from './testing/http-client';

import { FIXTURES, type Shape, mismatches } from './testing/fixture-shapes';

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
