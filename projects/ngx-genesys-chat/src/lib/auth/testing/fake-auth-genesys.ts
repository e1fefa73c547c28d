/// <reference types="jest" />
/// <reference types="node" />
// Test-only: the library's FakeGenesys plus what authenticated messaging needs, `registerPlugin`
// and Messenger's side of the AuthProvider plugin (reference §2, §4a). Written here because the
// /testing entry is owned elsewhere; the report lists what that FakeGenesys needs to gain.
// Imported by path, not through the 'ngx-genesys-chat/testing' alias, so the docs build (which
// compiles src/** without that alias) resolves it.
import { FakeGenesys } from '../../../../testing/src/fake-genesys';
import type {
  GenesysEventEnvelope,
  GenesysFunction,
  GenesysWindow,
} from '../../messenger/genesys-global';
import type { GenesysPlugin, GenesysPluginCommandEvent } from '../genesys-plugin';

type Listener = (envelope: GenesysEventEnvelope) => void;
type Answer = { kind: 'reject'; reason: unknown } | { kind: 'never' };

/** One plugin registered on the fake page, with what it set up. */
export interface FakeRegisteredPlugin {
  readonly name: string;
  readonly commands: Map<string, (event: GenesysPluginCommandEvent) => void>;
  readonly data: Map<string, unknown>;
  /** Plugin API calls in order: `registerCommand:getAuthCode`, `subscribe:Auth.ready`, `ready`, … */
  readonly calls: string[];
  ready: boolean;
}

export class FakeAuthGenesys extends FakeGenesys {
  /** Every `registerPlugin` the page made, in order (queued ones included, once the script ran). */
  readonly plugins: FakeRegisteredPlugin[] = [];
  /** Commands plugins ran through `plugin.command`, such as `Auth.logout`. */
  readonly pluginCommands: { name: string; options: unknown }[] = [];
  /** Page commands and plugin commands in one order: `Database.remove`, `Auth.logout`, … */
  readonly timeline: string[] = [];
  /** What `data('Auth.authenticated')` answers: Messenger holds tokens. */
  authenticated = false;
  private readonly pluginListeners = new Map<string, Listener[]>();
  private readonly readyEvents = new Map<string, GenesysEventEnvelope>();
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly pageWin: GenesysWindow = window as GenesysWindow) {
    super(pageWin);
  }

  /** The script runs: registrations queued in the stub are taken apart, the rest drains as before. */
  override bootstrap(): void {
    const stub = this.pageWin.Genesys;
    const queued = stub?.q ?? [];
    const isPlugin = (args: IArguments) => args[0] === 'registerPlugin';
    const plugins = queued.filter(isPlugin);
    if (stub) stub.q = queued.filter((args) => !isPlugin(args));
    super.bootstrap();
    const base = this.pageWin.Genesys as GenesysFunction;
    const real = ((type: string, ...rest: unknown[]) => {
      if (type === 'registerPlugin') return this.register(rest[0] as string, rest[1] as never);
      if (type === 'command') this.timeline.push(rest[0] as string);
      return (base as unknown as (...a: unknown[]) => void)(type, ...rest);
    }) as unknown as GenesysFunction;
    real.c = base.c;
    real.t = base.t;
    this.pageWin.Genesys = real;
    for (const args of plugins) this.register(args[1] as string, args[2] as never);
    this.script?.dispatchEvent(new Event('load'));
  }

  /** The `<script>` the library's real loader injected (jsdom never fetches it; `bootstrap()` "loads" it). */
  get script(): HTMLScriptElement | null {
    return this.pageWin.document.head.querySelector('script[src*="genesys"]');
  }

  /** The registered AuthProvider (throws if there is none: a test expecting one should say so). */
  get authProvider(): FakeRegisteredPlugin {
    const found = this.plugins.find((p) => p.name === 'AuthProvider');
    if (!found) throw new Error('No AuthProvider plugin was registered');
    return found;
  }

  /** Messenger's Auth plugin runs `AuthProvider.<name>`; settles as the plugin resolves or rejects. */
  callProvider(name: string, data: unknown = {}): Promise<unknown> {
    const handler = this.authProvider.commands.get(name);
    if (!handler) return Promise.reject(new Error(`AuthProvider has no ${name} command`));
    return new Promise((resolve, reject) => handler({ data, resolve, reject }));
  }

  /** Publishes an `Auth.*` event to plugin subscribers (and page subscribers); `*.ready` replays. */
  emitAuth(event: string, data: unknown = {}): void {
    const envelope: GenesysEventEnvelope = { event, data };
    if (event.endsWith('.ready')) this.readyEvents.set(event, envelope);
    for (const listener of this.pluginListeners.get(event) ?? []) listener(envelope);
    this.emit(event, data);
  }

  /** The next `plugin.command(name)` rejects with `reason`. */
  rejectNextPluginCommand(name: string, reason: unknown): void {
    this.answers.set(name, { kind: 'reject', reason });
  }

  /** `plugin.command(name)` never settles. */
  neverAnswerPluginCommand(name: string): void {
    this.answers.set(name, { kind: 'never' });
  }

  private register(name: string, init: (plugin: GenesysPlugin) => void): void {
    const record: FakeRegisteredPlugin = {
      name,
      commands: new Map(),
      data: new Map(),
      calls: [],
      ready: false,
    };
    this.plugins.push(record);
    const plugin: GenesysPlugin = {
      registerCommand: (command, handler) => {
        record.calls.push(`registerCommand:${command}`);
        record.commands.set(command, handler);
      },
      subscribe: (event, listener) => {
        record.calls.push(`subscribe:${event}`);
        this.pluginListeners.set(event, [...(this.pluginListeners.get(event) ?? []), listener]);
        const replay = this.readyEvents.get(event);
        if (replay) listener(replay);
      },
      data: (...args: [string, unknown?]) => {
        const [key, value] = args;
        record.calls.push(`data:${key}`);
        if (args.length > 1) record.data.set(key, value);
        return key === 'Auth.authenticated' ? this.authenticated : record.data.get(key);
      },
      command: (command, options) => this.pluginCommand(command, options),
      ready: () => {
        record.calls.push('ready');
        record.ready = true;
      },
    };
    init(plugin);
  }

  private pluginCommand(name: string, options: unknown): Promise<unknown> {
    this.pluginCommands.push({ name, options });
    this.timeline.push(name);
    const answer = this.answers.get(name);
    this.answers.delete(name);
    if (answer?.kind === 'never') return new Promise(() => undefined);
    if (answer?.kind === 'reject') return Promise.reject(answer.reason);
    if (name === 'Auth.logout') {
      // DC-auth: the tokens go, the command resolves, then a logout event fires (name UNCONFIRMED).
      this.authenticated = false;
      queueMicrotask(() => this.emitAuth('Auth.loggedOut'));
      return Promise.resolve({});
    }
    if (name === 'MessagingService.joinConversation') return Promise.resolve({});
    return Promise.reject(`Unknown command ${name}`);
  }
}
