import {
  DOCUMENT,
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import {
  ɵGENESYS_LOADER as GENESYS_LOADER,
  GenesysChatError,
  type GenesysChatConfig,
  type GenesysChatFeature,
  type ɵGenesysLoader as GenesysLoader,
  type ɵGenesysWindow as GenesysWindow,
  type ResolvedGenesysChatConfig,
  provideGenesysChat,
  ɵinstallGenesysStub,
  ɵresetGenesysPage,
  ɵGENESYS_CHAT_PENDING_TASKS,
} from 'ngx-genesys-chat';
import { FakeGenesys } from './fake-genesys';

/** Options for {@link provideGenesysChatTesting}. */
export interface GenesysChatTestingOptions {
  /** Overrides of the test config. Defaults: a fixed test deployment id, `environment: 'prod'`, `load: 'manual'`. */
  config?: Partial<GenesysChatConfig>;
  /** Publish the ready events as soon as Messenger "loads". Default true; set false to drive readiness with `emitReady()`. */
  autoReady?: boolean;
  /**
   * Features of `provideGenesysChat()` to test with the fake, e.g. `[withRouterContext()]` or
   * `[withChatTelemetry(handler)]`.
   */
  features?: readonly GenesysChatFeature[];
}

/** The deployment id the testing providers use unless told otherwise. */
export const TEST_DEPLOYMENT_ID = '00000000-0000-4000-8000-000000000000';

class FakeGenesysLoader implements GenesysLoader {
  constructor(
    private readonly fake: FakeGenesys,
    private readonly win: GenesysWindow,
    private readonly autoReady: boolean,
  ) {}

  installStub(config: ResolvedGenesysChatConfig): void {
    if (typeof this.win.Genesys !== 'function') ɵinstallGenesysStub(this.win, config);
  }

  loadScript(): Promise<void> {
    if (this.fake.takeLoadFailure()) {
      return Promise.reject(
        new GenesysChatError(
          'SCRIPT_LOAD_FAILED',
          'The Messenger script did not load (FakeGenesys.failLoad()).',
        ),
      );
    }
    this.fake.bootstrap();
    if (this.autoReady) this.fake.emitReady();
    return Promise.resolve();
  }
}

/**
 * Use instead of `provideGenesysChat()` in unit tests: nothing is fetched, `window.Genesys` is an
 * in-memory {@link FakeGenesys} you drive and inspect with `TestBed.inject(FakeGenesys)`, and
 * Genesys state left on the shared jsdom window by an earlier test is cleared first (including a
 * stored identity).
 *
 * Every call into the library is an Angular pending task here, so `await fixture.whenStable()`
 * (and every CDK harness action) waits until the lazily loaded engine and the calls in progress
 * have settled. A call the test holds back (`autoReady: false` before `emitReady()`, or
 * `neverAnswer()`) settles only when released or when the library's own timeout fires: look at
 * the state in between right after the action, then release it and await `whenStable()`.
 */
export function provideGenesysChatTesting(
  options: GenesysChatTestingOptions = {},
): EnvironmentProviders {
  const config = {
    deploymentId: TEST_DEPLOYMENT_ID,
    environment: 'prod',
    load: 'manual',
    ...options.config,
  } as GenesysChatConfig;
  return makeEnvironmentProviders([
    provideEnvironmentInitializer(() =>
      ɵresetGenesysPage(inject(DOCUMENT).defaultView as GenesysWindow),
    ),
    provideGenesysChat(config, ...(options.features ?? [])),
    { provide: ɵGENESYS_CHAT_PENDING_TASKS, useValue: true },
    {
      provide: FakeGenesys,
      useFactory: () => {
        const fake = new FakeGenesys(inject(DOCUMENT).defaultView as GenesysWindow);
        fake.headless = config.mode === 'headless';
        return fake;
      },
    },
    {
      provide: GENESYS_LOADER,
      useFactory: () =>
        new FakeGenesysLoader(
          inject(FakeGenesys),
          inject(DOCUMENT).defaultView as GenesysWindow,
          options.autoReady ?? true,
        ),
    },
  ]);
}
