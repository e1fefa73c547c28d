// unreadCount / unreadCount$ (issue 14.2) and the conversation lifecycle in events$ (issue 14.4).
import { TestBed } from '@angular/core/testing';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import type { GenesysChatConfig } from '../config/genesys-chat-config';
import { provideGenesysChat } from '../config/provide-genesys-chat';
import { GenesysChatService } from './genesys-chat.service';
import type { GenesysChatEvent } from './genesys-chat-types';

const deploymentId = '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f';

async function flush(): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

async function ready() {
  TestBed.configureTestingModule({
    providers: [
      provideGenesysChat({
        deploymentId,
        region: 'eu-west-1',
        load: 'manual',
      } as GenesysChatConfig),
    ],
  });
  const service = TestBed.inject(GenesysChatService);
  const fake = new FakeGenesys();
  const loaded = service.load();
  fake.bootstrap();
  fake.emitReady();
  await loaded;
  return { service, fake };
}

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('unreadCount', () => {
  beforeAll(() =>
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    }),
  );
  beforeEach(() => {
    resetGenesysPage();
    visibility = 'visible';
  });
  afterEach(() => TestBed.resetTestingModule());

  it("counts the agent's messages while the panel is closed, never the customer's, and resets when it opens", async () => {
    const { service, fake } = await ready();
    const counts: number[] = [];
    service.unreadCount$.subscribe((n) => counts.push(n));
    fake.agentSays('Hello, how can I help?');
    fake.customerSays('My order is late');
    fake.agentSays('Let me check');
    expect(service.unreadCount()).toBe(2);
    fake.userOpens();
    expect(service.unreadCount()).toBe(0);
    expect(counts).toEqual([0, 1, 2, 0]);
  });

  it('does not count while the panel is open and the tab visible; counts while the tab is hidden; resets when it is visible again', async () => {
    const { service, fake } = await ready();
    await service.open();
    fake.agentSays('seen at once');
    expect(service.unreadCount()).toBe(0);
    setVisibility('hidden');
    fake.agentSays('while the customer is in another tab');
    expect(service.unreadCount()).toBe(1);
    setVisibility('visible');
    expect(service.unreadCount()).toBe(0);
  });

  it('never counts history: restored (again after a reconnect) and oldMessages; each message id once', async () => {
    const { service, fake } = await ready();
    fake.restore([
      { id: 'm1', text: 'earlier' },
      { id: 'm2', text: 'earlier too' },
    ]);
    fake.emit('MessagingService.oldMessages', { messages: [{ id: 'm0', direction: 'Outbound' }] });
    expect(service.unreadCount()).toBe(0);
    // The SDK republishes restored after a reconnect, and may deliver a known message again.
    fake.restore([{ id: 'm2', text: 'earlier too' }]);
    fake.agentSays('earlier too', 'm2');
    expect(service.unreadCount()).toBe(0);
    fake.agentSays('new', 'm3');
    fake.agentSays('new', 'm3');
    expect(service.unreadCount()).toBe(1);
  });

  it('a cleared conversation and a shared-computer logout leave no badge for the next customer', async () => {
    const { service, fake } = await ready();
    fake.agentSays('one');
    fake.publish('MessagingService.conversationCleared', {});
    expect(service.unreadCount()).toBe(0);
    fake.agentSays('two');
    fake.conversationClearEnabled = false; // the reset must not depend on the server clear
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await service.clearIdentity({ endConversation: true });
    expect(service.unreadCount()).toBe(0);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('conversationClear.enabled'));
    warn.mockRestore();
  });
});

describe('conversation lifecycle in events$', () => {
  beforeEach(() => resetGenesysPage());
  afterEach(() => TestBed.resetTestingModule());

  it('types restored, conversationCleared, conversationReset, conversationDisconnected and readOnly', async () => {
    const { service, fake } = await ready();
    const events: GenesysChatEvent[] = [];
    service.events$.subscribe((e) => events.push(e));
    await flush();
    fake.restore([{ id: 'm1', text: 'earlier' }]);
    fake.publish('MessagingService.conversationCleared', {});
    fake.publish('MessagingService.conversationReset', {});
    fake.publish('MessagingService.conversationDisconnected', { message: {}, readOnly: true });
    fake.publish('MessagingService.conversationDisconnected', { message: {} });
    fake.publish('MessagingService.readOnlyConversation', {});
    expect(events).toEqual([
      {
        type: 'restored',
        messages: [{ id: 'm1', text: 'earlier', type: 'Text', direction: 'Outbound' }],
      },
      { type: 'conversationCleared', data: {} },
      { type: 'conversationReset', data: {} },
      { type: 'conversationDisconnected', readOnly: true, data: { message: {}, readOnly: true } },
      { type: 'conversationDisconnected', data: { message: {} } },
      { type: 'readOnly', data: {} },
    ]);
  });

  it('clearIdentity({ endConversation: true }) shows up as conversationCleared, then identityCleared', async () => {
    const { service } = await ready();
    const events: string[] = [];
    service.events$.subscribe((e) => events.push(e.type));
    await flush();
    await service.clearIdentity({ endConversation: true });
    expect(events).toEqual(['conversationCleared', 'identityCleared']);
  });
});
