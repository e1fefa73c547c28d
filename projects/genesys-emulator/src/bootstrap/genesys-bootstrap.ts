/*
 * genesys-emulator: a stand-in for Genesys' genesys.min.js, served at /genesys-bootstrap/genesys.min.js.
 * It takes over the deployment snippet's stub the way the real bootstrap does (reads _genesysJs,
 * drains Genesys.q in order, replaces the function), implements the documented command and event
 * subset, draws a minimal Messenger panel with DOM APIs only, and talks to the emulator over the
 * Guest API WebSocket. Custom attributes travel only with the customer's next message, in
 * message.channel.metadata.customAttributes, as on the real platform.
 */
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
  interface Frame {
    type: 'response' | 'message';
    class: string;
    code: number;
    body: unknown;
    tracingId?: string;
  }
  interface Faults {
    neverReady?: 'Database' | 'Messenger' | 'all' | false;
    databaseSetRejected?: boolean;
    databaseSetNoAnswer?: boolean;
    messengerOpenRejected?: boolean;
  }
  interface Pending {
    resolve: (frame: Frame) => void;
    reject: (reason: unknown) => void;
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
  /** For tests and benchmarks: every command received (with its performance.now() time) and the subscription count. */
  const record = { commands: [] as { name: string; at: number }[], subscriptions: 0 };
  Object.defineProperty(window, 'genesysEmulator', { value: record, configurable: true });
  const published = new Map<string, Envelope>();
  const database: { messaging: { customAttributes: Record<string, string> } } & Record<
    string,
    unknown
  > = {
    messaging: { customAttributes: {} },
  };
  let attributesPending = false;
  let headless = false;
  let socket: WebSocket | null = null;
  let session: Promise<void> | null = null;
  let hadSession = false;
  let conversationActive = false;
  const pending = new Map<string, Pending>();
  const clearWaiters: (() => void)[] = [];
  let resolveDatabase: () => void = () => undefined;
  const databaseReady = new Promise<void>((resolve) => (resolveDatabase = resolve));
  let resolveMessaging: () => void = () => undefined;
  const messagingReady = new Promise<void>((resolve) => (resolveMessaging = resolve));
  let ui: ReturnType<typeof buildUi> | null = null;

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

  const commands: Record<string, (payload: Record<string, unknown>) => Promise<unknown>> = {
    'Database.set': (p) => writeDatabase(p, 'set'),
    'Database.update': (p) => writeDatabase(p, 'update'),
    'Database.get': async (p) => {
      await databaseReady;
      return typeof p['name'] === 'string' ? readPath(p['name']) : clone(database);
    },
    'Database.remove': async (p) => {
      await databaseReady;
      if (p['name'] === 'messaging.customAttributes') database.messaging.customAttributes = {};
      else if (typeof p['name'] === 'string') removePath(p['name']);
      attributesPending = false;
      publish('Database.removed', clone(database));
      return clone(database);
    },
    'Messenger.open': async () => {
      await messagingReady;
      if (headless) throw 'Messenger user interface must be enabled to use Messenger.open';
      if ((await faults()).messengerOpenRejected) throw 'Messenger.open rejected (emulator fault)';
      ui?.show();
      publish('Messenger.opened');
      return {};
    },
    'Messenger.close': async () => {
      await messagingReady;
      ui?.hide();
      publish('Messenger.closed');
      return {};
    },
    'Launcher.show': async () => {
      ui?.launcher(true);
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
      await connect();
      const cleared = new Promise<void>((resolve) => clearWaiters.push(resolve));
      sendFrame(
        { type: 'Event', events: [{ eventType: 'Presence', presence: { type: 'Clear' } }] },
        uuid(),
      );
      await cleared;
      return {};
    },
  };

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
    if (type !== 'command') return;
    record.commands.push({ name, at: performance.now() });
    const handler = commands[name];
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
    };
    if (deployment.status !== 'Active') {
      console.warn('[genesys-emulator] deployment is inactive; Messenger stays off');
      return;
    }
    headless = !!deployment.headlessMode?.enabled;
    const f = await faults();
    const never = f.neverReady;
    if (never !== 'Database' && never !== 'all') {
      resolveDatabase();
      publish('Database.ready');
    }
    if (!headless) {
      ui = buildUi();
      publish('Launcher.ready');
      publish('Conversations.ready');
    }
    resolveMessaging();
    if (never !== 'all') publish('MessagingService.ready');
    if (!headless && never !== 'Messenger' && never !== 'all') publish('Messenger.ready');
    log('ready', { headless });
  }

  async function faults(): Promise<Faults> {
    try {
      const r = await fetch(`${base}/emulator/faults/${encodeURIComponent(deploymentId)}`);
      return r.ok ? ((await r.json()) as Faults) : {};
    } catch {
      return {};
    }
  }

  async function writeDatabase(
    payload: Record<string, unknown>,
    mode: 'set' | 'update',
  ): Promise<unknown> {
    await databaseReady;
    const f = await faults();
    if (f.databaseSetNoAnswer) return new Promise(() => undefined);
    if (f.databaseSetRejected) throw `Database.${mode} rejected (emulator fault)`;
    const messaging = payload['messaging'] as
      { customAttributes?: Record<string, string> } | undefined;
    if (messaging?.customAttributes && typeof messaging.customAttributes === 'object') {
      database.messaging.customAttributes = {
        ...database.messaging.customAttributes,
        ...messaging.customAttributes,
      };
      attributesPending = true;
    }
    for (const [key, value] of Object.entries(payload)) {
      if (key !== 'messaging')
        database[key] = mode === 'update' ? deepMerge(database[key], value) : value;
    }
    publish('Database.updated', clone(database));
    return clone(database);
  }

  function connect(): Promise<void> {
    if (session) return session;
    const tokenKey = `genesys-emulator:token:${deploymentId}`;
    let token = localStorage.getItem(tokenKey);
    if (!token) {
      token = uuid();
      localStorage.setItem(tokenKey, token);
    }
    const reconnecting = hadSession;
    if (reconnecting) publish('MessagingService.reconnecting');
    const attempt = new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(
        `${base.replace(/^http/, 'ws')}/v1?deploymentId=${encodeURIComponent(deploymentId)}`,
      );
      socket = ws;
      const tracingId = uuid();
      ws.addEventListener('open', () =>
        ws.send(JSON.stringify({ action: 'configureSession', token, deploymentId, tracingId })),
      );
      ws.addEventListener('message', (event) => {
        const frame = JSON.parse(String(event.data)) as Frame;
        if (frame.class === 'SessionResponse' && frame.tracingId === tracingId) {
          const body = frame.body as { connected?: boolean; newSession?: boolean };
          if (!body.connected) {
            reject('Cannot start conversation');
            return;
          }
          hadSession = true;
          publish(reconnecting ? 'MessagingService.reconnected' : 'MessagingService.started', body);
          if (!reconnecting) publish('Conversations.started', body);
          resolve();
          return;
        }
        onFrame(frame);
      });
      ws.addEventListener('close', () => {
        if (socket === ws) socket = null;
        session = null;
        for (const [id, p] of pending) {
          pending.delete(id);
          p.reject({ code: 0, body: 'connection lost' });
        }
        reject('Cannot start conversation');
        publish('MessagingService.offline');
      });
    });
    session = attempt;
    attempt.catch(() => {
      if (session === attempt) session = null;
    });
    return attempt;
  }

  function sendFrame(message: Record<string, unknown>, tracingId: string): void {
    const ws = socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) throw 'Not connected';
    const token = localStorage.getItem(`genesys-emulator:token:${deploymentId}`);
    ws.send(JSON.stringify({ action: 'onMessage', token, tracingId, message }));
  }

  /** Sends one onMessage and waits for the server's answer that carries its tracing id. */
  async function request(message: Record<string, unknown>, expect: string): Promise<Frame> {
    const tracingId = uuid();
    const answer = new Promise<Frame>((resolve, reject) =>
      pending.set(tracingId, { resolve, reject }),
    );
    try {
      sendFrame(message, tracingId);
    } catch (error) {
      pending.delete(tracingId);
      throw error;
    }
    const frame = await answer;
    if (frame.class !== expect) throw { code: frame.code, body: frame.body };
    return frame;
  }

  async function sendText(text: string): Promise<unknown> {
    await connect();
    conversationActive = true;
    const message: Record<string, unknown> = { type: 'Text', text };
    const sending = attributesPending ? { ...database.messaging.customAttributes } : null;
    if (sending && Object.keys(sending).length > 0)
      message['channel'] = { metadata: { customAttributes: sending } };
    publish('MessagingService.sendingMessage', { text });
    try {
      const frame = await request(message, 'StructuredMessage');
      // Like Genesys' own clients: attributes count as sent once the server echoed the message.
      if (sending) attributesPending = false;
      return frame.body;
    } catch (error) {
      const err = error as { code?: number; body?: unknown };
      publish('MessagingService.error', { error: { code: err.code, body: err.body } });
      ui?.note(`Not sent (${err.code ?? 'error'})`);
      throw error;
    }
  }

  function onFrame(frame: Frame): void {
    const waiting = frame.tracingId ? pending.get(frame.tracingId) : undefined;
    if (waiting) {
      pending.delete(frame.tracingId!);
      waiting.resolve(frame);
    }
    if (frame.class === 'StructuredMessage' && frame.type === 'message') {
      const body = frame.body as { text?: string; direction?: string; type?: string };
      publish('MessagingService.messagesReceived', {
        messages: [{ ...(frame.body as object), tracingId: frame.tracingId }],
      });
      if (body.type === 'Text' && typeof body.text === 'string')
        ui?.add(body.direction === 'Outbound' ? 'Outbound' : 'Inbound', body.text);
    } else if (frame.class === 'SessionClearedEvent') {
      conversationActive = false;
      clearWaiters.splice(0).forEach((resolve) => resolve());
      ui?.clear();
      publish('MessagingService.conversationCleared');
      publish('Conversations.closed');
    } else if (
      !waiting &&
      (frame.class === 'string' || frame.class === 'TooManyRequestsErrorMessage')
    ) {
      publish('MessagingService.error', { error: { code: frame.code, body: frame.body } });
    }
  }

  function buildUi() {
    const root = document.createElement('section');
    root.id = 'genesys-emulator-messenger';
    root.setAttribute('aria-label', 'Messenger');
    Object.assign(root.style, {
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      width: '300px',
      height: '380px',
      display: 'none',
      flexDirection: 'column',
      background: '#fff',
      border: '1px solid #c9d3e3',
      borderRadius: '10px',
      boxShadow: '0 6px 24px #0003',
      font: '14px system-ui, sans-serif',
      zIndex: '2147483000',
      overflow: 'hidden',
    });
    const header = document.createElement('header');
    Object.assign(header.style, {
      background: '#2d6cdf',
      color: '#fff',
      padding: '10px 12px',
      display: 'flex',
      justifyContent: 'space-between',
    });
    const title = document.createElement('strong');
    title.textContent = 'Messenger (emulator)';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Close Messenger');
    Object.assign(close.style, {
      background: 'none',
      border: '0',
      color: '#fff',
      fontSize: '18px',
      cursor: 'pointer',
    });
    close.addEventListener('click', () => genesys('command', 'Messenger.close', {}));
    header.append(title, close);
    const list = document.createElement('div');
    list.setAttribute('role', 'log');
    Object.assign(list.style, {
      flex: '1',
      overflowY: 'auto',
      padding: '10px',
      display: 'flex',
      flexDirection: 'column',
      gap: '6px',
    });
    const form = document.createElement('form');
    Object.assign(form.style, {
      display: 'flex',
      gap: '6px',
      padding: '8px',
      borderTop: '1px solid #e3e8f0',
    });
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Type a message');
    input.placeholder = 'Type a message';
    Object.assign(input.style, { flex: '1', padding: '6px 8px' });
    const send = document.createElement('button');
    send.type = 'submit';
    send.textContent = 'Send';
    form.append(input, send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value;
      if (!text.trim()) return;
      input.value = '';
      sendText(text).catch(() => undefined);
    });
    const launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.textContent = 'Chat';
    launcher.setAttribute('aria-label', 'Open Messenger');
    Object.assign(launcher.style, {
      position: 'fixed',
      right: '16px',
      bottom: '16px',
      display: 'none',
      zIndex: '2147483000',
    });
    launcher.addEventListener('click', () => genesys('command', 'Messenger.open', {}));
    root.append(header, list, form);
    document.body.append(root, launcher);

    const bubble = (direction: 'Inbound' | 'Outbound' | 'note', text: string) => {
      const item = document.createElement('div');
      item.className = `genesys-emulator-${direction.toLowerCase()}`;
      item.textContent = text; // message text is never parsed as HTML
      Object.assign(item.style, {
        alignSelf: direction === 'Inbound' ? 'flex-end' : 'flex-start',
        background:
          direction === 'Inbound'
            ? '#2d6cdf'
            : direction === 'Outbound'
              ? '#eef2f8'
              : 'transparent',
        color: direction === 'Inbound' ? '#fff' : direction === 'note' ? '#b3261e' : '#1d2533',
        padding: '6px 10px',
        borderRadius: '12px',
        maxWidth: '80%',
        overflowWrap: 'anywhere',
      });
      list.append(item);
      list.scrollTop = list.scrollHeight;
    };
    return {
      show: () => {
        root.style.display = 'flex';
        input.focus();
      },
      hide: () => (root.style.display = 'none'),
      launcher: (visible: boolean) => (launcher.style.display = visible ? 'block' : 'none'),
      add: (direction: 'Inbound' | 'Outbound', text: string) => bubble(direction, text),
      note: (text: string) => bubble('note', text),
      clear: () => list.replaceChildren(),
    };
  }

  function readPath(path: string): unknown {
    let value: unknown = database;
    for (const part of path.split('.'))
      value =
        value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    return clone(value);
  }

  function removePath(path: string): void {
    const parts = path.split('.');
    const last = parts.pop()!;
    let target: unknown = database;
    for (const part of parts)
      target =
        target && typeof target === 'object'
          ? (target as Record<string, unknown>)[part]
          : undefined;
    if (target && typeof target === 'object') delete (target as Record<string, unknown>)[last];
  }

  function deepMerge(into: unknown, from: unknown): unknown {
    if (
      !from ||
      typeof from !== 'object' ||
      Array.isArray(from) ||
      !into ||
      typeof into !== 'object'
    )
      return from;
    const out: Record<string, unknown> = { ...(into as Record<string, unknown>) };
    for (const [k, v] of Object.entries(from)) out[k] = deepMerge(out[k], v);
    return out;
  }

  function clone<T>(value: T): T {
    return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
  }

  function uuid(): string {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
})();
