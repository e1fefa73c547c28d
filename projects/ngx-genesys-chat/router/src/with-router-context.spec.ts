import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { GenesysChatService } from 'ngx-genesys-chat';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';
import { type RouterContextOptions, withRouterContext } from './with-router-context';

@Component({ template: '' })
class Blank {}

const CUSTOMER = { id: 'CRM-12345-XYZ', tier: 'premium' };

function setup(options: RouterContextOptions = { throttleMs: 0 }, autoReady = true) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', component: Blank }]),
      provideGenesysChatTesting({ autoReady, features: [withRouterContext(options)] }),
    ],
  });
  return {
    router: TestBed.inject(Router),
    chat: TestBed.inject(GenesysChatService),
    genesys: TestBed.inject(FakeGenesys),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const sets = (genesys: FakeGenesys) => genesys.commands.filter((c) => c.name === 'Database.set');

describe('withRouterContext', () => {
  afterEach(() => jest.useRealTimers());

  it('loads nothing: before Messenger is loaded the route waits, then rides with the start’s Database.set', async () => {
    const { router, chat, genesys } = setup();
    await router.navigateByUrl('/orders/42?email=ada@example.com#x');
    await router.navigateByUrl('/checkout');
    await flush();
    expect(chat.status()).toBe('idle');
    expect(genesys.commands).toEqual([]);

    await chat.startChat(CUSTOMER);
    expect(sets(genesys)).toHaveLength(1);
    expect(genesys.attributes).toEqual({
      pageRoute: '/checkout',
      crmCustomerId: 'CRM-12345-XYZ',
      customerTier: 'premium',
    });
  });

  it('once Messenger is loaded, a navigation merges the new route; query and fragment never reach Genesys', async () => {
    const { router, chat, genesys } = setup();
    await chat.startChat(CUSTOMER);
    await router.navigateByUrl('/orders/42?email=ada@example.com#token=abc');
    await flush();
    await flush();
    expect(genesys.attributes).toEqual({
      pageRoute: '/orders/42',
      crmCustomerId: 'CRM-12345-XYZ',
      customerTier: 'premium',
    });
    expect(JSON.stringify(genesys.commands)).not.toContain('ada@example.com');
  });

  it('never changes a start in progress: a route during the start is written after it opens', async () => {
    const { router, chat, genesys } = setup({ throttleMs: 0 }, false);
    await router.navigateByUrl('/before');
    const started = chat.startChat(CUSTOMER);
    await flush();
    await router.navigateByUrl('/during');
    await flush();
    genesys.emitReady();
    const result = await started;
    expect(result.attributes['pageRoute']).toBe('/before');
    await flush();
    await flush();
    expect(genesys.attributes['pageRoute']).toBe('/during');
    expect(genesys.attributes['crmCustomerId']).toBe('CRM-12345-XYZ');
  });

  it('the customer’s own attribute of the same name wins', async () => {
    const { router, chat, genesys } = setup();
    await router.navigateByUrl('/checkout');
    await chat.startChat({ ...CUSTOMER, attributes: { pageRoute: 'set-by-app' } });
    expect(genesys.attributes['pageRoute']).toBe('set-by-app');
  });

  it('is left out of a start that would not fit the 2048-byte budget with it; the start still opens', async () => {
    const { router, chat, genesys } = setup();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await router.navigateByUrl(`/${'r'.repeat(150)}`);
    const filler = 'f'.repeat(2048 - 150);
    const result = await chat.startChat({
      ...CUSTOMER,
      attributes: { notes: filler.slice(0, 1850) },
    });
    expect(result.attributes['pageRoute']).toBeUndefined();
    expect(genesys.commands.at(-1)?.name).toBe('Messenger.open');
    expect(warn.mock.calls.join(' ')).toContain('pageRoute');
    expect(warn.mock.calls.join(' ')).not.toContain('rrrr');
    warn.mockRestore();
  });

  it('throttles: a burst of navigations sends one update, with the last route', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    const { router, chat, genesys } = setup({ throttleMs: 1000 });
    const started = chat.startChat(CUSTOMER);
    await jest.advanceTimersByTimeAsync(10);
    await started;
    const before = sets(genesys).length;
    await router.navigateByUrl('/a');
    await router.navigateByUrl('/b');
    await router.navigateByUrl('/c');
    await jest.advanceTimersByTimeAsync(10);
    // The first navigation of the burst goes at once, the rest wait for the throttle window.
    expect(genesys.attributes['pageRoute']).toBe('/a');
    await jest.advanceTimersByTimeAsync(1000);
    expect(genesys.attributes['pageRoute']).toBe('/c');
    expect(sets(genesys).length - before).toBe(2);
  });

  it('a custom key, and nothing after the app is destroyed', async () => {
    const { router, chat, genesys } = setup({ key: 'page', throttleMs: 0 });
    await chat.startChat(CUSTOMER);
    await router.navigateByUrl('/x');
    await flush();
    await flush();
    expect(genesys.attributes['page']).toBe('/x');
    const count = genesys.commands.length;
    TestBed.resetTestingModule();
    await flush();
    expect(genesys.commands.length).toBe(count);
  });

  describe('pageView', () => {
    const views = (genesys: FakeGenesys) =>
      genesys.commands.filter((c) => c.name === 'Journey.pageview').map((c) => c.payload);

    it('records each later navigation where journey events are on, without query or fragment; not the first', async () => {
      const { router, chat, genesys } = setup({ throttleMs: 0, pageView: true });
      genesys.journeyEventsEnabled = true;
      await router.navigateByUrl('/');
      await chat.startChat(CUSTOMER);
      await router.navigateByUrl('/orders/42?email=ada@example.com#x');
      await flush();
      await flush();
      expect(views(genesys)).toEqual([
        { pageTitle: expect.any(String), pageLocation: `${location.origin}/orders/42` },
      ]);
    });

    it('sends no page view where the deployment has journey events off, and none before Messenger loads', async () => {
      const { router, chat, genesys } = setup({ throttleMs: 0, pageView: true });
      await router.navigateByUrl('/');
      await router.navigateByUrl('/before-load');
      await flush();
      expect(genesys.commands).toEqual([]);
      await chat.startChat(CUSTOMER);
      await router.navigateByUrl('/after-load');
      await flush();
      await flush();
      expect(views(genesys)).toEqual([]);
    });

    it('is off by default', async () => {
      const { router, chat, genesys } = setup();
      genesys.journeyEventsEnabled = true;
      await chat.startChat(CUSTOMER);
      await router.navigateByUrl('/a');
      await router.navigateByUrl('/b');
      await flush();
      expect(views(genesys)).toEqual([]);
      expect(genesys.commands.some((c) => c.name === 'GenesysJS.configuration')).toBe(false);
    });
  });
});
