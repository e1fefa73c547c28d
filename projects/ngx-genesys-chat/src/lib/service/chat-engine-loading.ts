import {
  EnvironmentInjector,
  PLATFORM_ID,
  PendingTasks,
  inject,
  runInInjectionContext,
} from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { NEVER, type Observable, defer, switchMap, throwError } from 'rxjs';
import { invalidConfig } from '../errors/invalid-config';
import { notBrowser } from '../errors/not-browser';
import { ɵGENESYS_CHAT_ENGINE, ɵGENESYS_CHAT_PENDING_TASKS } from '../config/genesys-chat-feature';
import type { ChatEngine, ChatEngineHost } from './chat-engine';
import type { ChatServiceState } from './chat-service-state';
import type { GenesysChatEvent } from './genesys-chat-types';
import { ɵGENESYS_CHAT_TELEMETRY } from '../telemetry/telemetry-token';
import type { GenesysChatOperation } from '../telemetry/telemetry-types';

/** A driver without Messenger's panel (withMessagingWidget) cannot open, close or show a launcher. */
export function noPanel(call: string) {
  return invalidConfig(
    'driver',
    `${call} needs the Genesys Messenger driver; the configured chat driver has no Messenger panel or launcher.`,
  );
}

/**
 * The service's private plumbing: imports the engine on first use (so a page pays for it only
 * once chat is wanted), composes `ready$` / `events$` over it, and counts each call as a pending
 * task where tests ask for it. Construct in an injection context.
 */
export class ChatEngineLoading {
  private readonly injector = inject(EnvironmentInjector);
  private readonly isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
  private readonly pendingTasks = inject(ɵGENESYS_CHAT_PENDING_TASKS) ? inject(PendingTasks) : null;
  /** Only with `withChatTelemetry()`; without it no telemetry code is in the app. */
  private readonly telemetry = inject(ɵGENESYS_CHAT_TELEMETRY, { optional: true });
  private engineLoad: Promise<ChatEngine> | null = null;

  constructor(private readonly state: ChatServiceState) {}

  /** `ready$`: subscribing starts the load; `NOT_BROWSER` at once on the server. */
  ready$(): Observable<void> {
    return this.isBrowser ? this.fromEngine((engine) => engine.ready$) : throwError(notBrowser);
  }

  /** `events$`: the engine's events once it is loaded; silent on the server. */
  events$(): Observable<GenesysChatEvent> {
    return this.isBrowser ? this.fromEngine((engine) => engine.events$) : NEVER;
  }

  /** One of the engine's streams once the engine is loaded; nothing is loaded before a subscriber. */
  private fromEngine<T>(pick: (engine: ChatEngine) => Observable<T>): Observable<T> {
    return defer(() => this.engine()).pipe(switchMap(pick));
  }

  /** Runs `run` on the engine only if it is loaded or loading: never loads it. */
  ifLoaded(run: (engine: ChatEngine) => void): void {
    this.engineLoad?.then(run, () => undefined);
  }

  /** Runs `run` on the engine, as one pending task; an `operation` is reported to the telemetry. */
  withEngine<T>(
    run: (engine: ChatEngine) => Promise<T>,
    operation?: GenesysChatOperation,
  ): Promise<T> {
    const call = this.track(async () => run(await this.engine()));
    return operation && this.telemetry ? this.telemetry.track(operation, call) : call;
  }

  engine(): Promise<ChatEngine> {
    if (!this.isBrowser) return Promise.reject(notBrowser());
    // The driver: Genesys Messenger by default, or one a feature provides (withMessagingWidget).
    const loader =
      this.injector.get(ɵGENESYS_CHAT_ENGINE, null) ??
      (() =>
        import('./genesys-chat-engine').then(
          (m) => (h: ChatEngineHost) => new m.GenesysChatEngine(h),
        ));
    return (this.engineLoad ??= this.track(loader).then((create) => {
      // A dead app gets no engine: its promises simply never settle.
      if (this.state.destroyed) return new Promise<never>(() => undefined);
      return runInInjectionContext(this.injector, () => create(this.state.host));
    }));
  }

  /** In tests that ask for it (ɵGENESYS_CHAT_PENDING_TASKS), a call is a pending task for whenStable(). */
  private async track<T>(run: () => Promise<T>): Promise<T> {
    const done = this.pendingTasks?.add();
    try {
      return await run();
    } finally {
      done?.();
    }
  }
}
