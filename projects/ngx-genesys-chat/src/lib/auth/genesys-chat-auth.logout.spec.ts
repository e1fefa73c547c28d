import {
  DEPLOYMENT_ID,
  FIRST_CODE,
  SECRETS,
  flush,
  loadMessenger,
  setupAuth,
  useAuthGuards,
} from './testing/auth-setup';

/** What Genesys' reject callback got, or 'resolved'. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (reason: unknown) => reason,
  );
}

describe('GenesysChatAuth.logout', () => {
  useAuthGuards();

  async function chatting() {
    const ctx = setupAuth();
    await loadMessenger(ctx);
    ctx.fake.authenticated = true;
    ctx.fake.emitAuth('Auth.ready');
    await ctx.service.startChat({ id: 'CRM-12345-XYZ', tier: 'premium' });
    expect(ctx.fake.attributes).toMatchObject({ crmCustomerId: 'CRM-12345-XYZ' });
    return ctx;
  }

  it('in the middle of a chat: clears the identity first, then Auth.logout, then the IdP sign-out; nothing of the customer remains', async () => {
    const ctx = await chatting();
    ctx.source.timeline = ctx.fake.timeline;
    await ctx.auth.logout();
    expect(ctx.fake.attributes).toEqual({});
    expect(ctx.fake.authenticated).toBe(false);
    const timeline = ctx.fake.timeline;
    const removeAt = timeline.lastIndexOf('Database.remove');
    expect(removeAt).toBeGreaterThan(-1);
    expect(timeline.indexOf('Auth.logout')).toBeGreaterThan(removeAt);
    expect(timeline[timeline.length - 1]).toBe('signOut()');
    expect(ctx.fake.pluginCommands.map((c) => c.name)).toEqual(['Auth.logout']);
    expect(ctx.source.signOuts).toBe(1);
    expect(ctx.auth.state()).toBe('signedOut');
    await flush(); // the logout event follows; it must not signal twice
    expect(ctx.events.filter((e) => e.type === 'signedOut')).toHaveLength(1);
    // The next page load would not bring the customer back either.
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('ngx-genesys-chat.'))).toEqual(
      [],
    );
  });

  it('a shared computer: ends the conversation on the server while the socket is up, before Auth.logout, and wipes what the page can', async () => {
    const ctx = await chatting();
    const activeKey = `_${DEPLOYMENT_ID}:gcmcsessionActive`;
    localStorage.setItem(activeKey, '{"value":"true"}');
    ctx.source.timeline = ctx.fake.timeline;
    await ctx.auth.logout();
    const t = ctx.fake.timeline;
    const clearAt = t.indexOf('MessagingService.clearConversation');
    expect(clearAt).toBeGreaterThan(-1);
    expect(t.indexOf('Auth.logout')).toBeGreaterThan(clearAt);
    expect(t.indexOf('Auth.logout')).toBeGreaterThan(t.indexOf('Identifiers.purgeAll'));
    expect(ctx.fake.conversationsCleared).toBe(1);
    expect(localStorage.getItem(activeKey)).toBeNull();
    expect(t[t.length - 1]).toBe('signOut()');
  });

  it('{ endConversation: false } clears the identity but keeps the conversation', async () => {
    const ctx = await chatting();
    await ctx.auth.logout({ endConversation: false });
    expect(ctx.fake.attributes).toEqual({});
    expect(ctx.fake.timeline).not.toContain('MessagingService.clearConversation');
    expect(ctx.fake.timeline).not.toContain('Identifiers.purgeAll');
  });

  it('refuses getAuthCode while it runs, so a live IdP session cannot sign the same customer back in', async () => {
    const ctx = await chatting();
    ctx.fake.neverAnswerPluginCommand('Auth.logout');
    jest.useFakeTimers();
    const out = ctx.auth.logout();
    await flush();
    const reason = String(await rejection(ctx.fake.callProvider('getAuthCode', {})));
    expect(reason).toContain('logout() is in progress');
    expect(ctx.source.requests).toEqual([]);
    jest.advanceTimersByTime(10_000);
    await expect(out).rejects.toMatchObject({ code: 'COMMAND_TIMEOUT', command: 'Auth.logout' });
    // Afterwards the source answers again (a new customer signing in).
    jest.useRealTimers();
    await expect(ctx.fake.callProvider('getAuthCode', {})).resolves.toEqual(FIRST_CODE);
  });

  it('times out after commandTimeoutMs with COMMAND_TIMEOUT, still cleared the identity and signed out at the IdP', async () => {
    const ctx = setupAuth({ config: { commandTimeoutMs: 500 } });
    await loadMessenger(ctx);
    ctx.fake.emitAuth('Auth.ready');
    await ctx.service.identify('CRM-1');
    ctx.fake.neverAnswerPluginCommand('Auth.logout');
    jest.useFakeTimers();
    const out = ctx.auth.logout();
    const settled = rejection(out);
    // The conversation is ended first (microtasks only in the fake); the deadline runs from Auth.logout.
    for (let i = 0; i < 10 && !ctx.fake.pluginCommands.length; i++) await flush();
    expect(ctx.fake.pluginCommands.map((c) => c.name)).toEqual(['Auth.logout']);
    jest.advanceTimersByTime(499);
    await flush();
    expect(await Promise.race([settled, Promise.resolve('pending')])).toBe('pending');
    jest.advanceTimersByTime(1);
    expect(await settled).toMatchObject({ code: 'COMMAND_TIMEOUT' });
    expect(ctx.fake.attributes).toEqual({});
    expect(ctx.source.signOuts).toBe(1);
    expect(ctx.auth.state()).toBe('failed');
  });

  it('a rejected Auth.logout rejects with AUTH_FAILED, Genesys reason kept out of the message', async () => {
    const ctx = await chatting();
    ctx.fake.rejectNextPluginCommand('Auth.logout', `revoke failed for ${SECRETS[0]}`);
    const error = await rejection(ctx.auth.logout());
    expect(error).toMatchObject({ code: 'AUTH_FAILED', command: 'Auth.logout' });
    expect((error as Error).message).not.toContain(SECRETS[0]);
    expect(ctx.fake.attributes).toEqual({});
    expect(ctx.auth.state()).toBe('failed');
  });

  it('loads Messenger when it was not loaded (its tokens outlive the page), then logs out', async () => {
    const ctx = setupAuth();
    await ctx.service.identify('CRM-1');
    expect(ctx.fake.script).toBeNull();
    const out = ctx.auth.logout();
    await flush();
    expect(ctx.fake.script).not.toBeNull();
    ctx.fake.bootstrap();
    ctx.fake.emitReady();
    ctx.fake.emitAuth('Auth.ready');
    await out;
    expect(ctx.fake.pluginCommands.map((c) => c.name)).toEqual(['Auth.logout']);
    expect(ctx.auth.state()).toBe('signedOut');
  });

  it('{ clearIdentity: false } leaves the identity to the app', async () => {
    const ctx = await chatting();
    await ctx.auth.logout({ clearIdentity: false });
    expect(ctx.fake.attributes).toMatchObject({ crmCustomerId: 'CRM-12345-XYZ' });
    expect(ctx.fake.pluginCommands.map((c) => c.name)).toEqual(['Auth.logout']);
  });

  it('rejects with NOT_BROWSER on the server', async () => {
    const ctx = setupAuth({ server: true });
    await expect(ctx.auth.logout()).rejects.toMatchObject({ code: 'NOT_BROWSER' });
  });
});
