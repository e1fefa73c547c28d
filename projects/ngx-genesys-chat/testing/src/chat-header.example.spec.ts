// A complete example of testing an app's chat header with ngx-genesys-chat/testing: an unread
// badge, the "our button only" launcher recipe (the deployment's launcher is Off, so every chat
// starts through [genesysStartChat] with the CRM attributes), and a logout for shared computers.
import { Component, DestroyRef, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { GenesysChatService, GenesysStartChatDirective } from 'ngx-genesys-chat';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';

@Component({
  selector: 'app-chat-header',
  imports: [GenesysStartChatDirective],
  template: `
    @if (customer(); as id) {
      <button class="chat" [genesysStartChat]="{ id, tier: 'premium' }">
        Chat with us
        @if (chat.unreadCount() > 0) {
          <span class="badge">{{ chat.unreadCount() }}</span>
        }
      </button>
      <button class="logout" (click)="logout()">Log out</button>
    }
    @if (notice()) {
      <p class="notice">{{ notice() }}</p>
    }
  `,
})
class ChatHeader {
  protected readonly chat = inject(GenesysChatService);
  readonly customer = signal<string | null>('CRM-12345-XYZ');
  protected readonly notice = signal<string | null>(null);

  constructor() {
    const sub = this.chat.events$.subscribe((e) => {
      if (e.type === 'identityCleared' && e.conversation !== 'cleared') {
        this.notice.set('Your conversation could not be ended; please close this browser.');
      }
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  protected async logout(): Promise<void> {
    // A shared computer: end the conversation while Messenger is still connected, then forget.
    await this.chat.clearIdentity({ endConversation: true });
    this.customer.set(null);
  }
}

async function setup() {
  TestBed.configureTestingModule({ providers: [provideGenesysChatTesting()] });
  const fixture = TestBed.createComponent(ChatHeader);
  fixture.autoDetectChanges();
  const root = fixture.nativeElement as HTMLElement;
  const chat = TestBed.inject(GenesysChatService);
  await chat.load(); // the example's app loads Messenger early
  await fixture.whenStable();
  return {
    fixture,
    chat,
    genesys: TestBed.inject(FakeGenesys),
    click: async (selector: string) => {
      (root.querySelector(selector) as HTMLElement).click();
      await fixture.whenStable();
    },
    text: (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? null,
  };
}

describe('ChatHeader (an app component tested with ngx-genesys-chat/testing)', () => {
  it("shows a badge for the agent's messages while the panel is closed, and drops it when the customer opens it", async () => {
    const { fixture, genesys, text } = await setup();
    genesys.agentSays('Your parcel has shipped');
    genesys.agentSays('Anything else?');
    await fixture.whenStable();
    expect(text('.badge')).toBe('2');

    genesys.userOpens();
    await fixture.whenStable();
    expect(text('.badge')).toBeNull();
  });

  it('does not count history when Messenger restores a conversation after a reload', async () => {
    const { fixture, genesys, text } = await setup();
    genesys.restore([{ id: 'old-1', text: 'from before the reload' }]);
    await fixture.whenStable();
    expect(text('.badge')).toBeNull();
  });

  it('our button only: the launcher stays hidden and every chat carries the CRM attributes', async () => {
    const { genesys, click } = await setup();
    await click('.chat');
    expect(genesys.launcherVisible).toBe(false);
    const names = genesys.commands.map((c) => c.name);
    expect(names).not.toContain('Launcher.show');
    expect(names.indexOf('Database.set')).toBeLessThan(names.indexOf('Messenger.open'));
    expect(genesys.attributes).toMatchObject({ crmCustomerId: 'CRM-12345-XYZ' });
  });

  it('logout on a shared computer ends the conversation and leaves nothing for the next customer', async () => {
    const { fixture, genesys, click, text } = await setup();
    await click('.chat');
    genesys.userCloses();
    genesys.agentSays('Goodbye');
    await click('.logout');

    expect(genesys.conversationsCleared).toBe(1);
    expect(genesys.identifiersPurged).toBe(1);
    expect(genesys.attributes).toEqual({});
    expect(text('.chat')).toBeNull();
    expect(text('.notice')).toBeNull();

    // The next customer signs in at the same browser: no badge, only their own attributes.
    fixture.componentInstance.customer.set('CRM-67890-ABC');
    await fixture.whenStable();
    expect(text('.badge')).toBeNull();
    await click('.chat');
    expect(genesys.attributes).toEqual({
      crmCustomerId: 'CRM-67890-ABC',
      customerTier: 'premium',
    });
  });

  it('tells the customer when the deployment does not allow ending the conversation', async () => {
    const { genesys, click, text } = await setup();
    genesys.conversationClearEnabled = false;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await click('.chat');
    await click('.logout');
    expect(genesys.commands.map((c) => c.name)).not.toContain('MessagingService.clearConversation');
    expect(text('.notice')).toContain('could not be ended');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('conversationClear.enabled'));
    warn.mockRestore();
  });
});
