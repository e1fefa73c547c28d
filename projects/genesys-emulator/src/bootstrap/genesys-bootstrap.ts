/*
 * genesys-emulator: a stand-in for Genesys' genesys.min.js, served at /genesys-bootstrap/genesys.min.js.
 * It takes over the deployment snippet's stub the way the real bootstrap does (reads _genesysJs,
 * drains Genesys.q in order, replaces the function), implements the documented command and event
 * subset, draws a minimal Messenger panel (messenger-ui.ts) with DOM APIs only, and talks to the emulator over the
 * Guest API WebSocket. Custom attributes travel only with the customer's next message, in
 * message.channel.metadata.customAttributes, as on the real platform. Restore on reload, clear and
 * purge live in conversation-lifecycle.ts; the Messenger, Launcher and MessagingService commands in
 * messenger-commands.ts; sent texts and received frames in text-messages.ts; page events in
 * page-events.ts.
 */
import { createAuthMessenger } from './auth-messenger';
import { createPluginHost } from './auth-plugin-host';
import { type RestoreState, createLifecycle } from './conversation-lifecycle';
import { clone } from './database-helpers';
import { type DatabaseFaults, createDatabasePlugin } from './database-plugin';
import { createGuestConnection } from './guest-connection';
import { createMessengerCommands } from './messenger-commands';
import { type MessengerUi, buildMessengerUi } from './messenger-ui';
import { type Callback, createPageEvents } from './page-events';
import { createTextMessages } from './text-messages';
import { createVisitorStore } from './visitor-store';

(() => {
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

  const { publish, subscribe } = createPageEvents();
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
  let headless = false;
  let conversationActive = false;
  const setActive = (active: boolean) => (conversationActive = active);
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
    onFrame: (frame, waited) => texts.onFrame(frame, waited),
    auth,
  });
  const lifecycle = createLifecycle({
    visitor,
    connect,
    disconnect,
    sendFrame,
    publish: (event, data) => publish(event, data),
    ui: () => ui,
    setActive,
    report: (state) => (record.restore = state),
  });

  const log = (...args: unknown[]) => {
    if (debug) console.debug('[genesys-emulator]', ...args);
  };

  const databasePlugin = createDatabasePlugin({
    publish: (event, data) => publish(event, data),
    faults: () => faults(),
  });
  const texts = createTextMessages({
    connect,
    request,
    setActive,
    attributes: databasePlugin,
    publish: (event, data) => publish(event, data),
    ui: () => ui,
    lifecycleFrame: (frame) => lifecycle.onFrame(frame),
  });

  const commands: Record<string, (payload: Record<string, unknown>) => Promise<unknown>> = {
    ...databasePlugin.commands,
    ...auth.commands,
    ...createMessengerCommands({
      messagingReady,
      headless: () => headless,
      deploymentConfig: () => deploymentConfig,
      launcherVisibility: () => launcherVisibility,
      conversationActive: () => conversationActive,
      setActive,
      ui: () => ui,
      publish: (event, data) => publish(event, data),
      faults: () => faults(),
      connect,
      sendText: (text) => texts.sendText(text),
      lifecycle,
      pageViews: record.pageViews,
    }),
  };

  const genesys: GenesysFn = (type, name, payload, onResolve, onReject) => {
    if (type === 'subscribe') {
      const cb = payload as Callback;
      if (typeof cb !== 'function') return;
      record.subscriptions++;
      subscribe(name, cb);
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
        send: (text) => void texts.sendText(text).catch(() => undefined),
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
})();
