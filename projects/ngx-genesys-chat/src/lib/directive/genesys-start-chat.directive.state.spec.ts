// The directive's state and guards: the busy signal under zoneless change detection, no emit after
// the host is destroyed, keys typed into fields inside a host, and aria-disabled hosts.
import { Component, Injector, afterNextRender, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import type { StartChatResult } from '../service/genesys-chat-types';
import { GenesysStartChatDirective } from './genesys-start-chat.directive';

/** Reads `busy()` and nothing else, so only the busy signal can re-render it under zoneless. */
@Component({
  imports: [GenesysStartChatDirective],
  template: `
    <button id="chat" #sc="genesysStartChat" [genesysStartChat]="'CRM-1'">Chat</button>
    <p class="busy">{{ sc.busy() }}</p>
  `,
})
class BusyHost {}

@Component({
  imports: [GenesysStartChatDirective],
  template: `
    @if (rowShown()) {
      <button
        id="row"
        [genesysStartChat]="'CRM-ROW'"
        (chatStarted)="started.push($event)"
        (chatError)="errors.push($event)"
      >
        Row chat
      </button>
    }
    <div id="card" [genesysStartChat]="'CARD-1'" (chatStarted)="started.push($event)">
      <input id="field" />
      <textarea id="notes"></textarea>
      <select id="pick"><option>a</option></select>
      <p id="editor" contenteditable="true"><b id="bold">bold</b></p>
      <span id="label">Chat card</span>
    </div>
    <div id="off-card" aria-disabled="true" [genesysStartChat]="'OFF-1'">Unavailable</div>
    <button id="off-button" aria-disabled="true" [genesysStartChat]="'OFF-2'">Unavailable</button>
  `,
})
class Host {
  readonly rowShown = signal(true);
  readonly started: StartChatResult[] = [];
  readonly errors: GenesysChatError[] = [];
}

/** The next render the change detection scheduler runs by itself (nothing here calls detectChanges). */
const nextRender = (fixture: ComponentFixture<unknown>) =>
  new Promise<void>((resolve) =>
    afterNextRender(() => resolve(), { injector: fixture.componentRef.injector.get(Injector) }),
  );
const key = (k: string) => new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });

describe('GenesysStartChatDirective state and guards', () => {
  let fixture: ComponentFixture<Host>;
  let fake: FakeGenesys;
  const el = (id: string) => fixture.nativeElement.querySelector(`#${id}`) as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideGenesysChatTesting({ autoReady: false })] });
    fake = TestBed.inject(FakeGenesys);
    fixture = TestBed.createComponent(Host);
    fixture.autoDetectChanges();
    await fixture.whenStable();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    TestBed.resetTestingModule();
  });

  it('exposes busy as a signal that templates follow, without any other change', async () => {
    fixture.destroy();
    const busyFixture = TestBed.createComponent(BusyHost);
    busyFixture.autoDetectChanges();
    await busyFixture.whenStable();
    const text = (selector: string) =>
      (busyFixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
    const el = (id: string) => busyFixture.nativeElement.querySelector(`#${id}`) as HTMLElement;
    expect(text('.busy')).toBe('false');
    // Readiness is held back, so whenStable() would wait for the start: wait for a render instead.
    const rendered = nextRender(busyFixture);
    el('chat').click();
    await rendered;
    expect(text('.busy')).toBe('true');

    fake.emitReady();
    await busyFixture.whenStable();
    expect(text('.busy')).toBe('false');
    expect(fake.commands.map((c) => c.name)).toContain('Messenger.open');
  });

  it('emits nothing once its host is destroyed while the chat was starting (no NG0953)', async () => {
    const warn = jest.spyOn(console, 'warn');
    el('row').click();
    const rendered = nextRender(fixture);
    fixture.componentInstance.rowShown.set(false);
    await rendered;
    expect(el('row')).toBeNull();

    fake.emitReady(); // the start the destroyed row asked for completes now
    await fixture.whenStable();

    expect(fake.commands.map((c) => c.name)).toContain('Messenger.open');
    expect(fixture.componentInstance.started).toEqual([]);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('NG0953');
  });

  it('emits no error either once its host is destroyed', async () => {
    const warn = jest.spyOn(console, 'warn');
    fake.rejectNext('Messenger.open', 'nope');
    el('row').click();
    const rendered = nextRender(fixture);
    fixture.componentInstance.rowShown.set(false);
    await rendered;
    fake.emitReady();
    await fixture.whenStable();

    expect(fixture.componentInstance.errors).toEqual([]);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('NG0953');
  });

  it.each(['field', 'notes', 'pick', 'editor', 'bold'])(
    'leaves Enter and Space typed into #%s inside a non-button host alone',
    async (id) => {
      for (const k of ['Enter', ' ']) {
        const event = key(k);
        el(id).dispatchEvent(event);
        expect(event.defaultPrevented).toBe(false); // the space reaches the field
      }
      await fixture.whenStable(); // at once: no library call is in progress
      expect(el('card').hasAttribute('aria-busy')).toBe(false);
      expect(fixture.componentInstance.started).toEqual([]);
      expect((window as { Genesys?: unknown }).Genesys).toBeUndefined(); // not even loaded
    },
  );

  it('still starts from Enter on plain content inside the host', async () => {
    const event = key('Enter');
    el('label').dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(el('card').getAttribute('aria-busy')).toBe('true');
    fake.emitReady();
    await fixture.whenStable();
    expect(fixture.componentInstance.started.map((r) => r.attributes['crmCustomerId'])).toEqual([
      'CARD-1',
    ]);
  });

  it.each(['off-card', 'off-button'])(
    'does not start a chat from an aria-disabled="true" host (#%s)',
    async (id) => {
      el(id).click();
      expect(el(id).hasAttribute('aria-busy')).toBe(false); // a start would set it at once
      el(id).dispatchEvent(key('Enter'));
      expect(el(id).hasAttribute('aria-busy')).toBe(false);
      await fixture.whenStable(); // at once: no library call is in progress
      expect(el(id).hasAttribute('aria-busy')).toBe(false);
      expect((window as { Genesys?: unknown }).Genesys).toBeUndefined();
    },
  );

  it('starts once aria-disabled is lifted', async () => {
    el('off-card').setAttribute('aria-disabled', 'false');
    el('off-card').click();
    expect(el('off-card').getAttribute('aria-busy')).toBe('true');
  });
});
