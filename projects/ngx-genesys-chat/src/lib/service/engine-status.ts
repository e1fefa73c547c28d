import type { NgZone } from '@angular/core';
import type { ChatEngineHost } from './chat-engine';
import type { GenesysChatStatus } from './genesys-chat-types';
import { enterZone } from './zone-entry';

/**
 * The engine's status transitions (loading, ready, starting, open, failed) in one place, so the
 * rules for `starting` and for the panel's open state are read together. Every change enters
 * the zone, so zone.js apps re-render.
 */
export class EngineStatus {
  private messengerOpen = false;

  /** Publishes a status, inside the zone. */
  readonly set: (status: GenesysChatStatus) => void;

  constructor(
    zone: NgZone,
    /** Read lazily: the engine's host is a constructor parameter. */
    private readonly host: () => ChatEngineHost,
    /** Whether a start is still queued in the ordering model. */
    private readonly isStarting: () => boolean,
  ) {
    this.set = enterZone(zone, (status: GenesysChatStatus) => this.host().setStatus(status));
  }

  /** Messenger became ready: open or ready, then `starting` if a start is still queued. */
  ready(): void {
    this.set(this.messengerOpen ? 'open' : 'ready');
    if (this.isStarting()) this.set('starting');
  }

  /** A start opened Messenger. */
  opened(): void {
    this.messengerOpen = true;
    this.set('open');
  }

  /** The panel opened or closed: ready and open follow it; other statuses stand. */
  openChanged(open: boolean): void {
    this.messengerOpen = open;
    const status = this.host().status();
    if (open && status === 'ready') this.set('open');
    if (!open && status === 'open') this.set('ready');
  }

  /** `starting` from the moment Messenger is ready until the last start settles. */
  track<T>(started: Promise<T>, loaded: boolean): Promise<T> {
    if (loaded) this.set('starting');
    started.catch(() => {
      if (!this.isStarting() && this.host().status() === 'starting') {
        this.set(this.messengerOpen ? 'open' : 'ready');
      }
    });
    return started;
  }
}
