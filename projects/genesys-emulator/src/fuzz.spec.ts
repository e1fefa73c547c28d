import fc from 'fast-check';
import type { EmulatorOptions } from './config';
import { type RunningEmulator, startEmulator } from './emulator';
import { GuestSocket, normalSession } from './testing/guest-socket';
import { httpRequest, rawExchange } from './testing/http-client';

/*
 * Issue 9 item 9: the emulator never dies on bad input. `npm start` runs it in one process with
 * the demo, so one bad frame or request line must cost an error answer, never the process.
 * The seeds are fixed so a failure replays; a counterexample found here becomes a named case below.
 */
const ACTIVE = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const options: EmulatorOptions = {
  port: 0,
  quiet: true,
  deployments: [{ id: ACTIVE, allowedDomains: ['localhost', '127.0.0.1'] }],
  rateLimitPerSecond: 1_000_000, // let fuzzed onMessage frames reach the message paths
};
const FRAMES = 10_000;
const REQUESTS = 1_000;

const leaf = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.constant('__proto__'),
  fc.constant('constructor'),
);
const junk = fc.oneof(leaf, fc.anything({ maxDepth: 2, maxKeys: 4 }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, junk);

/** Frames shaped like Guest API requests, with any part replaced by junk. */
function guestFrame(token: string): fc.Arbitrary<string | Buffer> {
  const event = maybe(
    fc.record(
      {
        eventType: maybe(fc.constantFrom('Presence', 'Typing')),
        presence: maybe(fc.record({ type: maybe(fc.constantFrom('Join', 'Clear', 'Disconnect')) })),
      },
      { requiredKeys: [] },
    ),
  );
  const message = maybe(
    fc.record(
      {
        type: maybe(fc.constantFrom('Text', 'Event', 'Structured')),
        text: maybe(fc.string({ maxLength: 50 })),
        events: maybe(fc.array(event, { maxLength: 3 })),
        channel: maybe(fc.record({ metadata: maybe(fc.record({ customAttributes: junk })) })),
      },
      { requiredKeys: [] },
    ),
  );
  const request = fc.record(
    {
      action: maybe(
        fc.constantFrom('configureSession', 'onMessage', 'echo', 'closeSession', 'getJwt'),
      ),
      token: maybe(fc.constant(token)),
      deploymentId: maybe(fc.constant(ACTIVE)),
      tracingId: maybe(fc.string({ maxLength: 8 })),
      message,
      channel: maybe(fc.record({ metadata: maybe(fc.record({ customAttributes: junk })) })),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 6, arbitrary: request.map((r) => JSON.stringify(r)) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('null', '[]', '[null]', '0', '"x"', '{"message":null}', '{'),
    },
  );
}

const METHODS = ['GET', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'HEAD', 'G ET', '', 'PRI'];
const TARGETS = [
  '/emulator/conversations',
  '/emulator/faults',
  '/emulator/reset',
  `/webdeployments/v1/deployments/${ACTIVE}/config.json`,
  '/oauth/token',
  '/api/v2/conversations/x',
  '/v1',
  '//[',
  'http://[',
  '*',
  '%',
  '/%ZZ',
  '/emulator/conversations/%E0%A4%A/reply',
];

/** A raw HTTP/1.1 request: known and broken methods, targets, versions, headers and bodies. */
const rawRequest = fc
  .record({
    method: fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 6 })),
    target: fc.oneof(fc.constantFrom(...TARGETS), fc.string({ maxLength: 30 }), fc.webPath()),
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9', ''),
    host: fc.constantFrom('127.0.0.1', 'localhost', 'evil.test', '[::1', '', 'a:b:c'),
    type: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      '',
    ),
    origin: fc.constantFrom('', 'http://127.0.0.1:4200', 'null', 'https://evil.test', '::'),
    body: fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 60 })),
    upgrade: fc.boolean(),
  })
  .map((r) => {
    const headers = [
      r.host && `Host: ${r.host}`,
      r.type && `Content-Type: ${r.type}`,
      r.origin && `Origin: ${r.origin}`,
      r.upgrade &&
        'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      !r.upgrade && 'Connection: close',
      `Content-Length: ${Buffer.byteLength(r.body)}`,
    ].filter(Boolean);
    return `${r.method} ${r.target} ${r.version}\r\n${headers.join('\r\n')}\r\n\r\n${r.body}`;
  });

