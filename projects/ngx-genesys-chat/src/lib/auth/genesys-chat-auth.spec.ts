import { GenesysChatError } from '../errors/genesys-chat-error';
import type { GenesysAuthEvent } from './auth-types';
import {
  FIRST_CODE,
  SECRETS,
  flush,
  loadMessenger,
  setupAuth,
  useAuthGuards,
} from './testing/auth-setup';

/** The error of every `error` event, in order. */
const errors = (events: GenesysAuthEvent[]) =>
  events.flatMap((e) => (e.type === 'error' ? [e.error] : []));

/** What Genesys' reject callback got, or 'resolved'. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (reason: unknown) => reason,
  );
}

describe('GenesysChatAuth', () => {
  const guards = useAuthGuards();

  describe('getAuthCode', () => {
    it('resolves Messenger with the documented fields of the latest sign-in, nothing else, and reports authenticating', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      ctx.source.code = { ...FIRST_CODE, accessToken: 'not-for-genesys' } as never;
      const answer = ctx.fake.callProvider('getAuthCode', {});
      expect(ctx.auth.state()).toBe('authenticating');
      await expect(answer).resolves.toEqual(FIRST_CODE);
      expect(ctx.source.requests).toEqual([{ forceUpdate: false }]);

      ctx.source.code = { authCode: 'second-code', redirectUri: FIRST_CODE.redirectUri };
      await expect(ctx.fake.callProvider('getAuthCode', {})).resolves.toEqual(ctx.source.code);
    });

    it('hands an earlier, overlapping request the newest code, never an older one', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      let release!: () => void;
      ctx.source.gate = new Promise((resolve) => (release = resolve));
      const first = ctx.fake.callProvider('getAuthCode', {});
      await flush();
      ctx.source.code = { authCode: 'newer-code', redirectUri: FIRST_CODE.redirectUri };
      const second = ctx.fake.callProvider('getAuthCode', {});
      await flush();
      release();
      await expect(second).resolves.toEqual(ctx.source.code);
      await expect(first).resolves.toEqual(ctx.source.code);
    });

    it('passes forceUpdate on to the source', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      await ctx.fake.callProvider('getAuthCode', { forceUpdate: true });
      await ctx.fake.callProvider('getAuthCode', { forceUpdate: 'yes' });
      expect(ctx.source.requests).toEqual([{ forceUpdate: true }, { forceUpdate: false }]);
    });

    it('nobody signed in: rejects the Genesys command and emits AUTH_CODE_UNAVAILABLE, state failed', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      ctx.source.code = null;
      const reason = await rejection(ctx.fake.callProvider('getAuthCode', {}));
      expect(typeof reason).toBe('string');
      expect(reason).toContain('AUTH_CODE_UNAVAILABLE');
      expect(ctx.auth.state()).toBe('failed');
      expect(errors(ctx.events).map((e) => e.code)).toEqual(['AUTH_CODE_UNAVAILABLE']);
    });

    it('a refused sign-in: Genesys gets only our message, the source error stays in error.reason', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      const refusal = new Error(`access_denied for code ${SECRETS[0]}`);
      ctx.source.refusal = refusal;
      const reason = await rejection(ctx.fake.callProvider('getAuthCode', {}));
      expect(String(reason)).toContain('AUTH_CODE_UNAVAILABLE');
      expect(String(reason)).not.toContain(SECRETS[0]);
      const [error] = errors(ctx.events);
      expect(error).toBeInstanceOf(GenesysChatError);
      expect(error.reason).toBe(refusal);
      expect(error.message).not.toContain(SECRETS[0]);
    });

    it('a code without redirectUri is refused, naming the field and never a value', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      ctx.source.code = { authCode: SECRETS[0] } as never;
      const reason = String(await rejection(ctx.fake.callProvider('getAuthCode', {})));
      expect(reason).toContain('"redirectUri"');
      expect(reason).not.toContain(SECRETS[0]);
      expect(errors(ctx.events)[0].code).toBe('AUTH_CODE_UNAVAILABLE');
    });
  });

  describe('reAuthenticate (token or refresh expiry)', () => {
    it('runs the source sign-in, resolves, and the next getAuthCode gets the new code', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      ctx.fake.emitAuth('Auth.ready');
      ctx.fake.emitAuth('Auth.authenticated');
      expect(ctx.auth.state()).toBe('authenticated');
      // The JWT and refresh token expired: Messenger asks the page to sign in again.
      const reAuth = ctx.fake.callProvider('reAuthenticate');
      expect(ctx.auth.state()).toBe('authenticating');
      await expect(reAuth).resolves.toBeUndefined();
      expect(ctx.source.reAuthentications).toBe(1);
      await expect(ctx.fake.callProvider('getAuthCode', {})).resolves.toMatchObject({
        authCode: `${SECRETS[0]}-after-reauth`,
      });
      ctx.fake.emitAuth('Auth.authenticated');
      expect(ctx.auth.state()).toBe('authenticated');
    });

    it('a failed re-sign-in rejects the command with AUTH_FAILED and state failed', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      ctx.source.reAuthFailure = new Error('popup closed');
      const reason = String(await rejection(ctx.fake.callProvider('reAuthenticate')));
      expect(reason).toContain('AUTH_FAILED');
      expect(ctx.auth.state()).toBe('failed');
      expect(errors(ctx.events)[0]).toMatchObject({
        code: 'AUTH_FAILED',
        command: 'reAuthenticate()',
      });
    });
  });

  describe('Auth events', () => {
    it('Auth.ready with Messenger holding tokens means authenticated, without tokens signedOut', async () => {
      const ctx = setupAuth();
      expect(ctx.auth.state()).toBe('unknown');
      await loadMessenger(ctx);
      ctx.fake.authenticated = true;
      ctx.fake.emitAuth('Auth.ready');
      expect(ctx.auth.state()).toBe('authenticated');
      expect(ctx.events).toEqual([{ type: 'authenticated' }]);
    });

    it('Auth.ready without tokens is signedOut, with no event (nobody signed out)', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      ctx.fake.emitAuth('Auth.ready');
      expect(ctx.auth.state()).toBe('signedOut');
      expect(ctx.events).toEqual([]);
    });

    it('Messenger logging out by itself (the logout event, UNCONFIRMED name) emits signedOut once', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      ctx.fake.emitAuth('Auth.authenticated');
      ctx.fake.emitAuth('Auth.loggedOut');
      ctx.fake.emitAuth('Auth.loggedOut');
      expect(ctx.auth.state()).toBe('signedOut');
      expect(ctx.events).toEqual([{ type: 'authenticated' }, { type: 'signedOut' }]);
    });

    it.each(['Auth.error', 'Auth.authError'])(
      '%s emits AUTH_FAILED and sets state failed',
      async (event) => {
        const ctx = setupAuth();
        await loadMessenger(ctx);
        ctx.fake.emitAuth('Auth.authenticated');
        ctx.fake.emitAuth(event, { message: `invalid_grant ${SECRETS[0]}` });
        expect(ctx.auth.state()).toBe('failed');
        const [error] = errors(ctx.events);
        expect(error).toMatchObject({ code: 'AUTH_FAILED', command: event });
        expect(error.message).not.toContain(SECRETS[0]);
        expect(error.message).toContain('redirectUri');
      },
    );
  });

  describe('headless, configure only (UNCONFIRMED names)', () => {
    it('sets the settings before ready() and joins on demand through the plugin', async () => {
      const ctx = setupAuth({
        config: { mode: 'headless' },
        feature: { headless: { configureOnly: true } },
      });
      ctx.fake.headless = true;
      await loadMessenger(ctx);
      const provider = ctx.fake.authProvider;
      expect(provider.data.get('settings')).toEqual({ headless: { configureOnly: true } });
      expect(provider.calls.indexOf('data:settings')).toBeLessThan(provider.calls.indexOf('ready'));
      await ctx.auth.joinConversation();
      expect(ctx.fake.pluginCommands.map((c) => c.name)).toEqual([
        'MessagingService.joinConversation',
      ]);
    });

    it('without configureOnly nothing is set', async () => {
      const ctx = setupAuth();
      await loadMessenger(ctx);
      expect(ctx.fake.authProvider.data.has('settings')).toBe(false);
    });

    it('a rejected join is COMMAND_REJECTED', async () => {
      const ctx = setupAuth({ feature: { headless: { configureOnly: true } } });
      await loadMessenger(ctx);
      ctx.fake.rejectNextPluginCommand('MessagingService.joinConversation', 'no session');
      await expect(ctx.auth.joinConversation()).rejects.toMatchObject({ code: 'COMMAND_REJECTED' });
    });
  });

  it('writes nothing secret to the console in debug mode', async () => {
    const ctx = setupAuth({ config: { debug: true } });
    await loadMessenger(ctx);
    await ctx.fake.callProvider('getAuthCode', {});
    ctx.fake.emitAuth('Auth.error', { message: SECRETS[0] });
    for (const secret of SECRETS) expect(guards.console()).not.toContain(secret);
  });
});
