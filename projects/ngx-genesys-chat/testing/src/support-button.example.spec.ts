// A complete example of testing your own component with ngx-genesys-chat/testing (the README
// quotes it). The component is the kind an app writes: a chat button for the signed-in customer,
// the Messenger status, and an error line. The tests wait for the library only with
// `await fixture.whenStable()` (harness actions do the same): provideGenesysChatTesting() makes
// every library call a pending task, so whenStable waits for the lazily loaded engine too.
import { Component, inject, signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import {
  type GenesysChatError,
  GenesysChatService,
  GenesysStartChatDirective,
} from 'ngx-genesys-chat';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';
import { GenesysStartChatHarness } from 'ngx-genesys-chat/testing/harness';

@Component({
  selector: 'app-support-button',
  imports: [GenesysStartChatDirective],
  template: `
    <button
      [genesysStartChat]="{ id: 'CRM-12345-XYZ', tier: 'premium' }"
      [genesysChatAttributes]="{ source: 'web-portal' }"
      (chatError)="error.set($event.code)"
    >
      Chat with us
    </button>
    <p class="status">{{ chat.status() }}</p>
    @if (error()) {
      <p class="error">{{ error() }}</p>
    }
  `,
})
class SupportButton {
  protected readonly chat = inject(GenesysChatService);
  protected readonly error = signal<GenesysChatError['code'] | null>(null);
}

async function setup(options: Parameters<typeof provideGenesysChatTesting>[0] = {}) {
  TestBed.configureTestingModule({ providers: [provideGenesysChatTesting(options)] });
  const fixture = TestBed.createComponent(SupportButton);
  fixture.autoDetectChanges();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const root = fixture.nativeElement as HTMLElement;
  return {
    fixture,
    genesys: TestBed.inject(FakeGenesys),
    button: await loader.getHarness(GenesysStartChatHarness.with({ text: 'Chat with us' })),
    buttonElement: root.querySelector('button') as HTMLButtonElement,
    text: (selector: string) => root.querySelector(selector)?.textContent ?? null,
  };
}

describe('SupportButton (an app component tested with ngx-genesys-chat/testing)', () => {
  it('starts a chat carrying the CRM attributes, and shows the status', async () => {
    const { genesys, button, text } = await setup();
    expect(text('.status')).toBe('idle');

    await button.click(); // a harness action waits for whenStable(): the whole start has settled

    expect(genesys.attributes).toEqual({
      crmCustomerId: 'CRM-12345-XYZ',
      customerTier: 'premium',
      source: 'web-portal',
    });
    expect(genesys.commands.map((c) => c.name)).toEqual([
      'Database.remove',
      'Database.set',
      'Messenger.open',
    ]);
    expect(text('.status')).toBe('open');
    expect(await button.isBusy()).toBe(false);
  });

  it('works the same without the harness: a click, then whenStable()', async () => {
    const { fixture, genesys, buttonElement, text } = await setup();

    buttonElement.click();
    await fixture.whenStable();

    expect(genesys.commands.map((c) => c.name)).toContain('Messenger.open');
    expect(text('.status')).toBe('open');
  });

  it('is busy and disabled until Messenger is ready, then opens', async () => {
    const { fixture, genesys, button, buttonElement, text } = await setup({ autoReady: false });

    // The test holds readiness back, so the start cannot settle yet: look at the DOM right away
    // (whenStable() and harness actions would wait for the start).
    buttonElement.click();
    expect(buttonElement.getAttribute('aria-busy')).toBe('true');
    expect(buttonElement.disabled).toBe(true);
    expect(genesys.commands).toEqual([]);

    genesys.emitReady();
    await fixture.whenStable();

    expect(text('.status')).toBe('open');
    expect(await button.isBusy()).toBe(false);
    expect(await button.isDisabled()).toBe(false);
  });

  it('shows COMMAND_TIMEOUT and does not open when Genesys never confirms the attributes', async () => {
    const { genesys, button, text } = await setup({ config: { commandTimeoutMs: 50 } });
    genesys.neverAnswer('Database.set');

    await button.click(); // whenStable() waits for the library's own 50 ms timeout

    expect(text('.error')).toBe('COMMAND_TIMEOUT');
    expect(genesys.commands.map((c) => c.name)).not.toContain('Messenger.open');
    expect(await button.isBusy()).toBe(false);
  });

  it('shows the error code when Messenger cannot load', async () => {
    const { genesys, button, text } = await setup();
    genesys.failLoad();

    await button.click();

    expect(text('.error')).toBe('SCRIPT_LOAD_FAILED');
    expect(text('.status')).toBe('failed');
    expect(genesys.commands).toEqual([]);
  });

  it('shows COMMAND_REJECTED when Genesys refuses to open Messenger', async () => {
    const { genesys, button, text } = await setup();
    genesys.rejectNext('Messenger.open', 'Messenger user interface must be enabled');

    await button.click();

    expect(text('.error')).toBe('COMMAND_REJECTED');
  });

  it('passes Messenger events to the app', async () => {
    const { genesys, button } = await setup();
    const events: string[] = [];
    TestBed.inject(GenesysChatService).events$.subscribe((e) => events.push(e.type));

    await button.click();
    genesys.emit('MessagingService.messagesReceived', {
      messages: [{ text: 'Hi, how can I help?' }],
    });

    expect(events).toEqual(['opened', 'messagesReceived']);
  });
});
