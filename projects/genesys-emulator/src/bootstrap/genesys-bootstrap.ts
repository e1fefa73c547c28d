/*
 * genesys-emulator: a stand-in for Genesys' genesys.min.js, served at /genesys-bootstrap/genesys.min.js.
 * It takes over the deployment snippet's stub the way the real bootstrap does (reads _genesysJs,
 * drains Genesys.q in order, replaces the function), implements the documented command and event
 * subset, draws a minimal Messenger panel (messenger-ui.ts) with DOM APIs only, and talks to the emulator over the
 * Guest API WebSocket. Custom attributes travel only with the customer's next message, in
 * message.channel.metadata.customAttributes, as on the real platform. Restore on reload, clear and
 * purge live in conversation-lifecycle.ts.
 */
import { createAuthMessenger } from './auth-messenger';
import { createPluginHost } from './auth-plugin-host';
import { type RestoreState, createLifecycle } from './conversation-lifecycle';
import { clone } from './database-helpers';
import { type DatabaseFaults, createDatabasePlugin } from './database-plugin';
import { type Frame, createGuestConnection } from './guest-connection';
import { type MessengerUi, buildMessengerUi } from './messenger-ui';
import { createVisitorStore } from './visitor-store';

(() => {
  type Callback = (value?: unknown) => void;
  type Envelope = { event: string; data: unknown };
  interface GenesysFn {
    (
      type: string,
      name: string,
      payload?: unknown,
      onResolve?: Callback,
      onReject?: Callback,
    ): void;
    q?: ArrayLike<unknown>[];
    t?: number;
    c?: { environment?: string; deploymentId?: string; debug?: boolean };
  }
  interface Faults extends DatabaseFaults {
    neverReady?: 'Database' | 'Messenger' | 'all' | false;
    messengerOpenRejected?: boolean;
  }

  const w = window as unknown as Record<string, unknown>;
  const globalName = typeof w['_genesysJs'] === 'string' ? (w['_genesysJs'] as string) : 'Genesys';
  const stub = w[globalName] as GenesysFn | undefined;
  const queued = stub?.q ? Array.from(stub.q) : [];
  const config = stub?.c ?? {};
  const deploymentId = String(config.deploymentId ?? '');
  const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
  const base = new URL(scriptSrc).origin;
  const debug = !!config.debug;

  const subscribers = new Map<string, Callback[]>();
  /**
   * For tests and benchmarks: every command received (with its performance.now() time), the
   * subscription count, and whether this load's restore is done (`restore`).
   */
  const record = {
    commands: [] as { name: string; at: number }[],
    subscriptions: 0,
    restore: 'pending' as RestoreState,
    pageViews: [] as Record<string, unknown>[],
  };
  Object.defineProperty(window, 'genesysEmulator', { value: record, configurable: true });
  const published = new Map<string, Envelope>();
  let headless = false;
  let conversationActive = false;
  let panelOpen = false;
  /** The deployment's config.json as fetched; `GenesysJS.configuration` answers with it. */
  let deploymentConfig: unknown = null;
  let resolveMessaging: () => void = () => undefined;
  const messagingReady = new Promise<void>((resolve) => (resolveMessaging = resolve));
  let ui: MessengerUi | null = null;
  /** The deployment's `messenger.launcherButton.visibility`: On, Off or OnDemand. */
  let launcherVisibility = 'On';
  const visitor = createVisitorStore(deploymentId);
  // registerPlugin's plugin objects, and the Auth plugin (authenticated messaging, reference §4a).
  const plugins = createPluginHost({
    run: (name, payload, ok, ko) => genesys('command', name, payload, ok, ko),
    subscribe: (name, cb) => genesys('subscribe', name, cb),
    publish: (event, data) => publish(event, data),
  });
  const auth = createAuthMessenger({
    base,
    deploymentId,
    plugins,
    publish: (event, data) => publish(event, data),
    forgetVisitor: () => lifecycle.purgeAll(),
  });
  const { connect, disconnect, sendFrame, request } = createGuestConnection({
    base,
    deploymentId,
    visitor,
    publish: (event, data) => {
      publish(event, data);
      if (event === 'MessagingService.reconnected') lifecycle.restoredAgain();
    },
    onFrame: (frame, waited) => onFrame(frame, waited),
    auth,
  });
  const lifecycle = createLifecycle({
    visitor,
    connect,
    disconnect,
    sendFrame,
    publish: (event, data) => publish(event, data),
    ui: () => ui,
    setActive: (active) => (conversationActive = active),
    report: (state) => (record.restore = state),
  });

  const log = (...args: unknown[]) => {
    if (debug) console.debug('[genesys-emulator]', ...args);
  };

  function publish(event: string, data: unknown = {}): void {
    const envelope: Envelope = { event, data };
    if (event.endsWith('.ready')) published.set(event, envelope);
    for (const cb of subscribers.get(event) ?? []) {
      try {
        cb(envelope);
      } catch (error) {
        console.error('[genesys-emulator] subscriber failed', error);
      }
    }
  }

  const databasePlugin = createDatabasePlugin({
    publish: (event, data) => publish(event, data),
    faults: () => faults(),
  });

  const commands: Record<string, (payload: Record<string, unknown>) => Promise<unknown>> = {
    ...databasePlugin.commands,
    ...auth.commands,
    'Messenger.open': async () => {
      await messagingReady;
      if (headless) throw 'Messenger user interface must be enabled to use Messenger.open';
      if ((await faults()).messengerOpenRejected) throw 'Messenger.open rejected (emulator fault)';
      ui?.show();
      publish('Messenger.opened');
      panel(true);
      return {};
    },
    'Messenger.close': async () => {
      await messagingReady;
      ui?.hide();
      publish('Messenger.closed');
      panel(false);
      return {};
    },
    // Page views are only recorded (window.genesysEmulator.commands); no journey is emulated.
    'Journey.pageview': async (payload) => {
      const journey = (deploymentConfig as { journeyEvents?: { enabled?: boolean } } | null)
        ?.journeyEvents;
      if (!journey?.enabled) throw 'Journey events are not enabled on this deployment';
      record.pageViews.push({ ...payload });
      return {};
    },
    'Launcher.show': async () => {
      // What Genesys does with Launcher.show under visibility Off is UNCONFIRMED; the stand-in keeps
      // the launcher hidden, which is what the "our button only" recipe relies on.
      if (launcherVisibility !== 'Off') ui?.launcher(true);
      publish('Launcher.visible');
      return {};
    },
    'Launcher.hide': async () => {
      ui?.launcher(false);
      publish('Launcher.hidden');
      return {};
    },
    'MessagingService.startConversation': async () => {
      await messagingReady;
      if (conversationActive) throw 'There is already an active conversation';
      await connect();
      conversationActive = true;
      return {};
    },
    'MessagingService.sendMessage': async (p) => {
      await messagingReady;
      const text = typeof p['message'] === 'string' ? p['message'] : '';
      if (!text.trim()) throw 'Message cannot be empty';
      return sendText(text);
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
      return clone(deploymentConfig);
    },
    'Identifiers.purgeAll': async () => {
      lifecycle.purgeAll();
      return {};
    },
  };

  /** `Conversations.opened` / `.closed` (reference §2, DC-conv) when the panel's state changes. */
  function panel(open: boolean): void {
    if (open === panelOpen) return;
    panelOpen = open;
    publish(open ? 'Conversations.opened' : 'Conversations.closed');
  }

  const genesys: GenesysFn = (type, name, payload, onResolve, onReject) => {
    if (type === 'subscribe') {
      const cb = payload as Callback;
      if (typeof cb !== 'function') return;
      record.subscriptions++;
      subscribers.set(name, [...(subscribers.get(name) ?? []), cb]);
      const replay = published.get(name);
      if (replay) cb(replay);
      return;
    }
    if (type === 'registerPlugin') return plugins.register(name, payload);
    if (type !== 'command') return;
    record.commands.push({ name, at: performance.now() });
    const handler = commands[name] ?? plugins.commands[name];
    if (!handler) {
      onReject?.(`Unknown command: ${name}`);
      return;
    }
    const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
    handler(body).then(
      (value) => onResolve?.(value),
      (reason) => onReject?.(reason),
    );
  };
  genesys.c = config;
  genesys.t = stub?.t;
  w[globalName] = genesys;
  for (const args of queued) genesys(...(Array.from(args) as Parameters<GenesysFn>));

  void init();

  async function init(): Promise<void> {
    let response: Response;
    try {
      response = await fetch(
        `${base}/webdeployments/v1/deployments/${encodeURIComponent(deploymentId)}/config.json`,
      );
    } catch {
      console.warn('[genesys-emulator] deployment config unreachable; Messenger stays off');
      return;
    }
    if (!response.ok) {
      console.warn(
        `[genesys-emulator] deployment config answered ${response.status}; Messenger stays off`,
      );
      return;
    }
    const deployment = (await response.json()) as {
      status?: string;
      headlessMode?: { enabled?: boolean };
      messenger?: { launcherButton?: { visibility?: string } };
      auth?: { enabled?: boolean };
    };
    if (deployment.status !== 'Active') {
      console.warn('[genesys-emulator] deployment is inactive; Messenger stays off');
      return;
    }
    headless = !!deployment.headlessMode?.enabled;
    deploymentConfig = deployment;
    lifecycle.configure(deployment);
    auth.configure(deployment);
    publish('GenesysJS.configurationReceived', { deploymentConfig: clone(deployment) });
    const f = await faults();
    const never = f.neverReady;
    if (never !== 'Database' && never !== 'all') {
      databasePlugin.markReady();
    }
    if (!headless) {
      ui = buildMessengerUi({
        open: () => genesys('command', 'Messenger.open', {}),
        close: () => genesys('command', 'Messenger.close', {}),
        send: (text) => void sendText(text).catch(() => undefined),
      });
      launcherVisibility = deployment.messenger?.launcherButton?.visibility ?? 'On';
      if (launcherVisibility === 'On') ui.launcher(true);
      publish('Launcher.ready');
      publish('Conversations.ready');
    }
    resolveMessaging();
    if (never !== 'all') publish('MessagingService.ready');
    if (!headless && never !== 'Messenger' && never !== 'all') publish('Messenger.ready');
    log('ready', { headless });
    // Like Messenger on a reload: a stored session is reconnected and its transcript restored.
    await lifecycle.restore();
  }

  async function faults(): Promise<Faults> {
    try {
      const r = await fetch(`${base}/emulator/faults/${encodeURIComponent(deploymentId)}`);
      return r.ok ? ((await r.json()) as Faults) : {};
    } catch {
      return {};
    }
  }

  async function sendText(text: string): Promise<unknown> {
    await connect();
    conversationActive = true;
    const message: Record<string, unknown> = { type: 'Text', text };
    const sending = databasePlugin.pendingAttributes();
    if (sending && Object.keys(sending).length > 0)
      message['channel'] = { metadata: { customAttributes: sending } };
    publish('MessagingService.sendingMessage', { text });
    try {
      const frame = await request(message, 'StructuredMessage');
      // Like Genesys' own clients: attributes count as sent once the server echoed the message.
      if (sending) databasePlugin.attributesSent();
      return frame.body;
    } catch (error) {
      const err = error as { code?: number; body?: unknown };
      publish('MessagingService.error', { error: { code: err.code, body: err.body } });
      ui?.note(`Not sent (${err.code ?? 'error'})`);
      throw error;
    }
  }

  function onFrame(frame: Frame, waited: boolean): void {
    if (lifecycle.onFrame(frame)) return;
    if (frame.class === 'StructuredMessage' && frame.type === 'message') {
      const body = frame.body as { text?: string; direction?: string; type?: string };
      publish('MessagingService.messagesReceived', {
        messages: [{ ...(frame.body as object), tracingId: frame.tracingId }],
      });
      if (body.type === 'Text' && typeof body.text === 'string')
        ui?.add(body.direction === 'Outbound' ? 'Outbound' : 'Inbound', body.text);
    } else if (
      !waited &&
      (frame.class === 'string' || frame.class === 'TooManyRequestsErrorMessage')
    ) {
      publish('MessagingService.error', { error: { code: frame.code, body: frame.body } });
    }
  }
})();
