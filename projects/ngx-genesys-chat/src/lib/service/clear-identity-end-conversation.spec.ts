// Logout on a shared computer: clearIdentity({ endConversation: true }) (reference §4).
import { TestBed } from '@angular/core/testing';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { TEST_DEPLOYMENT_ID, setupService } from '../../test-helpers/setup-service';
import type { GenesysChatConfig } from '../config/genesys-chat-config';
import type { GenesysChatEvent } from './genesys-chat-types';

const deploymentId = TEST_DEPLOYMENT_ID;
const OPEN_KEY = `_${deploymentId}:gcmcopn`;
const ACTIVE_KEY = `_${deploymentId}:gcmcsessionActive`;
const CUSTOMER = { id: 'CRM-12345-XYZ', tier: 'premium' };

async function flush(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

function setup(extra: Partial<GenesysChatConfig> = {}) {
  const events: GenesysChatEvent[] = [];
  return { ...setupService(extra), events };
}

/** Customer A is chatting: Messenger loaded, attributes set, Messenger's host keys present. */
async function chatting(extra: Partial<GenesysChatConfig> = {}) {
  const ctx = setup(extra);
  const loaded = ctx.service.load();
  ctx.fake.bootstrap();
  ctx.fake.emitReady();
  await loaded;
  ctx.service.events$.subscribe((e) => ctx.events.push(e));
  await ctx.service.identify(CUSTOMER);
  await ctx.service.startChat(CUSTOMER);
  localStorage.setItem(OPEN_KEY, '{"value":"true"}');
  localStorage.setItem(ACTIVE_KEY, '{"value":"true"}');
  localStorage.setItem('app.theme', 'dark');
  return ctx;
}

const names = (fake: FakeGenesys) => fake.commands.map((c) => c.name);
const cleared = (events: GenesysChatEvent[]) => events.filter((e) => e.type === 'identityCleared');

describe('clearIdentity({ endConversation: true }): logout on a shared computer', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let logged: string[];
  beforeEach(() => {
    resetGenesysPage();
    localStorage.clear();
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
    logged = [];
    for (const level of ['log', 'debug', 'info', 'warn', 'error'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
  });
  afterEach(async () => {
    await flush();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    // Never an attribute value in a log line.
    expect(logged.join('\n')).not.toContain(CUSTOMER.id);
    jest.restoreAllMocks();
    jest.useRealTimers();
    TestBed.resetTestingModule();
    localStorage.clear();
  });

  it('ends the conversation on the server, then clears the attributes, then purges identifiers and removes the host keys', async () => {
    const { service, fake, events } = await chatting({ debug: true });
    const before = fake.commands.length;
    await service.clearIdentity({ endConversation: true });
    const after = names(fake).slice(before);
    expect(after).toEqual([
      'GenesysJS.configuration',
      'Database.remove',
      'MessagingService.clearConversation',
      'Identifiers.purgeAll',
    ]);
    expect(fake.conversationsCleared).toBe(1);
    expect(fake.identifiersPurged).toBe(1);
    expect(fake.attributes).toEqual({});
    expect(localStorage.getItem(OPEN_KEY)).toBeNull();
    expect(localStorage.getItem(ACTIVE_KEY)).toBeNull();
    expect(localStorage.getItem('app.theme')).toBe('dark'); // only Messenger's keys
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('ngx-genesys-chat.'))).toEqual(
      [],
    );
    expect(cleared(events)).toEqual([
      {
        type: 'identityCleared',
        conversation: 'cleared',
        identifiersPurged: true,
        removedKeys: [OPEN_KEY, ACTIVE_KEY],
      },
    ]);
  });

  it('waits for MessagingService.conversationCleared before it resolves', async () => {
    const { service, fake } = await chatting();
    fake.neverAnswer('MessagingService.clearConversation');
    let done = false;
    const out = service.clearIdentity({ endConversation: true }).then(() => (done = true));
    await flush();
    expect(names(fake)).toContain('MessagingService.clearConversation');
    expect(done).toBe(false);
    expect(fake.identifiersPurged).toBe(0); // the socket's session is ended first
    fake.publish('MessagingService.conversationCleared', {});
    await out;
    expect(fake.identifiersPurged).toBe(1);
  });

  it('a deployment without conversation clear: nothing is sent to clear, the rest runs, it resolves, and says why (naming the setting)', async () => {
    const { service, fake, events } = await chatting();
    fake.conversationClearEnabled = false;
    await service.clearIdentity({ endConversation: true });
    expect(names(fake)).not.toContain('MessagingService.clearConversation');
    expect(fake.attributes).toEqual({});
    expect(fake.identifiersPurged).toBe(1);
    expect(localStorage.getItem(ACTIVE_KEY)).toBeNull();
    expect(cleared(events)[0]).toMatchObject({ conversation: 'notAllowed' });
    expect(logged.join('\n')).toContain('conversationClear.enabled');
  });

  it('a configuration that does not say: tries, since Genesys refuses clear where it is not allowed', async () => {
    const { service, fake, events } = await chatting();
    fake.conversationClearEnabled = undefined;
    await service.clearIdentity({ endConversation: true });
    expect(fake.conversationsCleared).toBe(1);
    expect(cleared(events)[0]).toMatchObject({ conversation: 'cleared' });
  });

  it('Genesys refuses clearConversation: resolves (a logout is never blocked), reports failed, still wipes', async () => {
    const { service, fake, events } = await chatting();
    fake.rejectNext('MessagingService.clearConversation', `no session for ${CUSTOMER.id}`);
    await service.clearIdentity({ endConversation: true });
    expect(cleared(events)[0]).toMatchObject({ conversation: 'failed', identifiersPurged: true });
    expect(fake.attributes).toEqual({});
    expect(logged.join('\n')).toContain('refused MessagingService.clearConversation');
  });

  it('no confirmation: resolves after commandTimeoutMs, not before, and reports timedOut', async () => {
    const { service, fake, events } = await chatting({ commandTimeoutMs: 800 });
    fake.neverAnswer('MessagingService.clearConversation');
    jest.useFakeTimers();
    let done = false;
    const out = service.clearIdentity({ endConversation: true }).then(() => (done = true));
    await flush();
    jest.advanceTimersByTime(799);
    await flush();
    expect(done).toBe(false);
    jest.advanceTimersByTime(1);
    await flush();
    await out;
    expect(cleared(events)[0]).toMatchObject({ conversation: 'timedOut' });
  });

  it('a Messenger that never answers GenesysJS.configuration still gets the clear, after a quarter of commandTimeoutMs', async () => {
    const { service, fake, events } = await chatting({ commandTimeoutMs: 800 });
    fake.neverAnswer('GenesysJS.configuration');
    jest.useFakeTimers();
    const out = service.clearIdentity({ endConversation: true });
    await flush();
    expect(names(fake)).not.toContain('MessagingService.clearConversation');
    jest.advanceTimersByTime(200);
    await flush();
    expect(names(fake)).toContain('MessagingService.clearConversation');
    await flush();
    await out;
    expect(cleared(events)[0]).toMatchObject({ conversation: 'cleared' });
    jest.advanceTimersByTime(1000); // the unanswered read times out quietly
  });

  it('Messenger not loaded yet in this page (a conversation restored from an earlier load): loads it, then ends the conversation', async () => {
    const { service, fake, events } = setup();
    service.events$.subscribe((e) => events.push(e));
    await service.identify(CUSTOMER);
    localStorage.setItem(ACTIVE_KEY, '{"value":"true"}');
    const out = service.clearIdentity({ endConversation: true });
    await flush();
    expect(fake.script).not.toBeNull(); // the logout itself loads Messenger
    fake.bootstrap();
    fake.emitReady();
    await out;
    expect(names(fake)).toContain('MessagingService.clearConversation');
    expect(names(fake)).toContain('Identifiers.purgeAll');
    expect(fake.attributes).toEqual({});
    expect(localStorage.getItem(ACTIVE_KEY)).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(cleared(events)).toEqual([
      expect.objectContaining({ conversation: 'cleared', identifiersPurged: true, removedKeys: [ACTIVE_KEY] }),
    ]);
  });

  it('Messenger cannot load at logout (blocked): removes the host keys, reports notLoaded, never rejects', async () => {
    const { service, fake, events } = setup();
    service.events$.subscribe((e) => events.push(e));
    await service.identify(CUSTOMER);
    localStorage.setItem(ACTIVE_KEY, '{"value":"true"}');
    const out = service.clearIdentity({ endConversation: true });
    await flush();
    fake.failScript();
    await out;
    expect(fake.commands).toEqual([]);
    expect(localStorage.getItem(ACTIVE_KEY)).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(cleared(events)).toEqual([
      {
        type: 'identityCleared',
        conversation: 'notLoaded',
        identifiersPurged: false,
        removedKeys: [ACTIVE_KEY],
      },
    ]);
  });

  it('a start still waiting when logout begins is SUPERSEDED and never opens for the old customer', async () => {
    const ctx = setup();
    ctx.service.load().catch(() => undefined);
    const start = ctx.service.startChat(CUSTOMER);
    const startOutcome = start.catch((e: { code?: string }) => e.code);
    const out = ctx.service.clearIdentity({ endConversation: true });
    ctx.fake.bootstrap();
    ctx.fake.emitReady();
    await out;
    expect(await startOutcome).toBe('SUPERSEDED');
    expect(names(ctx.fake)).not.toContain('Messenger.open');
    expect(ctx.fake.attributes).toEqual({});
  });

  it('plain clearIdentity() is unchanged: the attributes go, the conversation and Messenger keys stay', async () => {
    const { service, fake, events } = await chatting();
    await service.clearIdentity();
    expect(fake.attributes).toEqual({});
    expect(names(fake)).not.toContain('MessagingService.clearConversation');
    expect(names(fake)).not.toContain('Identifiers.purgeAll');
    expect(localStorage.getItem(ACTIVE_KEY)).not.toBeNull();
    expect(cleared(events)).toEqual([]);
  });
});
