import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { type EmulatorOptions, loadEmulatorConfig } from './config';
import { deploymentConfig } from './deployment-config';
import { type RunningEmulator, startEmulator } from './emulator';
import { ECHO_TRACING_ID, type ServerFrame } from './guest-api';

const ACTIVE = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const INACTIVE = '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a';
const HEADLESS = '9b2e4f60-1c3d-4e5f-8a7b-6c5d4e3f2a1b';

const options: EmulatorOptions = {
  port: 0,
  quiet: true,
  deployments: [
    { id: ACTIVE, allowedDomains: ['localhost', '127.0.0.1'] },
    { id: HEADLESS, headless: true },
    { id: INACTIVE, status: 'Inactive' },
  ],
  routing: {
    rules: [
      { when: { attribute: 'customerTier', equals: 'premium' }, queue: 'Premium Support' },
      { when: { attribute: 'crmCustomerId', exists: true }, queue: 'Known Customers' },
    ],
    defaultQueue: 'General',
  },
  oauthClients: [{ clientId: 'cid', clientSecret: 'secret' }],
  rateLimitPerSecond: 5,
};

/** A Guest API client that records every frame. */
class Guest {
  readonly frames: ServerFrame[] = [];
  private waiters: ((f: ServerFrame) => void)[] = [];
  constructor(
    readonly ws: WebSocket,
    readonly token: string = crypto.randomUUID(),
  ) {
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as ServerFrame;
      this.frames.push(frame);
      this.waiters.splice(0).forEach((w) => w(frame));
    });
  }
  static async connect(
    emulator: RunningEmulator,
    deploymentId = ACTIVE,
    origin = 'http://127.0.0.1:4200',
  ): Promise<Guest> {
    const ws = new WebSocket(
      `${emulator.url.replace('http', 'ws')}/v1?deploymentId=${deploymentId}`,
      { origin },
    );
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Guest(ws);
  }
  send(body: Record<string, unknown>): void {
    this.ws.send(JSON.stringify({ token: this.token, ...body }));
  }
  async next(predicate: (f: ServerFrame) => boolean = () => true): Promise<ServerFrame> {
    const seen = this.frames.find(predicate);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return seen;
    }
    return new Promise((resolve) => {
      const wait = (f: ServerFrame) => {
        if (predicate(f)) {
          this.frames.splice(this.frames.indexOf(f), 1);
          resolve(f);
        } else this.waiters.push(wait);
      };
      this.waiters.push(wait);
    });
  }
  async configure(): Promise<ServerFrame> {
    this.send({ action: 'configureSession', deploymentId: ACTIVE, tracingId: 'cfg' });
    return this.next((f) => f.class === 'SessionResponse');
  }
  async say(
    text: string,
    customAttributes?: Record<string, string>,
    tracingId: string = crypto.randomUUID(),
  ): Promise<ServerFrame> {
    const message: Record<string, unknown> = { type: 'Text', text };
    if (customAttributes) message['channel'] = { metadata: { customAttributes } };
    this.send({ action: 'onMessage', message, tracingId });
    return this.next((f) => f.tracingId === tracingId);
  }
  close(): void {
    this.ws.terminate();
  }
}

