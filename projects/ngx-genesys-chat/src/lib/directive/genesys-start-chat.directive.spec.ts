import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';
import type { CrmCustomer } from '../attributes/crm-customer';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';
import type { StartChatResult } from '../service/genesys-chat-types';
import { GenesysStartChatDirective } from './genesys-start-chat.directive';

@Component({
  imports: [GenesysStartChatDirective],
  template: `
    <p class="status">{{ chat.status() }}</p>
    <button
      id="chat"
      [genesysStartChat]="customer()"
      [genesysChatAttributes]="{ source: 'web-portal' }"
      (chatStarted)="started.push($event)"
      (chatError)="errors.push($event)"
    >
      Chat with us
    </button>
    <button id="disabled" disabled [genesysStartChat]="'C-2'">Disabled</button>
    <div id="card" [genesysStartChat]="'CARD-1'" (chatStarted)="started.push($event)">
      Chat card
    </div>
    <a id="link" role="link" tabindex="-1" [genesysStartChat]="'LINK-1'">Chat link</a>
    <button id="nested" [genesysStartChat]="'NESTED-1'" (chatStarted)="started.push($event)">
      <span (click)="$event.stopPropagation()">Icon</span>
    </button>
  `,
})
class Host {
  readonly chat = TestBed.inject(GenesysChatService);
  readonly customer = signal<CrmCustomer | string>({ id: 'CRM-12345-XYZ', tier: 'premium' });
  readonly started: StartChatResult[] = [];
  readonly errors: GenesysChatError[] = [];
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('GenesysStartChatDirective', () => {
  let fixture: ComponentFixture<Host>;
  let fake: FakeGenesys;
  let host: Host;
  const el = (id: string) => fixture.nativeElement.querySelector(`#${id}`) as HTMLElement;

  beforeEach(async () => {
    // The public testing entry point: Messenger "loads" in memory; each test says when it is ready.
    TestBed.configureTestingModule({
      providers: [provideGenesysChatTesting({ autoReady: false })],
    });
    fake = TestBed.inject(FakeGenesys);
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    fixture.autoDetectChanges(); // renders under zoneless and zone.js alike
    await fixture.whenStable();
  });

  afterEach(() => TestBed.resetTestingModule());

  it('on click loads Messenger, sets the CRM attributes, opens, and reports the result', async () => {
    const button = el('chat') as HTMLButtonElement;
    button.click();
    await settle();
    fake.emitReady();
    await settle();
    await fixture.whenStable();

    expect(fake.commands.map((c) => c.name)).toEqual([
      'Database.remove',
      'Database.set',
      'Messenger.open',
    ]);
    expect(fake.attributes).toEqual({
      crmCustomerId: 'CRM-12345-XYZ',
      customerTier: 'premium',
      source: 'web-portal',
    });
    expect(host.started).toEqual([
      {
        attributes: {
          crmCustomerId: 'CRM-12345-XYZ',
          customerTier: 'premium',
          source: 'web-portal',
        },
        mode: 'messenger',
      },
    ]);
    expect(el('chat').closest('body')!.querySelector('.status')!.textContent).toBe('open');
  });

  it('is busy while the chat starts: aria-busy, a disabled button, further clicks ignored', async () => {
    const button = el('chat') as HTMLButtonElement;
    button.click();
    // Readiness is held back, so the start cannot settle: no whenStable() here, the state is set at once.
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.disabled).toBe(true);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true })); // a disabled button swallows real clicks; a synthetic one must be ignored too
    fake.emitReady();
    await settle();
    await fixture.whenStable();
    expect(button.hasAttribute('aria-busy')).toBe(false);
    expect(button.disabled).toBe(false);
    expect(fake.commands.filter((c) => c.name === 'Messenger.open')).toHaveLength(1);
  });

  it('restores a button that was disabled by the app', async () => {
    const button = el('disabled') as HTMLButtonElement;
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    fake.emitReady();
    await settle();
    await fixture.whenStable();
    expect(button.disabled).toBe(true);
  });

  it('emits the typed error and sends nothing for an invalid customer', async () => {
    host.customer.set({ id: 'CRM-1', attributes: { email: 'jane@example.com' } });
    await fixture.whenStable();
    el('chat').click();
    await settle();
    expect(host.errors.map((e) => e.code)).toEqual(['PII_REJECTED']);
    expect(host.errors[0].key).toBe('email');
    expect(fake.commands).toEqual([]);
    expect((window as { Genesys?: unknown }).Genesys).toBeUndefined(); // not even the stub
    expect((el('chat') as HTMLButtonElement).disabled).toBe(false);
  });

  it('emits chatError when Messenger.open is rejected', async () => {
    el('chat').click();
    await settle();
    fake.rejectNext('Messenger.open', 'nope');
    fake.emitReady();
    await settle();
    expect(host.errors.map((e) => [e.code, e.command])).toEqual([
      ['COMMAND_REJECTED', 'Messenger.open'],
    ]);
  });

  it('makes a non-button host keyboard-operable with Enter and Space', async () => {
    const card = el('card');
    expect(card.getAttribute('role')).toBe('button');
    expect(card.getAttribute('tabindex')).toBe('0');
    const space = new KeyboardEvent('keydown', { key: ' ', cancelable: true, bubbles: true });
    card.dispatchEvent(space);
    expect(space.defaultPrevented).toBe(true); // no page scroll
    await settle();
    fake.emitReady();
    await settle();
    expect(host.started.map((r) => r.attributes['crmCustomerId'])).toEqual(['CARD-1']);

    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(host.started).toHaveLength(2);
    expect(card.getAttribute('aria-busy')).toBeNull();
  });

  it('starts from a click inside the host, even when an app handler stops its propagation', async () => {
    (el('nested').querySelector('span') as HTMLElement).click();
    await settle();
    fake.emitReady();
    await settle();
    expect(host.started.map((r) => r.attributes['crmCustomerId'])).toEqual(['NESTED-1']);
  });

  it('keeps a role and tabindex the app gave the host', () => {
    expect(el('link').getAttribute('role')).toBe('link');
    expect(el('link').getAttribute('tabindex')).toBe('-1');
  });

  it('adds no Genesys subscriptions per directive', async () => {
    el('card').click();
    await settle();
    fake.emitReady();
    await settle();
    expect(fake.subscriptionCount('Messenger.opened')).toBe(1);
    expect(fake.subscriptionCount('Database.ready')).toBe(1);
  });
});
