import { WebSocket } from 'ws';
import type { EmulatorOptions } from './config';
import { type RunningEmulator, startEmulator } from './emulator';
import { GuestSocket } from './testing/guest-socket';
import { httpRequest } from './testing/http-client';

/*
 * Issue 15 item 2: the emulator is safe to leave running on a developer's machine. Each test is
 * what a hostile web page (or a DNS-rebinding attacker) would try, and what it must not get.
 */
const ACTIVE = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const DEMO = 'http://localhost:4200';
const OTHER_LOCAL_PAGE = 'http://localhost:9999';
const options: EmulatorOptions = {
  port: 0,
  quiet: true,
  deployments: [{ id: ACTIVE, allowedDomains: ['localhost', '127.0.0.1'] }],
  origins: [DEMO],
  hosts: ['emulator.test'],
  oauthClients: [{ clientId: 'cid', clientSecret: 'secret' }],
};
const TOKEN_HEADER = 'x-emulator-token';

describe('genesys-emulator as a local service', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const json = (body: unknown, extra: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });
  const withToken = (extra: Record<string, string> = {}) => ({
    [TOKEN_HEADER]: emulator.token,
    ...extra,
  });

  async function conversationWithMessage(): Promise<string> {
    const guest = await GuestSocket.open(emulator.url, ACTIVE);
    const token = crypto.randomUUID();
    await guest.ask({ action: 'configureSession', token, tracingId: 'c' });
    await guest.ask({
      action: 'onMessage',
      token,
      tracingId: 'm',
      message: {
        type: 'Text',
        text: 'my account number is 42',
        channel: { metadata: { customAttributes: { crmCustomerId: 'CRM-7' } } },
      },
    });
    guest.close();
    return emulator.conversations()[0].id;
  }

  describe('the admin token', () => {
    it('is random per start, long, and exposed on the running emulator', async () => {
      const other = await startEmulator(options);
      try {
        expect(emulator.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
        expect(other.token).not.toBe(emulator.token);
      } finally {
        await other.close();
      }
    });

    it('GET /emulator/conversations needs it: no token or a wrong one gets 401 and no conversation data', async () => {
      await conversationWithMessage();
      const attempts: Record<string, string>[] = [
        {},
        { [TOKEN_HEADER]: 'wrong' },
        { [TOKEN_HEADER]: `${emulator.token}x` },
      ];
      for (const headers of attempts) {
        const r = await httpRequest(emulator.url, '/emulator/conversations', { headers });
        expect(r.status).toBe(401);
        expect(r.body).not.toContain('CRM-7');
        expect(r.body).not.toContain('account number');
      }
      const ok = await httpRequest(emulator.url, '/emulator/conversations', {
        headers: withToken(),
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain('CRM-7');
    });

    it('an agent reply without the token is refused and never reaches the guest', async () => {
      const id = await conversationWithMessage();
      const r = await httpRequest(
        emulator.url,
        `/emulator/conversations/${id}/reply`,
        json({ text: 'Please enter your password' }),
      );
      expect(r.status).toBe(401);
      expect(emulator.conversations()[0].messages.map((m) => m.direction)).toEqual(['Inbound']);
    });

    it('faults and reset without the token change nothing', async () => {
      await conversationWithMessage();
      expect(
        (await httpRequest(emulator.url, '/emulator/faults', json({ script404: true }))).status,
      ).toBe(401);
      expect((await httpRequest(emulator.url, '/emulator/reset', json({}))).status).toBe(401);
      expect((await httpRequest(emulator.url, '/genesys-bootstrap/genesys.min.js')).status).toBe(
        200,
      );
      expect(emulator.conversations()).toHaveLength(1);
    });

    it('state-changing routes refuse a simple cross-site request (text/plain, form) even with the token', async () => {
      await conversationWithMessage();
      const id = emulator.conversations()[0].id;
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        for (const path of [
          '/emulator/faults',
          '/emulator/reset',
          `/emulator/conversations/${id}/reply`,
        ]) {
          const r = await httpRequest(emulator.url, path, {
            method: 'POST',
            headers: withToken({ 'content-type': type }),
            body: JSON.stringify({ script404: true, text: 'phish' }),
          });
          expect(r.status).toBe(415);
        }
      }
      expect((await httpRequest(emulator.url, '/genesys-bootstrap/genesys.min.js')).status).toBe(
        200,
      );
      expect(emulator.conversations()[0].messages).toHaveLength(1);
    });

    it('with the token and application/json, the controls work', async () => {
      const id = await conversationWithMessage();
      const reply = await httpRequest(
        emulator.url,
        `/emulator/conversations/${id}/reply`,
        json({ text: 'Hi' }, withToken()),
      );
      expect(reply.status).toBe(200);
      const faults = await httpRequest(
        emulator.url,
        '/emulator/faults',
        json({ script404: true }, withToken({ 'content-type': 'application/json; charset=utf-8' })),
      );
      expect(faults.status).toBe(200);
      expect((await httpRequest(emulator.url, '/genesys-bootstrap/genesys.min.js')).status).toBe(
        404,
      );
      expect(
        (await httpRequest(emulator.url, '/emulator/reset', json({}, withToken()))).status,
      ).toBe(200);
      expect(emulator.conversations()).toEqual([]);
    });
  });

  describe('CORS', () => {
    it('is granted to a configured origin only, not to any localhost port', async () => {
      const demo = await httpRequest(emulator.url, '/oauth/token', {
        method: 'OPTIONS',
        headers: { origin: DEMO, 'access-control-request-method': 'POST' },
      });
      expect(demo.headers['access-control-allow-origin']).toBe(DEMO);
      for (const origin of [
        OTHER_LOCAL_PAGE,
        'http://127.0.0.1:1234',
        'https://evil.example.com',
        'null',
      ]) {
        for (const path of [
          '/oauth/token',
          '/api/v2/conversations/x',
          '/emulator/conversations',
          '/emulator/faults',
        ]) {
          const pre = await httpRequest(emulator.url, path, {
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': 'POST' },
          });
          expect(pre.headers['access-control-allow-origin']).toBeUndefined();
          const get = await httpRequest(emulator.url, path, { headers: { origin } });
          expect(get.headers['access-control-allow-origin']).toBeUndefined();
        }
      }
    });

    it('never lets even a configured origin read the agent page (it carries the token) or the admin routes', async () => {
      for (const path of ['/emulator/', '/emulator/conversations', '/emulator/agent.js']) {
        const r = await httpRequest(emulator.url, path, { headers: { origin: DEMO } });
        expect(r.headers['access-control-allow-origin']).toBeUndefined();
      }
      const pre = await httpRequest(emulator.url, '/emulator/reset', {
        method: 'OPTIONS',
        headers: {
          origin: DEMO,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-emulator-token',
        },
      });
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('a page origin added at run time (a test harness on a free port) is served', async () => {
      emulator.allowOrigin('http://127.0.0.1:5555');
      const r = await httpRequest(emulator.url, '/oauth/token', {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:5555' },
      });
      expect(r.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5555');
    });
  });

  describe('Host header (DNS rebinding)', () => {
    const port = () => new URL(emulator.url).port;

    it('refuses a host that is neither loopback nor configured, on every route and on the WebSocket', async () => {
      for (const path of [
        '/emulator/health',
        '/emulator/',
        `/webdeployments/v1/deployments/${ACTIVE}/config.json`,
        '/genesys-bootstrap/genesys.min.js',
      ]) {
        const r = await httpRequest(emulator.url, path, {
          headers: { host: `rebind.evil.test:${port()}` },
        });
        expect(r.status).toBe(403);
        expect(r.body).not.toContain('rebind.evil.test');
      }
      const ws = new WebSocket(`${emulator.url.replace('http', 'ws')}/v1?deploymentId=${ACTIVE}`, {
        origin: 'http://localhost:4200',
        headers: { host: `rebind.evil.test:${port()}` },
      });
      await expect(
        new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        }),
      ).rejects.toThrow(/403/);
    });

    it('accepts loopback names and configured hosts', async () => {
      for (const host of [
        `localhost:${port()}`,
        `127.0.0.1:${port()}`,
        `[::1]:${port()}`,
        `emulator.test:${port()}`,
      ]) {
        expect(
          (await httpRequest(emulator.url, '/emulator/health', { headers: { host } })).status,
        ).toBe(200);
      }
    });

    it('config.json never reflects the Host header into apiEndpoint', async () => {
      const r = await httpRequest(
        emulator.url,
        `/webdeployments/v1/deployments/${ACTIVE}/config.json`,
        {
          headers: { host: `emulator.test:${port()}`, origin: DEMO },
        },
      );
      const config = JSON.parse(r.body) as {
        apiEndpoint: string;
        messenger: { apps: { conversations: { messagingEndpoint: string } } };
      };
      expect(config.apiEndpoint).toBe(emulator.url);
      expect(config.messenger.apps.conversations.messagingEndpoint).toBe(
        emulator.url.replace('http', 'ws'),
      );
    });
  });

  describe('OAuth stand-in', () => {
    const basic = (pair: string) => ({
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(pair).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });

    it('compares the whole secret: a longer secret that starts with the right one is refused', async () => {
      for (const pair of [
        'cid:secret:extra',
        'cid:secretextra',
        'cid:secre',
        'cid:',
        'cid',
        ':secret',
      ]) {
        expect((await httpRequest(emulator.url, '/oauth/token', basic(pair))).status).toBe(401);
      }
      const form = await httpRequest(emulator.url, '/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=cid&client_secret=secret%00',
      });
      expect(form.status).toBe(401);
      expect((await httpRequest(emulator.url, '/oauth/token', basic('cid:secret'))).status).toBe(
        200,
      );
    });

    it('a reset revokes every token it issued', async () => {
      const id = await conversationWithMessage();
      const { access_token } = JSON.parse(
        (await httpRequest(emulator.url, '/oauth/token', basic('cid:secret'))).body,
      ) as { access_token: string };
      const read = () =>
        httpRequest(emulator.url, `/api/v2/conversations/${id}`, {
          headers: { authorization: `Bearer ${access_token}` },
        });
      expect((await read()).status).toBe(200);
      emulator.reset();
      expect((await read()).status).toBe(401);
    });
  });

  describe('agent page', () => {
    it('cannot be framed, and gets the token from the page itself', async () => {
      const r = await httpRequest(emulator.url, '/emulator/');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(r.body).toContain(emulator.token);
      expect(r.headers['cache-control']).toBe('no-store');
    });
  });

  describe('WebSocket bounds', () => {
    it('closes a socket that sends a frame over 64 KiB (1009), and answers one just under it', async () => {
      const guest = await GuestSocket.open(emulator.url, ACTIVE);
      await guest.ask({ action: 'echo', tracingId: 'small', pad: 'x'.repeat(60 * 1024) });
      guest.sendRaw(
        JSON.stringify({ action: 'echo', tracingId: 'big', pad: 'x'.repeat(64 * 1024) }),
      );
      expect(await guest.closed).toBe(1009);
    });

    it('bounds the sessions one socket may open', async () => {
      const guest = await GuestSocket.open(emulator.url, ACTIVE);
      try {
        for (let i = 0; i < 8; i++) {
          const f = await guest.ask({
            action: 'configureSession',
            token: crypto.randomUUID(),
            tracingId: `s${i}`,
          });
          expect(f.class).toBe('SessionResponse');
        }
        const ninth = await guest.ask({
          action: 'configureSession',
          token: crypto.randomUUID(),
          tracingId: 's8',
        });
        expect(ninth).toMatchObject({ class: 'string', code: 429 });
      } finally {
        guest.close();
      }
    });
  });
});
