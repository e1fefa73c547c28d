// A complete example of testing your own component with ngx-genesys-chat/testing (the README
// quotes it). The component is the kind an app writes: a chat button for the signed-in customer,
// the Messenger status, and an error line.
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
  return {
    fixture,
    genesys: TestBed.inject(FakeGenesys),
    button: await loader.getHarness(GenesysStartChatHarness.with({ text: 'Chat with us' })),
    text: (selector: string) =>
      (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent ?? null,
    /** Lets the lazily loaded engine and the start sequence run. */
    settle: async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        await fixture.whenStable();
      }
    },
  };
}

describe('SupportButton (an app component tested with ngx-genesys-chat/testing)', () => {
  it('starts a chat carrying the CRM attributes, and shows the status', async () => {
    const { genesys, button, text, settle } = await setup();
    expect(text('.status')).toBe('idle');

    await button.click();
    await settle();

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

  it('is busy and disabled while Genesys has not confirmed the attributes', async () => {
    const { genesys, button, settle } = await setup();
    genesys.neverAnswer('Database.set');

    await button.click();
    await settle();

    expect(await button.isBusy()).toBe(true);
    expect(await button.isDisabled()).toBe(true);
    expect(genesys.commands.map((c) => c.name)).not.toContain('Messenger.open');
  });

  it('shows the error code when Messenger cannot load', async () => {
    const { genesys, button, text, settle } = await setup();
    genesys.failLoad();

    await button.click();
    await settle();

    expect(text('.error')).toBe('SCRIPT_LOAD_FAILED');
    expect(text('.status')).toBe('failed');
    expect(genesys.commands).toEqual([]);
  });

  it('shows COMMAND_REJECTED when Genesys refuses to open Messenger', async () => {
    const { genesys, button, text, settle } = await setup();
    genesys.rejectNext('Messenger.open', 'Messenger user interface must be enabled');

    await button.click();
    await settle();

    expect(text('.error')).toBe('COMMAND_REJECTED');
  });

  it('waits for readiness the test controls', async () => {
    const { genesys, button, text, settle } = await setup({ autoReady: false });

    await button.click();
    await settle();
    expect(text('.status')).toBe('loading');
    expect(genesys.commands).toEqual([]);

    genesys.emitReady();
    await settle();
    expect(text('.status')).toBe('open');
  });

  it('passes Messenger events to the app', async () => {
    const { genesys, button, settle } = await setup();
    const events: string[] = [];
    TestBed.inject(GenesysChatService).events$.subscribe((e) => events.push(e.type));
    await button.click();
    await settle();
    genesys.emit('MessagingService.messagesReceived', {
      messages: [{ text: 'Hi, how can I help?' }],
    });
    expect(events).toEqual(['opened', 'messagesReceived']);
  });
});
