import { NgZone, PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { resetGenesysPage } from '../../test-helpers/fake-genesys';
import { setupService } from '../../test-helpers/setup-service';
import type { GenesysChatConfig } from '../config/genesys-chat-config';
import { provideGenesysChat } from '../config/provide-genesys-chat';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import type { GenesysWindow } from '../messenger/genesys-global';
import { GenesysChatService } from './genesys-chat.service';
import type { GenesysChatEvent, GenesysChatStatus } from './genesys-chat-types';

const win = window as GenesysWindow;
const premium = { id: 'CRM-12345-XYZ', tier: 'premium' };

type Extra = Partial<Omit<GenesysChatConfig, 'deploymentId' | 'region' | 'environment'>>;

function setup(extra: Extra = {}, providers: Parameters<typeof setupService>[1] = []) {
  return setupService(extra, providers);
}

/** Lets queued promise callbacks run (the start sequence hops through a few). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Microtasks only, so it also works under fake timers: the engine chunk arrives through a dynamic import. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

async function readyService(extra: Extra = {}) {
  const ctx = setup(extra);
  const loaded = ctx.service.load();
  ctx.fake.headless = extra.mode === 'headless';
  ctx.fake.bootstrap();
  ctx.fake.emitReady();
  await loaded;
  return ctx;
}

function statuses(service: GenesysChatService): GenesysChatStatus[] {
  const seen: GenesysChatStatus[] = [];
  service.status$.subscribe((s) => seen.push(s));
  return seen;
}

describe('GenesysChatService', () => {
  beforeEach(() => resetGenesysPage());
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  describe('ready$', () => {
    it('starts the load on subscription, queues its subscriptions before the script, then emits once and completes', async () => {
      const { service, fake } = setup();
      expect(fake.script).toBeNull();
      const next = jest.fn();
      const complete = jest.fn();
      service.ready$.subscribe({ next, complete });
      await flush();
      expect(fake.script?.src).toBe('https://apps.mypurecloud.ie/genesys-bootstrap/genesys.min.js');
      expect(service.status()).toBe('loading');
      const queued = win.Genesys!.q!.map((args) => Array.from(args).slice(0, 2).join(' '));
      expect(queued).toEqual(
        expect.arrayContaining(['subscribe Database.ready', 'subscribe Messenger.ready']),
      );

      fake.bootstrap();
      fake.publish('Database.ready', {});
      await settle();
      expect(next).not.toHaveBeenCalled(); // Messenger is not ready yet
      fake.publish('Messenger.ready', {});
      await settle();
      expect(next).toHaveBeenCalledTimes(1);
      expect(complete).toHaveBeenCalledTimes(1);
      expect(service.status()).toBe('ready');
    });

    it('waits for MessagingService.ready instead of Messenger.ready in headless mode', async () => {
      const { service, fake } = setup({ mode: 'headless' });
      const next = jest.fn();
      service.ready$.subscribe({ next });
      fake.bootstrap();
      fake.publish('Database.ready', {});
      fake.publish('Messenger.ready', {});
      await settle();
      expect(next).not.toHaveBeenCalled();
      fake.publish('MessagingService.ready', {});
      await settle();
      expect(next).toHaveBeenCalledTimes(1);
    });

    it('gives late subscribers the same outcome without loading again', async () => {
      const { service, fake } = await readyService();
      const scriptsBefore = document.head.querySelectorAll('script').length;
      await expect(
        new Promise((resolve) => service.ready$.subscribe({ complete: () => resolve('done') })),
      ).resolves.toBe('done');
      expect(document.head.querySelectorAll('script')).toHaveLength(scriptsBefore);
      expect(fake.subscriptionCount('Database.ready')).toBe(1);
    });

    it('errors with READY_TIMEOUT after readyTimeoutMs, naming what it waited for, and a retry can still succeed', async () => {
      jest.useFakeTimers();
      const { service, fake } = setup({ readyTimeoutMs: 3000 });
      const seen = statuses(service);
      const error = jest.fn();
      service.ready$.subscribe({ error });
      await flush();
      fake.bootstrap();
      fake.publish('Database.ready', {});
      await jest.advanceTimersByTimeAsync(2999);
      expect(error).not.toHaveBeenCalled();
      await jest.advanceTimersByTimeAsync(1);
      const failure: GenesysChatError = error.mock.calls[0][0];
      expect(failure.code).toBe('READY_TIMEOUT');
      expect(failure.message).toContain('3000 ms');
      expect(failure.message).toContain('Messenger.ready');
      expect(failure.message).not.toContain('Database.ready,');
      expect(failure.message).toMatch(/ad blocker/);
      expect(failure.message).toMatch(/allowed\s+domains/);
      expect(failure.message).toMatch(/inactive deployment/);
      expect(seen).toEqual(['idle', 'loading', 'failed']);

      const lateError = jest.fn();
      service.ready$.subscribe({ error: lateError });
      await flush();
      expect(lateError.mock.calls[0][0]).toBe(failure);

      const retried = service.load();
      fake.publish('Messenger.ready', {});
      await expect(retried).resolves.toBeUndefined();
      expect(service.status()).toBe('ready');
    });

    it('after a READY_TIMEOUT caused by a script that never finished, load() retries with a fresh script', async () => {
      jest.useFakeTimers();
      const { service, fake } = setup({ readyTimeoutMs: 1000 });
      const first = service.load().catch((e: GenesysChatError) => e.code);
      await flush();
      const hung = fake.script;
      await jest.advanceTimersByTimeAsync(1000);
      await expect(first).resolves.toBe('READY_TIMEOUT');
      const retried = service.load();
      await flush();
      expect(fake.script).not.toBe(hung);
      fake.bootstrap();
      fake.emitReady();
      await expect(retried).resolves.toBeUndefined();
      expect(service.status()).toBe('ready');
    });

    it('errors with SCRIPT_LOAD_FAILED at once when the script fails, and load() retries with a new script', async () => {
      const { service, fake } = setup();
      const error = jest.fn();
      service.ready$.subscribe({ error });
      await flush();
      fake.failScript();
      await settle();
      expect(error.mock.calls[0][0].code).toBe('SCRIPT_LOAD_FAILED');
      expect(service.status()).toBe('failed');

      const retried = service.load();
      await flush();
      expect(document.head.querySelectorAll('script')).toHaveLength(1);
      fake.bootstrap();
      fake.emitReady();
      await expect(retried).resolves.toBeUndefined();
    });

    it('errors with INVALID_CONFIG, loading nothing, when the config is wrong', async () => {
      TestBed.configureTestingModule({
        providers: [
          provideGenesysChat({ deploymentId: 'nope', region: 'eu-west-1' } as GenesysChatConfig),
        ],
      });
      const service = TestBed.inject(GenesysChatService);
      const error: GenesysChatError = await service.load().catch((e) => e);
      expect(error.code).toBe('INVALID_CONFIG');
      expect(document.head.querySelector('script')).toBeNull();
      const chat: GenesysChatError = await service.startChat(premium).catch((e) => e);
      expect(chat.code).toBe('INVALID_CONFIG');
    });
  });

  describe('on the server', () => {
    it('errors NOT_BROWSER at once and touches neither window nor document', async () => {
      const { service } = setup({ load: 'eager' }, [{ provide: PLATFORM_ID, useValue: 'server' }]);
      const error = jest.fn();
      service.ready$.subscribe({ error });
      expect(error.mock.calls[0][0].code).toBe('NOT_BROWSER');
      await expect(service.startChat(premium)).rejects.toMatchObject({ code: 'NOT_BROWSER' });
      expect(win.Genesys).toBeUndefined();
      expect(win._genesysJs).toBeUndefined();
      expect(document.head.querySelector('script')).toBeNull();
    });
  });

  describe('startChat', () => {
    it('loads, waits for ready, sets the CRM attributes, waits for their confirmation, then opens Messenger', async () => {
      const { service, fake } = setup();
      const seen = statuses(service);
      const started = service.startChat(premium, { attributes: { source: 'web-portal' } });
      await settle();
      expect(fake.script).not.toBeNull();
      fake.bootstrap();
      await settle();
      expect(fake.commands).toEqual([]); // nothing before Messenger is ready
      fake.emitReady();
      const result = await started;

      // The map is cleared first, so the attributes are exactly the customer's.
      expect(fake.commands).toEqual([
        { name: 'Database.remove', payload: { name: 'messaging.customAttributes' } },
        {
          name: 'Database.set',
          payload: {
            messaging: {
              customAttributes: {
                crmCustomerId: 'CRM-12345-XYZ',
                customerTier: 'premium',
                source: 'web-portal',
              },
            },
          },
        },
        { name: 'Messenger.open', payload: {} },
      ]);
      expect(result).toEqual({
        attributes: {
          crmCustomerId: 'CRM-12345-XYZ',
          customerTier: 'premium',
          source: 'web-portal',
        },
        mode: 'messenger',
      });
      expect(seen).toEqual(['idle', 'loading', 'ready', 'starting', 'open']);
    });

    it('never opens Messenger before Genesys confirmed the attributes', async () => {
      jest.useFakeTimers();
      const { service, fake } = await readyService({ commandTimeoutMs: 2000 });
      fake.neverAnswer('Database.set');
      const outcome = service.startChat(premium).catch((e: GenesysChatError) => e);
      await jest.advanceTimersByTimeAsync(1999);
      expect(fake.commands.map((c) => c.name)).toEqual(['Database.remove', 'Database.set']);
      await jest.advanceTimersByTimeAsync(1);
      const error = await outcome;
      expect((error as GenesysChatError).code).toBe('COMMAND_TIMEOUT');
      expect((error as GenesysChatError).command).toBe('Database.set');
      expect(fake.commands.map((c) => c.name)).toEqual(['Database.remove', 'Database.set']);
      expect(service.status()).toBe('ready');
    });

    it('shows starting while the attributes are being set, and ready again when that fails', async () => {
      jest.useFakeTimers();
      const { service, fake } = await readyService({ commandTimeoutMs: 2000 });
      fake.neverAnswer('Database.set');
      const outcome = service.startChat(premium).catch((e: GenesysChatError) => e.code);
      await jest.advanceTimersByTimeAsync(10);
      expect(fake.commands.map((c) => c.name)).toEqual(['Database.remove', 'Database.set']);
      expect(service.status()).toBe('starting');
      await jest.advanceTimersByTimeAsync(2000);
      await expect(outcome).resolves.toBe('COMMAND_TIMEOUT');
      expect(service.status()).toBe('ready');
    });

    it('a superseded start leaves the status to the start that replaced it', async () => {
      const { service } = await readyService();
      const seen = statuses(service);
      const first = service.startChat('A-1').catch((e: GenesysChatError) => e.code);
      await service.startChat('B-2');
      await expect(first).resolves.toBe('SUPERSEDED');
      expect(seen).toEqual(['ready', 'starting', 'open']);
    });

    it('reports a rejected Database.set as COMMAND_REJECTED and does not open', async () => {
      const { service, fake } = await readyService();
      fake.rejectNext('Database.set', 'nope');
      const error: GenesysChatError = await service.startChat(premium).catch((e) => e);
      expect(error.code).toBe('COMMAND_REJECTED');
      expect(error.command).toBe('Database.set');
      expect(fake.commands.map((c) => c.name)).toEqual(['Database.remove', 'Database.set']);
      expect(service.status()).toBe('ready');
    });

    it("reports a rejected Messenger.open as COMMAND_REJECTED with Genesys' reason", async () => {
      const { service, fake } = await readyService();
      fake.rejectNext('Messenger.open', 'Messenger user interface must be enabled');
      const error: GenesysChatError = await service.startChat(premium).catch((e) => e);
      expect(error.code).toBe('COMMAND_REJECTED');
      expect(error.message).toContain('Messenger user interface must be enabled');
    });

    it('shares one sequence between concurrent calls for the same customer, so a double click starts one chat', async () => {
      const { service, fake } = await readyService();
      const first = service.startChat(premium);
      const second = service.startChat({ tier: 'premium', id: 'CRM-12345-XYZ' });
      const [a, b] = await Promise.all([first, second]);
      expect(b).toBe(a); // one shared sequence, one result
      expect(fake.commands.map((c) => c.name)).toEqual([
        'Database.remove',
        'Database.set',
        'Messenger.open',
      ]);
    });

    it('a start for another customer supersedes one not yet opened: SUPERSEDED, and only the latest customer is written and opened', async () => {
      const { service, fake } = await readyService();
      const a = service.startChat({ id: 'A-1', tier: 'premium' });
      const b = service.startChat('B-2');
      await expect(a).rejects.toMatchObject({ code: 'SUPERSEDED' });
      await expect(b).resolves.toMatchObject({ attributes: { crmCustomerId: 'B-2' } });
      expect(fake.commands.map((c) => c.name)).toEqual([
        'Database.remove',
        'Database.set',
        'Messenger.open',
      ]);
      expect(fake.attributes).toEqual({ crmCustomerId: 'B-2' });
    });

    it('runs a start for another customer after one that has opened, and never mixes their attributes', async () => {
      const { service, fake } = await readyService();
      await service.startChat({ id: 'A-1', tier: 'premium' });
      await service.startChat('B-2');
      expect(fake.commands.map((c) => c.name)).toEqual([
        'Database.remove',
        'Database.set',
        'Messenger.open',
        'Database.remove',
        'Database.set',
        'Messenger.open',
      ]);
      expect(fake.attributes).toEqual({ crmCustomerId: 'B-2' });
    });

    it('removes a leftover key even when it is named like an Object.prototype member (found by fuzzing)', async () => {
      const { service, fake } = await readyService();
      await service.startChat({ id: 'A-1', attributes: { toString: 'x' } });
      await service.startChat('B-2');
      expect(fake.attributes).toEqual({ crmCustomerId: 'B-2' });
    });

    it('sends nothing and loads nothing for invalid input', async () => {
      const { service, fake } = setup();
      const cases: [unknown, string][] = [
        ['', 'INVALID_CUSTOMER_ID'],
        [{ id: 'C1', attributes: { notes: 'mail jane.doe@example.com' } }, 'PII_REJECTED'],
        [{ id: 'C1', attributes: { blob: 'x'.repeat(3000) } }, 'ATTRIBUTES_TOO_LARGE'],
        [{ id: 'C1', attributes: { 'bad key': 'x' } }, 'INVALID_ATTRIBUTES'],
      ];
      for (const [customer, code] of cases) {
        const error: GenesysChatError = await service.startChat(customer as string).catch((e) => e);
        expect(error.code).toBe(code);
        expect(error.message).not.toContain('jane');
      }
      const blank: GenesysChatError = await service
        .startChat('C1', { message: '   ' })
        .catch((e) => e);
      expect(blank.code).toBe('INVALID_ATTRIBUTES');
      expect(fake.script).toBeNull();
      expect(win.Genesys).toBeUndefined();
      expect(service.status()).toBe('idle');
    });

    it('retries a failed load when a chat is started again', async () => {
      const { service, fake } = setup();
      const first = service.startChat(premium).catch((e: GenesysChatError) => e.code);
      await settle();
      fake.failScript();
      await expect(first).resolves.toBe('SCRIPT_LOAD_FAILED');
      const second = service.startChat(premium);
      await settle();
      fake.bootstrap();
      fake.emitReady();
      await expect(second).resolves.toMatchObject({ mode: 'messenger' });
    });

    it('headless: starts the conversation and sends the first message after the attributes', async () => {
      const { service, fake } = await readyService({ mode: 'headless' });
      const result = await service.startChat(premium, { message: 'hello' });
      expect(result.mode).toBe('headless');
      expect(fake.commands.map((c) => c.name)).toEqual([
        'Database.remove',
        'Database.set',
        'MessagingService.startConversation',
        'MessagingService.sendMessage',
      ]);
      expect(fake.commands[3].payload).toEqual({ message: 'hello' });
      expect(service.status()).toBe('open');
    });

    it('headless: a conversation that is already active counts as started', async () => {
      const { service, fake } = await readyService({ mode: 'headless' });
      fake.rejectNext(
        'MessagingService.startConversation',
        'There is already an active conversation',
      );
      await expect(service.startChat(premium)).resolves.toMatchObject({ mode: 'headless' });
    });
  });

  describe('status', () => {
    it('follows Messenger being closed and opened by the user (Conversations.closed / .opened)', async () => {
      const { service, fake } = await readyService();
      await service.startChat(premium);
      expect(service.status()).toBe('open');
      fake.publish('Conversations.closed', {});
      expect(service.status()).toBe('ready');
      fake.publish('Conversations.opened', {});
      expect(service.status()).toBe('open');
    });

    it('falls back to the secondary-only Messenger.closed / .opened for the status (not for isOpen)', async () => {
      const { service, fake } = await readyService();
      await service.startChat(premium);
      expect(service.isOpen()).toBe(true);
      fake.publish('Messenger.closed', {});
      expect(service.status()).toBe('ready');
      expect(service.isOpen()).toBe(true); // isOpen follows only the confirmed events
      fake.publish('Messenger.opened', {});
      expect(service.status()).toBe('open');
    });
  });

  describe('setAttributes', () => {
    it('validates, then merges with Database.set', async () => {
      const { service, fake } = await readyService();
      await service.setAttributes({ source: 'checkout', step: 3 });
      expect(fake.commands).toEqual([
        {
          name: 'Database.set',
          payload: { messaging: { customAttributes: { source: 'checkout', step: '3' } } },
        },
      ]);
      await expect(service.setAttributes({ phone: '555' })).rejects.toMatchObject({
        code: 'PII_REJECTED',
        key: 'phone',
      });
      expect(fake.commands).toHaveLength(1);
    });
  });

  describe('identity', () => {
    it('applies the identity when Database is ready, and again on the next page load, until clearIdentity()', async () => {
      const first = setup();
      await first.service.identify({ id: 'CRM-7', tier: 'standard' });
      expect(first.fake.script).toBeNull(); // identify does not load Messenger by itself
      const loaded = first.service.load();
      first.fake.bootstrap();
      first.fake.emitReady();
      await loaded;
      await settle();
      expect(first.fake.attributes).toEqual({ crmCustomerId: 'CRM-7', customerTier: 'standard' });

      // A reload: a fresh app and page state, the same browser tab.
      TestBed.resetTestingModule();
      const storage = { ...sessionStorage };
      resetGenesysPage();
      Object.entries(storage).forEach(([k, v]) => sessionStorage.setItem(k, v));
      const second = await readyService();
      await settle();
      expect(second.fake.commands[0]).toEqual({
        name: 'Database.remove',
        payload: { name: 'messaging.customAttributes' },
      });
      expect(second.fake.commands[1]).toEqual({
        name: 'Database.set',
        payload: {
          messaging: { customAttributes: { crmCustomerId: 'CRM-7', customerTier: 'standard' } },
        },
      });

      await second.service.clearIdentity();
      expect(second.fake.commands.at(-1)).toEqual({
        name: 'Database.remove',
        payload: { name: 'messaging.customAttributes' },
      });
      expect(second.fake.attributes).toEqual({});
      expect(sessionStorage.length).toBe(0);
    });

    it('rejects an invalid identity with a typed error and stores nothing', async () => {
      const { service } = setup();
      await expect(
        service.identify({ id: 'C1', attributes: { email: 'x' } }),
      ).rejects.toMatchObject({ code: 'PII_REJECTED' });
      expect(sessionStorage.length).toBe(0);
    });
  });

  describe('events$', () => {
    it('turns Messenger events into typed events with one Genesys subscription per event, delivered inside Angular', async () => {
      const { service, fake } = await readyService();
      const a: GenesysChatEvent[] = [];
      const b: GenesysChatEvent[] = [];
      const zones: boolean[] = [];
      service.events$.subscribe((e) => {
        a.push(e);
        zones.push(NgZone.isInAngularZone());
      });
      service.events$.subscribe((e) => b.push(e));
      await flush();
      fake.publish('Conversations.opened', {});
      fake.publish('Conversations.started', { id: 'conv-1' });
      fake.publish('MessagingService.messagesReceived', { messages: [{ text: 'hi' }] });
      fake.publish('MessagingService.error', { error: { body: { errorCode: 4029 } } });
      fake.publish('Conversations.closed', {});
      // The secondary-only Messenger.opened / .closed are no longer events of their own.
      fake.publish('Messenger.opened', {});

      expect(a.map((e) => e.type)).toEqual([
        'opened',
        'conversationStarted',
        'messagesReceived',
        'error',
        'closed',
        'conversationClosed',
      ]);
      expect(b).toEqual(a);
      expect(a[2]).toEqual({ type: 'messagesReceived', messages: [{ text: 'hi' }] });
      const error = a[3] as Extract<GenesysChatEvent, { type: 'error' }>;
      expect(error.error.code).toBe('MESSENGER_ERROR');
      expect(error.error.reason).toEqual({ error: { body: { errorCode: 4029 } } });
      expect(fake.subscriptionCount('Conversations.opened')).toBe(1);
      expect(fake.subscriptionCount('Conversations.closed')).toBe(1);
      // Under zone.js the callbacks come back into Angular's zone; zoneless has no zone to enter.
      const zoneJs = typeof (globalThis as { Zone?: unknown }).Zone !== 'undefined';
      expect(zones.every((z) => z === zoneJs)).toBe(true);
    });
  });

  describe('load strategies', () => {
    it('eager loads as soon as the app starts', async () => {
      const { fake } = setup({ load: 'eager' });
      await flush();
      expect(fake.script).not.toBeNull();
    });

    it('manual loads nothing until asked', async () => {
      const { fake } = setup({ load: 'manual' });
      document.dispatchEvent(new Event('pointerdown'));
      await settle();
      expect(fake.script).toBeNull();
    });

    it('interaction loads at the first pointer or key input, and not before', async () => {
      const { fake } = setup({ load: 'interaction' });
      await settle();
      expect(fake.script).toBeNull();
      document.dispatchEvent(new Event('keydown'));
      await flush();
      expect(fake.script).not.toBeNull();
    });

    it('idle waits for an idle moment after the page has loaded', async () => {
      jest.useFakeTimers();
      const { fake } = setup({ load: 'idle' });
      expect(fake.script).toBeNull();
      await jest.advanceTimersByTimeAsync(5000);
      expect(fake.script).not.toBeNull();
    });
  });

  describe('destroy', () => {
    it('leaves no timers and no live listeners when the app is destroyed while loading', async () => {
      jest.useFakeTimers();
      const { service, fake } = setup({ readyTimeoutMs: 60_000 });
      const error = jest.fn();
      const next = jest.fn();
      service.ready$.subscribe({ next, error });
      service.events$.subscribe(next);
      await flush();
      fake.bootstrap();
      expect(jest.getTimerCount()).toBeGreaterThan(0);
      TestBed.resetTestingModule();
      // Under zone.js Angular may still hold a change-detection tick scheduled a frame ahead;
      // 50 ms lets it run. The 60 s readiness timeout must be gone.
      await jest.advanceTimersByTimeAsync(50);
      expect(jest.getTimerCount()).toBe(0);
      fake.emitReady();
      fake.publish('Messenger.opened', {});
      await jest.advanceTimersByTimeAsync(120_000);
      expect(next).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    });

    it('leaves no timers when destroyed while a chat is starting', async () => {
      jest.useFakeTimers();
      const { service, fake } = await readyService();
      fake.neverAnswer('Database.set');
      const settled = jest.fn();
      service.startChat(premium).then(settled, settled);
      await jest.advanceTimersByTimeAsync(0);
      TestBed.resetTestingModule();
      expect(jest.getTimerCount()).toBe(0);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(settled).not.toHaveBeenCalled();
      expect(fake.commands.map((c) => c.name)).toEqual(['Database.remove', 'Database.set']);
    });
  });
});
