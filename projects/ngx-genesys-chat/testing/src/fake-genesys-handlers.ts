/** A fake command: takes the payload, returns the answer, throws the rejection reason. */
export type FakeCommandHandler = (payload: Record<string, unknown>) => unknown;

/** The part of `FakeGenesys` the command table reads and writes (its public fields). */
export interface FakeCommandState {
  attributes: Record<string, string>;
  readonly headless: boolean;
  readonly conversationClearEnabled: boolean | undefined;
  readonly journeyEventsEnabled: boolean;
  conversationsCleared: number;
  identifiersPurged: number;
  launcherVisible: boolean;
  emit(event: string, data: unknown): void;
}

/** The fake's private steps the table shares (the panel's events, the attribute merge). */
export interface FakeCommandSteps {
  setPanel(open: boolean): void;
  mergeAttributes(payload: Record<string, unknown>): unknown;
}

/**
 * Messenger's commands as the fake answers them, kept apart from the fake's plumbing (queue,
 * subscribers, rejections) so a reader finds what each command does in one table.
 */
export function fakeCommandHandlers(
  fake: FakeCommandState,
  steps: FakeCommandSteps,
): Map<string, FakeCommandHandler> {
  const handlers = new Map<string, FakeCommandHandler>();
  handlers.set('Database.set', (p) => steps.mergeAttributes(p));
  handlers.set('Database.update', (p) => steps.mergeAttributes(p));
  handlers.set('Database.remove', () => {
    fake.attributes = {};
    fake.emit('Database.removed', {});
    return {};
  });
  handlers.set('Database.get', () => ({ ...fake.attributes }));
  handlers.set('Messenger.open', () => {
    if (fake.headless) throw 'Messenger user interface must be enabled to use Messenger.open';
    steps.setPanel(true);
    return {};
  });
  handlers.set('Messenger.close', () => {
    if (fake.headless) throw 'Messenger user interface must be enabled to use Messenger.close';
    steps.setPanel(false);
    return {};
  });
  // Launcher.show / .hide are secondary-only names (T, S); the fake answers them as T documents.
  handlers.set('Launcher.show', () => {
    fake.launcherVisible = true;
    return {};
  });
  handlers.set('Launcher.hide', () => {
    fake.launcherVisible = false;
    return {};
  });
  handlers.set('MessagingService.startConversation', () => {
    fake.emit('MessagingService.started', { newSession: true });
    return {};
  });
  handlers.set('MessagingService.sendMessage', () => ({}));
  handlers.set('GenesysJS.configuration', () => ({
    messenger: {
      apps: { conversations: { conversationClear: { enabled: fake.conversationClearEnabled } } },
    },
    journeyEvents: { enabled: fake.journeyEventsEnabled },
  }));
  handlers.set('Journey.pageview', () => {
    if (!fake.journeyEventsEnabled) throw 'Journey events are not enabled';
    return {};
  });
  handlers.set('MessagingService.clearConversation', () => {
    if (fake.conversationClearEnabled === false) throw 'Conversation clear is not enabled';
    fake.conversationsCleared++;
    // Genesys confirms once the server's SessionClearedEvent arrives, after the command answered.
    void Promise.resolve().then(() => fake.emit('MessagingService.conversationCleared', {}));
    return {};
  });
  handlers.set('Identifiers.purgeAll', () => {
    fake.identifiersPurged++;
    return {};
  });
  return handlers;
}
