import { createAuthMessenger } from './auth-messenger';
import { type PluginCommandEvent, type StandInPlugin, createPluginHost } from './auth-plugin-host';
import { installMemoryStorage } from '../testing/memory-storage';

const DEPLOYMENT = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';
const JWT = 'jwt-secret-1';
const REFRESH = 'refresh-secret-1';

type Reply = { status: number; body?: unknown };

/** The emulator's token endpoints, answered from a script; every request is recorded. */
function fakeTokenApi(replies: Record<string, Reply[]>) {
  const requests: Array<{ method: string; name: string; body: unknown; auth?: string }> = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const name = String(input).split('/token/')[1];
    const headers = (init?.headers ?? {}) as Record<string, string>;
    requests.push({
      method: init?.method ?? 'GET',
      name,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      auth: headers['Authorization'],
    });
    const reply = replies[name]?.shift() ?? { status: 500 };
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
    });
  });
  return requests;
}

interface Page {
  getAuthCode?: (e: PluginCommandEvent) => void;
  reAuthenticate?: (e: PluginCommandEvent) => void;
}

/** The stand-in's Auth plugin with a page that registered AuthProvider (and called ready()). */
function setup(page: Page = {}) {
  const published: Array<[string, unknown]> = [];
  const plugins = createPluginHost({
    run: (_name, _payload, _resolve, reject) => reject('not used'),
    subscribe: () => undefined,
    publish: (event, data) => void published.push([event, data]),
  });
  const forgetVisitor = jest.fn();
  const auth = createAuthMessenger({
    base: 'http://127.0.0.1:8787',
    deploymentId: DEPLOYMENT,
    plugins,
    publish: (event, data) => void published.push([event, data]),
    forgetVisitor,
  });
  plugins.register('AuthProvider', (p: StandInPlugin) => {
    p.registerCommand(
      'getAuthCode',
      page.getAuthCode ??
        ((e) => e.resolve({ authCode: 'code-1', redirectUri: 'http://app/', codeVerifier: 'v' })),
    );
    p.registerCommand('reAuthenticate', page.reAuthenticate ?? ((e) => e.resolve()));
    p.ready();
  });
  const events = () => published.map(([event]) => event);
  const messages = () =>
    published.map(([, data]) => (data as { message?: string } | undefined)?.message ?? '');
  return { auth, plugins, published, events, messages, forgetVisitor };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the stand-in Auth plugin', () => {
  let storage: Map<string, string>;
  beforeEach(() => (storage = installMemoryStorage()));
  afterEach(() => jest.restoreAllMocks());

  it('signs in once AuthProvider is ready: getAuthCode, the exchange, tokens stored, Auth.authenticated', async () => {
    const requests = fakeTokenApi({
      oauthcodegrantjwtexchange: [{ status: 200, body: { jwt: JWT, refreshToken: REFRESH } }],
    });
    const { auth, events } = setup();
    auth.configure({ auth: { enabled: true } });
    await settle();
    expect(events()).toEqual(['Auth.ready', 'Auth.authenticated']);
    expect(requests).toEqual([
      {
        method: 'POST',
        name: 'oauthcodegrantjwtexchange',
        body: {
          deploymentId: DEPLOYMENT,
          oauth: { code: 'code-1', redirectUri: 'http://app/', codeVerifier: 'v' },
        },
        auth: undefined,
      },
    ]);
    await expect(auth.jwt()).resolves.toBe(JWT);
    expect([...storage.values()]).toEqual([JSON.stringify({ jwt: JWT, refreshToken: REFRESH })]);
  });

  it('stays anonymous with auth off: no sign-in, no JWT', async () => {
    const requests = fakeTokenApi({});
    const { auth, events } = setup();
    auth.configure({});
    await settle();
    await expect(auth.jwt()).resolves.toBeUndefined();
    expect(events()).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('refuses a code without redirectUri with Auth.error, and exchanges nothing', async () => {
    const requests = fakeTokenApi({});
    const { auth, events, messages } = setup({
      getAuthCode: (e) => e.resolve({ authCode: 'code-1' }),
    });
    auth.configure({ auth: { enabled: true } });
    await settle();
    expect(events()).toEqual(['Auth.ready', 'Auth.error']);
    expect(messages()[1]).toContain('without authCode and redirectUri');
    expect(requests).toEqual([]);
  });

  it('reports a refused exchange with its status and never a token or code in the message', async () => {
    fakeTokenApi({ oauthcodegrantjwtexchange: [{ status: 400, body: { message: 'bad code' } }] });
    const { auth, events, messages } = setup();
    auth.configure({ auth: { enabled: true } });
    await settle();
    expect(events()).toEqual(['Auth.ready', 'Auth.error']);
    expect(messages()[1]).toBe('The authorization code exchange was refused (400): bad code');
    expect(messages().join(' ')).not.toMatch(/code-1|secret/);
    expect(storage.size).toBe(0);
  });

  it('renews a refused JWT by refresh, keeping the refresh token', async () => {
    storage.set(
      `genesys-emulator:auth:${DEPLOYMENT}`,
      JSON.stringify({ jwt: JWT, refreshToken: REFRESH }),
    );
    const requests = fakeTokenApi({ refresh: [{ status: 200, body: { jwt: 'jwt-2' } }] });
    const { auth } = setup();
    await expect(auth.renew()).resolves.toBe('jwt-2');
    expect(requests.map((r) => [r.name, r.body])).toEqual([
      ['refresh', { refreshToken: REFRESH, deploymentId: DEPLOYMENT }],
    ]);
    expect(JSON.parse(storage.get(`genesys-emulator:auth:${DEPLOYMENT}`) ?? '')).toEqual({
      jwt: 'jwt-2',
      refreshToken: REFRESH,
    });
  });

  it('after a refused refresh, runs reAuthenticate and signs in again', async () => {
    storage.set(
      `genesys-emulator:auth:${DEPLOYMENT}`,
      JSON.stringify({ jwt: JWT, refreshToken: REFRESH }),
    );
    fakeTokenApi({
      refresh: [{ status: 401 }],
      oauthcodegrantjwtexchange: [{ status: 200, body: { jwt: 'jwt-3', refreshToken: 'r-3' } }],
    });
    const reAuthenticate = jest.fn((e: PluginCommandEvent) => e.resolve());
    const { auth } = setup({ reAuthenticate });
    await expect(auth.renew()).resolves.toBe('jwt-3');
    expect(reAuthenticate).toHaveBeenCalledTimes(1);
  });

  it('rejects renew with Auth.authError when the page refuses reAuthenticate', async () => {
    fakeTokenApi({});
    const { auth, events } = setup({ reAuthenticate: (e) => e.reject('no') });
    await expect(auth.renew()).rejects.toBe('reAuthenticate rejected');
    expect(events()).toEqual(['Auth.authError']);
  });

  it('logs out: revokes with the JWT (refreshing once on 401), removes the tokens, forgets the visitor', async () => {
    storage.set(
      `genesys-emulator:auth:${DEPLOYMENT}`,
      JSON.stringify({ jwt: JWT, refreshToken: REFRESH }),
    );
    const requests = fakeTokenApi({
      revoke: [{ status: 401 }, { status: 204 }],
      refresh: [{ status: 200, body: { jwt: 'jwt-2' } }],
    });
    const { auth, events, forgetVisitor, plugins } = setup();
    plugins.setData('Auth.authenticated', true);
    await expect(auth.commands['Auth.logout']()).resolves.toEqual({});
    expect(requests.map((r) => [r.method, r.name, r.auth])).toEqual([
      ['DELETE', 'revoke', `bearer ${JWT}`],
      ['POST', 'refresh', undefined],
      ['DELETE', 'revoke', 'bearer jwt-2'],
    ]);
    expect(storage.size).toBe(0);
    expect(forgetVisitor).toHaveBeenCalledTimes(1);
    expect(events()).toEqual(['Auth.loggedOut']);
  });

  it('forgets tokens the server logged out elsewhere, once, and ignores it without tokens', () => {
    storage.set(
      `genesys-emulator:auth:${DEPLOYMENT}`,
      JSON.stringify({ jwt: JWT, refreshToken: REFRESH }),
    );
    const { auth, events, forgetVisitor } = setup();
    auth.serverLoggedOut();
    auth.serverLoggedOut();
    expect(storage.size).toBe(0);
    expect(forgetVisitor).toHaveBeenCalledTimes(1);
    expect(events()).toEqual(['Auth.loggedOut']);
  });
});