async function token(emulator: RunningEmulator): Promise<string> {
  const r = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from('cid:secret').toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

describe('genesys-emulator', () => {
  let emulator: RunningEmulator;
  const guests: Guest[] = [];
  const guest = async (
    ...args: Parameters<typeof Guest.connect> extends [unknown, ...infer R] ? R : never
  ) => {
    const g = await Guest.connect(emulator, ...args);
    guests.push(g);
    return g;
  };

  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(() => {
    guests.splice(0).forEach((g) => g.close());
    emulator.reset();
  });
  afterAll(() => emulator.close());

  it('binds 127.0.0.1 by default', () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  describe('bootstrap script and deployment config', () => {
    it('serves the stand-in bootstrap as JavaScript', async () => {
      const r = await fetch(`${emulator.url}/genesys-bootstrap/genesys.min.js`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('javascript');
      expect(await r.text()).toContain('_genesysJs');
    });

    it('serves config.json in the documented shape', async () => {
      const r = await fetch(`${emulator.url}/webdeployments/v1/deployments/${ACTIVE}/config.json`, {
        headers: { Origin: 'http://localhost:4200' },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
      const config = (await r.json()) as Record<string, unknown>;
      expect(config).toMatchObject({
        id: ACTIVE,
        status: 'Active',
        headlessMode: { enabled: false },
        messenger: {
          enabled: true,
          apps: { conversations: { conversationClear: { enabled: true } } },
        },
        auth: { enabled: false },
      });
    });

    it('answers 404 for an unknown deployment, Inactive for a switched-off one, 403 for an origin outside the allowed domains', async () => {
      const unknown = await fetch(
        `${emulator.url}/webdeployments/v1/deployments/00000000-0000-4000-8000-000000000000/config.json`,
      );
      expect(unknown.status).toBe(404);
      const inactive = await fetch(
        `${emulator.url}/webdeployments/v1/deployments/${INACTIVE}/config.json`,
      );
      expect(((await inactive.json()) as { status: string }).status).toBe('Inactive');
      const foreign = await fetch(
        `${emulator.url}/webdeployments/v1/deployments/${ACTIVE}/config.json`,
        {
          headers: { Origin: 'https://evil.example.com' },
        },
      );
      expect(foreign.status).toBe(403);
      expect(foreign.headers.get('access-control-allow-origin')).toBe('https://evil.example.com'); // the refusal is readable, so the page can explain it
    });

    it('refuses the WebSocket for a foreign origin, an inactive or an unknown deployment', async () => {
      for (const [id, origin] of [
        [ACTIVE, 'https://evil.example.com'],
        [INACTIVE, 'http://127.0.0.1:4200'],
        ['nope', 'http://127.0.0.1:4200'],
      ]) {
        await expect(Guest.connect(emulator, id, origin)).rejects.toThrow(
          /Unexpected server response: (403|404)/,
        );
      }
    });
  });

  describe('Guest API', () => {
    it('answers configureSession with a SessionResponse, and newSession:false for a token it knows', async () => {
      const g = await guest();
      expect(await g.configure()).toEqual({
        type: 'response',
        class: 'SessionResponse',
        code: 200,
        body: expect.objectContaining({
          connected: true,
          newSession: true,
          readOnly: false,
          maxCustomDataBytes: 2048,
        }),
        tracingId: 'cfg',
      });
      const again = new Guest(
        new WebSocket(`${emulator.url.replace('http', 'ws')}/v1?deploymentId=${ACTIVE}`, {
          origin: 'http://127.0.0.1',
        }),
        g.token,
      );
      guests.push(again);
      await new Promise((resolve) => again.ws.once('open', resolve));
      expect((await again.configure()).body).toMatchObject({ connected: true, newSession: false });
    });

    it('echoes onMessage as an Inbound StructuredMessage with the tracingId and stores the attributes on the customer participant', async () => {
      const g = await guest();
      await g.configure();
      const echo = await g.say(
        'hello',
        { crmCustomerId: 'CRM-12345-XYZ', customerTier: 'premium', source: 'web-portal' },
        't-1',
      );
      expect(echo).toMatchObject({
        type: 'message',
        class: 'StructuredMessage',
        code: 200,
        tracingId: 't-1',
        body: { type: 'Text', text: 'hello', direction: 'Inbound' },
      });
      const [conversation] = emulator.conversations();
      expect(conversation.attributes).toEqual({
        crmCustomerId: 'CRM-12345-XYZ',
        customerTier: 'premium',
        source: 'web-portal',
      });
      expect(conversation.queueName).toBe('Premium Support');
    });

    it('accepts attributes in the deprecated top-level channel.metadata too', async () => {
      const g = await guest();
      await g.configure();
      g.send({
        action: 'onMessage',
        tracingId: 'legacy',
        message: { type: 'Text', text: 'hi' },
        channel: { metadata: { customAttributes: { crmCustomerId: 'OLD' } } },
      });
      await g.next((f) => f.tracingId === 'legacy');
      expect(emulator.conversations()[0].attributes).toEqual({ crmCustomerId: 'OLD' });
    });

    it('routes on the first inbound message with the rule list', async () => {
      const cases: [Record<string, string> | undefined, string][] = [
        [{ crmCustomerId: 'A', customerTier: 'premium' }, 'Premium Support'],
        [{ crmCustomerId: 'B', customerTier: 'standard' }, 'Known Customers'],
        [undefined, 'General'],
      ];
      for (const [attributes] of cases) {
        const g = await guest();
        await g.configure();
        await g.say('hi', attributes);
      }
      expect(emulator.conversations().map((c) => c.queueName)).toEqual(cases.map(([, q]) => q));
    });

    it('rejects custom attributes over 2048 UTF-8 bytes with 4013 and stores nothing', async () => {
      const g = await guest();
      await g.configure();
      const frame = await g.say('hi', { blob: 'é'.repeat(1022) }); // 4 + 2044 = 2048 fits
      expect(frame.class).toBe('StructuredMessage');
      const over = await g.say('hi', { blob: 'é'.repeat(1023) });
      expect(over).toMatchObject({
        class: 'string',
        code: 4013,
        body: 'Custom Attributes in channel metadata is larger than 2048 bytes',
      });
      expect(emulator.conversations()[0].messages).toHaveLength(1);
    });

    it('rejects text over 4096 bytes with 4011', async () => {
      const g = await guest();
      await g.configure();
      expect(await g.say('x'.repeat(4097))).toMatchObject({ class: 'string', code: 4011 });
    });

    it('limits the per-session message rate with 429/4029 TooManyRequestsErrorMessage', async () => {
      const g = await guest();
      await g.configure();
      const frames = [];
      for (let i = 0; i < 6; i++) frames.push(await g.say(`m${i}`));
      expect(frames.slice(0, 5).every((f) => f.class === 'StructuredMessage')).toBe(true);
      expect(frames[5]).toMatchObject({
        class: 'TooManyRequestsErrorMessage',
        code: 429,
        body: {
          retryAfter: 1,
          errorCode: 4029,
          errorMessage: 'Message rate too high for this session',
        },
      });
    });

    it('answers echo with ping and the health-check tracing id', async () => {
      const g = await guest();
      await g.configure();
      g.send({
        action: 'echo',
        message: { type: 'Text', text: 'ping' },
        tracingId: ECHO_TRACING_ID,
      });
      expect(await g.next()).toMatchObject({
        type: 'response',
        class: 'StructuredMessage',
        body: { text: 'ping' },
        tracingId: ECHO_TRACING_ID,
      });
    });

    it("answers closeSession with connected:false and tells the session's other connections", async () => {
      const a = await guest();
      await a.configure();
      const b = new Guest(
        new WebSocket(`${emulator.url.replace('http', 'ws')}/v1?deploymentId=${ACTIVE}`, {
          origin: 'http://localhost',
        }),
        a.token,
      );
      guests.push(b);
      await new Promise((resolve) => b.ws.once('open', resolve));
      await b.configure();
      a.send({ action: 'closeSession', closeAllConnections: true, tracingId: 'close' });
      expect(await a.next((f) => f.tracingId === 'close')).toMatchObject({
        class: 'SessionResponse',
        body: { connected: false },
      });
      expect(await b.next()).toMatchObject({ class: 'ConnectionClosedEvent' });
    });

    it('handles a presence Clear: SessionClearedEvent, the conversation ends, the next message starts a new one', async () => {
      const g = await guest();
      await g.configure();
      await g.say('first', { crmCustomerId: 'A' });
      g.send({
        action: 'onMessage',
        tracingId: 'clr',
        message: {
          type: 'Event',
          events: [{ eventType: 'Presence', presence: { type: 'Clear' } }],
        },
      });
      expect(await g.next((f) => f.class === 'SessionClearedEvent')).toMatchObject({
        type: 'message',
        code: 200,
      });
      await g.say('second');
      const [first, second] = emulator.conversations();
      expect(first.state).toBe('disconnected');
      expect(second.state).toBe('connected');
      expect(second.attributes).toEqual({});
    });

    it('refuses requests before configureSession', async () => {
      const g = await guest();
      g.send({ action: 'onMessage', message: { type: 'Text', text: 'hi' }, tracingId: 'early' });
      expect(await g.next()).toMatchObject({ class: 'string', code: 4007 });
    });
  });

  describe('Platform API stand-ins', () => {
    it('issues client-credentials tokens and refuses bad clients', async () => {
      const bad = await fetch(`${emulator.url}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=cid&client_secret=wrong',
      });
      expect(bad.status).toBe(401);
      expect(await token(emulator)).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("shows the customer participant's attributes and the ACD queue through GET /api/v2/conversations/{id}, with a token", async () => {
      const g = await guest();
      await g.configure();
      const echo = await g.say('hello', { crmCustomerId: 'CRM-1', customerTier: 'premium' });
      const messageId = (echo.body as { id: string }).id;
      const [{ id }] = emulator.conversations();

      expect((await fetch(`${emulator.url}/api/v2/conversations/${id}`)).status).toBe(401);
      const auth = { headers: { Authorization: `Bearer ${await token(emulator)}` } };
      for (const path of [`/api/v2/conversations/${id}`, `/api/v2/conversations/messages/${id}`]) {
        const conversation = (await (await fetch(emulator.url + path, auth)).json()) as {
          id: string;
          participants: {
            purpose: string;
            attributes: Record<string, string>;
            queueName?: string;
            queueId?: string;
          }[];
        };
        expect(conversation.id).toBe(id);
        const customer = conversation.participants.find((p) => p.purpose === 'customer');
        expect(customer?.attributes).toEqual({ crmCustomerId: 'CRM-1', customerTier: 'premium' });
        const acd = conversation.participants.find((p) => p.purpose === 'acd');
        expect(acd).toMatchObject({
          queueName: 'Premium Support',
          queueId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        });
      }
      const details = (await (
        await fetch(`${emulator.url}/api/v2/conversations/messages/${messageId}/details`, auth)
      ).json()) as {
        conversationId: string;
      };
      expect(details.conversationId).toBe(id);
      expect((await fetch(`${emulator.url}/api/v2/conversations/nope`, auth)).status).toBe(404);
    });
  });

  describe('agent side', () => {
    it('lists conversations and delivers an agent reply to the guest as an Outbound StructuredMessage', async () => {
      const g = await guest();
      await g.configure();
      await g.say('hello', { crmCustomerId: 'CRM-9' });
      const admin = { 'X-Emulator-Token': emulator.token };
      const list = (await (
        await fetch(`${emulator.url}/emulator/conversations`, { headers: admin })
      ).json()) as {
        id: string;
        queueName: string;
      }[];
      expect(list).toHaveLength(1);
      expect(list[0].queueName).toBe('Known Customers');
      const r = await fetch(`${emulator.url}/emulator/conversations/${list[0].id}/reply`, {
        method: 'POST',
        headers: { ...admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Hi, how can I help?' }),
      });
      expect(r.status).toBe(200);
      expect(await g.next((f) => f.class === 'StructuredMessage')).toMatchObject({
        type: 'message',
        body: { direction: 'Outbound', text: 'Hi, how can I help?', originatingEntity: 'Human' },
      });
    });

    it('serves the agent page', async () => {
      const page = await (await fetch(`${emulator.url}/emulator/`)).text();
      expect(page).toContain('/emulator/agent.js');
      expect((await fetch(`${emulator.url}/emulator/agent.js`)).status).toBe(200);
    });
  });

  describe('fault controls', () => {
    it('a refused fault request changes nothing, not even its script faults', async () => {
      expect(() => emulator.setFaults({ script404: true, deploymentId: 'nope' })).toThrow(
        'unknown deploymentId',
      );
      expect((await fetch(`${emulator.url}/genesys-bootstrap/genesys.min.js`)).status).toBe(200);
    });

    it('switches script faults through the admin endpoint: 404, and a request that never finishes', async () => {
      await fetch(`${emulator.url}/emulator/faults`, {
        method: 'POST',
        headers: { 'X-Emulator-Token': emulator.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ script404: true }),
      });
      expect((await fetch(`${emulator.url}/genesys-bootstrap/genesys.min.js`)).status).toBe(404);
      emulator.setFaults({ script404: false, scriptHang: true });
      const hang = await Promise.race([
        fetch(`${emulator.url}/genesys-bootstrap/genesys.min.js`).then(
          () => 'answered',
          () => 'dropped',
        ),
        new Promise((resolve) => setTimeout(() => resolve('hanging'), 300)),
      ]);
      expect(hang).toBe('hanging');
      emulator.reset();
      expect((await fetch(`${emulator.url}/genesys-bootstrap/genesys.min.js`)).status).toBe(200);
    });

    it('publishes per-deployment faults for the bootstrap, and reset clears them', async () => {
      emulator.setFaults({
        deploymentId: ACTIVE,
        neverReady: 'Messenger',
        databaseSetRejected: true,
        messengerOpenRejected: true,
      });
      const faults = await (await fetch(`${emulator.url}/emulator/faults/${ACTIVE}`)).json();
      expect(faults).toMatchObject({
        neverReady: 'Messenger',
        databaseSetRejected: true,
        messengerOpenRejected: true,
      });
      const other = await (await fetch(`${emulator.url}/emulator/faults/${HEADLESS}`)).json();
      expect(other).toEqual({});
      emulator.reset();
      expect(await (await fetch(`${emulator.url}/emulator/faults/${ACTIVE}`)).json()).toEqual({});
    });

    it('drops the guest socket after N messages, and the same token reconnects to the same session', async () => {
      emulator.setFaults({ deploymentId: ACTIVE, dropSocketAfterMessages: 2 });
      const g = await guest();
      await g.configure();
      await g.say('one', { crmCustomerId: 'CRM-5' });
      const closed = new Promise((resolve) => g.ws.once('close', resolve));
      await g.say('two');
      await closed;
      const again = new Guest(
        new WebSocket(`${emulator.url.replace('http', 'ws')}/v1?deploymentId=${ACTIVE}`, {
          origin: 'http://localhost',
        }),
        g.token,
      );
      guests.push(again);
      await new Promise((resolve) => again.ws.once('open', resolve));
      expect((await again.configure()).body).toMatchObject({ newSession: false });
      await again.say('three');
      expect(emulator.conversations()).toHaveLength(1);
      expect(emulator.conversations()[0].messages.map((m) => m.text)).toEqual([
        'one',
        'two',
        'three',
      ]);
    });

    it('lowers the rate limit per deployment', async () => {
      emulator.setFaults({ deploymentId: ACTIVE, rateLimitPerSecond: 1 });
      const g = await guest();
      await g.configure();
      await g.say('a');
      expect((await g.say('b')).code).toBe(429);
    });
  });
});

describe('emulator.config.json: conversation settings and routing actions', () => {
  const load = (config: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'emu-config-')), 'emulator.config.json');
    writeFileSync(path, JSON.stringify(config));
    return () => loadEmulatorConfig(path);
  };
  const deployment = (conversations: unknown) => ({ deployments: [{ id: ACTIVE, conversations }] });

  it('accepts the Genesys setting names and refuses wrong values, naming the key', () => {
    expect(
      load(
        deployment({
          conversationDisconnect: { enabled: true, type: 'ReadOnly' },
          conversationClear: { enabled: false },
          showUserTypingIndicator: true,
        }),
      )().deployments[0].conversations,
    ).toEqual({
      conversationDisconnect: { enabled: true, type: 'ReadOnly' },
      conversationClear: { enabled: false },
      showUserTypingIndicator: true,
    });
    expect(load(deployment({ conversationDisconnect: { enabled: true, type: 'Close' } }))).toThrow(
      /conversationDisconnect\.type" must be "Send" or "ReadOnly"/,
    );
    expect(load(deployment({ conversationClear: true }))).toThrow(/conversationClear" must be/);
    expect(load(deployment({ showUserTypingIndicator: 'yes' }))).toThrow(
      /showUserTypingIndicator" must be true or false/,
    );
    expect(
      load({
        deployments: [{ id: ACTIVE }],
        routing: { rules: [{ when: {}, queue: 'x', action: 'transfer' }], defaultQueue: 'G' },
      }),
    ).toThrow(/"action" can only be "disconnect"/);
  });

  it('accepts a launcher visibility of On, Off or OnDemand and refuses others', () => {
    for (const v of ['On', 'Off', 'OnDemand'])
      expect(
        load({ deployments: [{ id: ACTIVE, launcherVisibility: v }] })().deployments[0],
      ).toMatchObject({
        launcherVisibility: v,
      });
    expect(
      deploymentConfig({ id: ACTIVE, launcherVisibility: 'Off' }, 'http://127.0.0.1:1').messenger
        .launcherButton,
    ).toEqual({
      visibility: 'Off',
    });
    expect(deploymentConfig({ id: ACTIVE }, 'http://127.0.0.1:1').messenger.launcherButton).toEqual(
      {
        visibility: 'OnDemand',
      },
    );
    expect(load({ deployments: [{ id: ACTIVE, journeyEvents: 'yes' }] })).toThrow(
      /"journeyEvents" must be true or false/,
    );
    expect(
      deploymentConfig({ id: ACTIVE, journeyEvents: true }, 'http://127.0.0.1:1').journeyEvents,
    ).toEqual({ enabled: true });
    expect(load({ deployments: [{ id: ACTIVE, launcherVisibility: 'Hidden' }] })).toThrow(
      /"launcherVisibility" must be On, Off or OnDemand/,
    );
  });

  it("the repository's config has a ReadOnly deployment with the typing indicator on", () => {
    const config = loadEmulatorConfig(join(__dirname, '..', 'emulator.config.json'));
    expect(config.deployments.find((d) => d.conversations)?.conversations).toMatchObject({
      conversationDisconnect: { enabled: true, type: 'ReadOnly' },
      showUserTypingIndicator: true,
    });
  });
});
