import type { NgZone } from '@angular/core';
import { runGenesysCommand } from '../messenger/genesys-command';
import { genesysEventDispatcher } from '../messenger/genesys-event-dispatcher';
import type { GenesysEventEnvelope, GenesysWindow } from '../messenger/genesys-global';

/** What the channel needs from the engine. */
export interface MessengerChannelHost {
  readonly zone: NgZone;
  readonly document: Document;
  readonly isBrowser: boolean;
  /** Read per command, so an invalid config throws its typed error at the call. */
  timeoutMs(): number;
  /** Aborted when the app is destroyed. */
  readonly signal: AbortSignal;
}

/**
 * The engine's one path to Messenger: commands and event listeners. Both run outside the zone,
 * so Genesys' own timers and callbacks never trigger change detection; the engine re-enters the
 * zone (`enterZone`) only where it changes state a template shows.
 */
export class MessengerChannel {
  /** `*.ready` events seen so far: a plugin that was ready before `Readiness` listened. */
  private readonly seenReady = new Set<string>();

  constructor(private readonly host: MessengerChannelHost) {}

  /** Bound (an arrow), so the seams can take it as a plain `CommandRunner`. */
  readonly command = (name: string, payload: object): Promise<unknown> => {
    const ms = this.host.timeoutMs();
    const win = this.host.document.defaultView as GenesysWindow;
    return this.host.zone.runOutsideAngular(() =>
      runGenesysCommand(win, name, payload, ms, this.host.signal),
    );
  };

  /** Registers with the page's one dispatcher, outside the zone; returns the removal. Bound. */
  readonly listen = (
    name: string,
    listener: (envelope: GenesysEventEnvelope) => void,
  ): (() => void) => {
    if (!this.host.isBrowser) return () => undefined;
    return this.host.zone.runOutsideAngular(() =>
      this.dispatcher().listen(name, (envelope) => {
        if (name.endsWith('.ready')) this.seenReady.add(name);
        listener(envelope);
      }),
    );
  };

  hasSeen(name: string): boolean {
    return this.seenReady.has(name);
  }

  attach(): void {
    return this.dispatcher().attach();
  }

  private dispatcher(): ReturnType<typeof genesysEventDispatcher> {
    return genesysEventDispatcher(this.host.document.defaultView as GenesysWindow);
  }
}
