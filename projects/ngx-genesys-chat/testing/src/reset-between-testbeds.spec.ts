// State the library keeps between TestBeds: a customer identified in one test must not reach the
// next test's fresh provideGenesysChatTesting() (the identity lives in sessionStorage, which jsdom
// keeps for the whole file).
import { TestBed } from '@angular/core/testing';
import { GenesysChatService } from 'ngx-genesys-chat';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';

const libraryKeys = () =>
  Object.keys(sessionStorage).filter((key) => key.startsWith('ngx-genesys-chat.'));

function freshTestBed() {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({ providers: [provideGenesysChatTesting()] });
  return { chat: TestBed.inject(GenesysChatService), genesys: TestBed.inject(FakeGenesys) };
}

describe('provideGenesysChatTesting between TestBeds', () => {
  afterEach(() => {
    sessionStorage.clear();
    TestBed.resetTestingModule();
  });

  it('does not carry an identity saved in one TestBed into the next', async () => {
    const first = freshTestBed();
    await Promise.all([first.chat.identify({ id: 'CRM-LEAK-1', tier: 'premium' }), first.chat.load()]);
    expect(first.genesys.attributes).toEqual({ crmCustomerId: 'CRM-LEAK-1', customerTier: 'premium' });
    expect(libraryKeys()).not.toEqual([]); // it was stored: there is something to leak

    const second = freshTestBed();
    await second.chat.load();

    expect(libraryKeys()).toEqual([]);
    expect(second.genesys.attributes).toEqual({});
    expect(JSON.stringify(second.genesys.commands)).not.toContain('CRM-LEAK-1');
  });

  it('clears every key the library writes, and leaves the app its own', async () => {
    sessionStorage.setItem('ngx-genesys-chat.identity.11111111-2222-4333-8444-555555555555', '{}');
    sessionStorage.setItem('ngx-genesys-chat.identity', '{"crmCustomerId":"CRM-OLD"}');
    sessionStorage.setItem('my-app.cart', '3 items');

    const { chat, genesys } = freshTestBed();
    await chat.load();

    expect(libraryKeys()).toEqual([]);
    expect(sessionStorage.getItem('my-app.cart')).toBe('3 items');
    expect(genesys.attributes).toEqual({});
  });
});
