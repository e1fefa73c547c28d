import type { NgZone } from '@angular/core';
import { Observable, timeout } from 'rxjs';
import type { GenesysChatMode, ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import { readyTimeout } from '../errors/errors';
import { notBrowser } from '../errors/not-browser';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import type { GenesysLoader } from '../messenger/genesys-loader';
import { readyEventsFor } from './genesys-events';

export type ScriptState = 'none' | 'loading' | 'loaded' | 'failed';

/** What readiness needs from the engine that owns it. */
export interface ReadinessHost {
  readonly isBrowser: boolean;
  readonly zone: NgZone;
  readonly loader: GenesysLoader;
  /** The resolved config; throws INVALID_CONFIG. */
  config(): ResolvedGenesysChatConfig;
  /** Subscribes the page's one dispatcher to the snippet's stub. */
  attach(): void;
  listen(name: string, listener: () => void): () => void;
  hasSeen(name: string): boolean;
  /** Registers a teardown run when the app is destroyed; returns its removal. */
  onDestroy(teardown: () => void): () => void;
  loading(): void;
  ready(): void;
  failed(error: GenesysChatError): void;
}

/**
 * The load attempt: installs the stub, loads the script, and resolves once every ready event has
 * arrived within `readyTimeoutMs` (RxJS `timeout`). One attempt is shared by every caller until
 * it fails; `load()` after a failure starts a fresh one with a fresh script. Left unsettled if the
 * app is destroyed first: its timer is cleared and nothing is left to act on the outcome.
 */
export class Readiness {
  scriptState: ScriptState = 'none';
  /** True once an attempt succeeded (Messenger stays loaded for the page's life). */
  loaded = false;
  private attempt: Promise<void> | null = null;
  private failed = false;
  private retrying = false;

  constructor(private readonly host: ReadinessHost) {}

  /** Joins the attempt under way, or starts one (retrying after a failure). */
  load(): Promise<void> {
    if (this.failed) {
      this.attempt = null;
      this.failed = false;
      this.retrying = true;
    }
    return this.current();
  }

  /** The attempt under way, without retrying a failed one (for `ready$`). */
  current(): Promise<void> {
    if (this.attempt) return this.attempt;
    const attempt = new Promise<void>((resolve, reject) => {
      // Outside the zone so the deadline timer never holds the app unstable (and hydration waiting).
      const subscription = this.host.zone.runOutsideAngular(() =>
        this.readiness().subscribe({
          next: () => {
            this.loaded = true;
            this.host.ready();
            resolve();
          },
          error: (error: GenesysChatError) => {
            this.failed = true;
            this.host.failed(error);
            reject(error);
          },
        }),
      );
      if (!subscription.closed)
        subscription.add(this.host.onDestroy(() => subscription.unsubscribe()));
    });
    // Callers handle the outcome; this keeps an unobserved failure from being reported as unhandled.
    attempt.catch(() => undefined);
    return (this.attempt = attempt);
  }

  /** The ready events not seen yet. */
  missing(mode: GenesysChatMode): string[] {
    return readyEventsFor(mode).filter((name) => !this.host.hasSeen(name));
  }

  private readiness(): Observable<void> {
    const started = new Observable<void>((subscriber) => {
      if (!this.host.isBrowser) throw notBrowser();
      const config = this.host.config();
      this.host.loading();
      this.host.loader.installStub(config);
      this.host.attach();
      this.scriptState = 'loading';
      this.host.loader.loadScript(config, this.retrying).then(
        () => (this.scriptState = 'loaded'),
        (error: unknown) => {
          this.scriptState = 'failed';
          subscriber.error(error);
        },
      );
      this.retrying = false;
      const needed = readyEventsFor(config.mode);
      const seen = new Set<string>();
      const offs = needed.map((name) =>
        this.host.listen(name, () => {
          seen.add(name);
          if (seen.size < needed.length) return;
          subscriber.next();
          subscriber.complete();
        }),
      );
      return () => offs.forEach((off) => off());
    });
    let config: ResolvedGenesysChatConfig;
    try {
      config = this.host.config();
    } catch {
      return started; // errors with INVALID_CONFIG on subscription
    }
    const ms = config.readyTimeoutMs;
    return started.pipe(
      timeout({
        first: ms,
        with: () =>
          new Observable<never>((s) => s.error(readyTimeout(ms, this.missing(config.mode)))),
      }),
    );
  }
}
