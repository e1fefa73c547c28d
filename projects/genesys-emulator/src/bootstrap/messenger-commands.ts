// The stand-in's own commands, kept apart so genesys-bootstrap.ts is left with wiring and dispatch.
import { clone } from './database-helpers';
import type { MessengerUi } from './messenger-ui';

/** Page state the bootstrap owns; read through functions because init() sets it after load. */
export interface MessengerCommandDeps {
  /** Settles once init() has the deployment config. */
  messagingReady: Promise<void>;
  headless(): boolean;
  /** The deployment's config.json as fetched. */
  deploymentConfig(): unknown;
  /** The deployment's `messenger.launcherButton.visibility`: On, Off or OnDemand. */
  launcherVisibility(): string;
  conversationActive(): boolean;
  setActive(active: boolean): void;
  ui(): MessengerUi | null;
  publish(event: string, data?: unknown): void;
  faults(): Promise<{ messengerOpenRejected?: boolean }>;
  connect(): Promise<unknown>;
  sendText(text: string): Promise<unknown>;
  lifecycle: {
    clearConversation(): Promise<void>;
    resetConversation(): Promise<void>;
    purgeAll(): void;
  };
  /** `window.genesysEmulator.pageViews`. */
  pageViews: Record<string, unknown>[];
}

type Payload = Record<string, unknown>;

export function createMessengerCommands(
  deps: MessengerCommandDeps,
): Record<string, (payload: Payload) => Promise<unknown>> {
  const { messagingReady, ui, publish, lifecycle } = deps;
  let panelOpen = false;

  /** `Conversations.opened` / `.closed` (reference §2, DC-conv) when the panel's state changes. */
  function panel(open: boolean): void {
    if (open === panelOpen) return;
    panelOpen = open;
    publish(open ? 'Conversations.opened' : 'Conversations.closed');
  }

  return {
    'Messenger.open': async () => {
      await messagingReady;
      if (deps.headless()) throw 'Messenger user interface must be enabled to use Messenger.open';
      if ((await deps.faults()).messengerOpenRejected)
        throw 'Messenger.open rejected (emulator fault)';
      ui()?.show();
      publish('Messenger.opened');
      panel(true);
      return {};
    },
    'Messenger.close': async () => {
      await messagingReady;
      ui()?.hide();
      publish('Messenger.closed');
      panel(false);
      return {};
    },
    // Page views are only recorded (window.genesysEmulator.commands); no journey is emulated.
    'Journey.pageview': async (payload) => {
      const journey = (deps.deploymentConfig() as { journeyEvents?: { enabled?: boolean } } | null)
        ?.journeyEvents;
      if (!journey?.enabled) throw 'Journey events are not enabled on this deployment';
      deps.pageViews.push({ ...payload });
      return {};
    },
    'Launcher.show': async () => {
      // What Genesys does with Launcher.show under visibility Off is UNCONFIRMED; the stand-in keeps
      // the launcher hidden, which is what the "our button only" recipe relies on.
      if (deps.launcherVisibility() !== 'Off') ui()?.launcher(true);
      publish('Launcher.visible');
      return {};
    },
    'Launcher.hide': async () => {
      ui()?.launcher(false);
      publish('Launcher.hidden');
      return {};
    },
    'MessagingService.startConversation': async () => {
      await messagingReady;
      if (deps.conversationActive()) throw 'There is already an active conversation';
      await deps.connect();
      deps.setActive(true);
      return {};
    },
    'MessagingService.sendMessage': async (p) => {
      await messagingReady;
      const text = typeof p['message'] === 'string' ? p['message'] : '';
      if (!text.trim()) throw 'Message cannot be empty';
      return deps.sendText(text);
    },
    'MessagingService.clearConversation': async () => {
      await messagingReady;
      await lifecycle.clearConversation();
      return {};
    },
    // Secondary-only name (T, S): see conversation-lifecycle.ts resetConversation.
    'MessagingService.resetConversation': async () => {
      await messagingReady;
      await lifecycle.resetConversation();
      return {};
    },
    // Confirmed (reference §2: IBM, DC-hl). Genesys answers with a trimmed config; the emulator
    // gives the whole config.json, which holds every field the trimmed one could.
    'GenesysJS.configuration': async () => {
      await messagingReady;
      return clone(deps.deploymentConfig());
    },
    'Identifiers.purgeAll': async () => {
      lifecycle.purgeAll();
      return {};
    },
  };
}