describe('genesys-emulator never dies on bad input', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(() => emulator.close());

  async function stillServes(): Promise<void> {
    expect((await httpRequest(emulator.url, '/emulator/health')).status).toBe(200);
    expect(await normalSession(emulator.url, ACTIVE)).toBe('StructuredMessage');
  }

  it.each([
    ['a null frame', 'null'],
    [
      'events: [null]',
      JSON.stringify({ action: 'onMessage', message: { type: 'Event', events: [null] } }),
    ],
    [
      'events that are not a list',
      JSON.stringify({ action: 'onMessage', message: { type: 'Event', events: 5 } }),
    ],
    ['a message that is a number', JSON.stringify({ action: 'onMessage', message: 5 })],
    [
      'a channel that is null',
      JSON.stringify({ action: 'onMessage', message: { type: 'Text', text: 'x', channel: null } }),
    ],
    [
      'metadata that is a string',
      JSON.stringify({
        action: 'onMessage',
        message: { type: 'Text', text: 'x', channel: { metadata: 's' } },
      }),
    ],
    ['an array frame', '[null]'],
    ['invalid UTF-8 in a text frame', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])('survives %s on a configured session', async (_name, frame) => {
    const guest = await GuestSocket.open(emulator.url, ACTIVE);
    const token = crypto.randomUUID();
    await guest.ask({ action: 'configureSession', token, tracingId: 'cfg' });
    const withToken =
      typeof frame === 'string' && frame.startsWith('{')
        ? JSON.stringify({ ...JSON.parse(frame), token })
        : frame;
    guest.sendRaw(withToken);
    await guest.ask({ action: 'echo', token, tracingId: 'after' }).catch(() => undefined);
    guest.close();
    await stillServes();
  });

  it.each([
    ['an unparsable target', 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
    [
      'an absolute target with a bad host',
      'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    ],
    [
      'an unparsable WebSocket target',
      'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    ],
    [
      'bad JSON to an admin route',
      'POST /emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1\r\nConnection: close\r\n\r\n{',
    ],
  ])('survives %s', async (_name, raw) => {
    await rawExchange(emulator.port, raw);
    await stillServes();
  });

  it(`survives ${FRAMES} fuzzed Guest API frames`, async () => {
    const batches = 100;
    const perBatch = FRAMES / batches;
    let sent = 0;
    for (let b = 0; b < batches; b++) {
      const token = crypto.randomUUID();
      const frames = fc.sample(guestFrame(token), { numRuns: perBatch, seed: 9000 + b });
      const guest = await GuestSocket.open(emulator.url, ACTIVE);
      await guest.ask({ action: 'configureSession', token, tracingId: 'cfg' });
      for (const frame of frames) guest.sendRaw(frame);
      sent += frames.length;
      // Wait until the server has handled the batch (or closed the socket, which is also fine).
      await Promise.race([
        guest.ask({ action: 'echo', token, tracingId: 'sync' }, 5000).catch(() => undefined),
        guest.closed,
      ]);
      guest.close();
    }
    expect(sent).toBe(FRAMES);
    await stillServes();
  }, 60_000);

  it(`survives ${REQUESTS} fuzzed raw HTTP requests`, async () => {
    const requests = fc.sample(rawRequest, { numRuns: REQUESTS, seed: 4242 });
    const answers: string[] = [];
    for (let i = 0; i < requests.length; i += 50) {
      answers.push(
        ...(await Promise.all(
          requests.slice(i, i + 50).map((r) => rawExchange(emulator.port, r, 80)),
        )),
      );
    }
    expect(answers).toHaveLength(REQUESTS);
    // No answer ever carries a stack trace or an internal error's detail.
    for (const a of answers) expect(a).not.toMatch(/at .+\.(ts|js):\d+|TypeError|SyntaxError/);
    await stillServes();
  }, 60_000);
});
