import type { NgZone } from '@angular/core';
import { Observable } from 'rxjs';
import type { GenesysEventEnvelope } from '../messenger/genesys-global';
import type { ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import { genesysEventsFor } from './genesys-events';
import type { GenesysChatEvent } from './genesys-chat-types';
import { enterZone } from './zone-entry';

/** `ready$`: one emission when Messenger is ready, delivered inside the zone so templates update. */
export function readyStream(zone: NgZone, current: () => Promise<void>): Observable<void> {
  return new Observable<void>((subscriber) => {
    current().then(
      enterZone(zone, () => (subscriber.next(), subscriber.complete())),
      enterZone(zone, (error: unknown) => subscriber.error(error)),
    );
  });
}

/** What `events$` needs from the engine. */
export interface EventStreamHost {
  readonly zone: NgZone;
  /** Read at subscription: no mode (invalid config) means no Genesys rows. */
  mode(): ResolvedGenesysChatConfig['mode'] | undefined;
  listen(name: string, listener: (envelope: GenesysEventEnvelope) => void): () => void;
  /** Events the library itself raises (not Genesys'). */
  readonly own: Observable<GenesysChatEvent>;
  /** Registers a teardown for app destruction; returns its removal. */
  onDestroy(teardown: () => void): () => void;
}

/**
 * `events$`: the event table's rows for the mode, merged with the library's own events, inside
 * the zone. Completes when the app is destroyed; each subscriber removes its own listeners.
 */
export function eventStream(host: EventStreamHost): Observable<GenesysChatEvent> {
  return new Observable<GenesysChatEvent>((sub) => {
    const mode = host.mode();
    const rows = mode ? genesysEventsFor(mode) : []; // silent until the config is fixed
    const next = enterZone(host.zone, (event: GenesysChatEvent) => sub.next(event));
    const offs = rows.map((row) => host.listen(row.genesys, (e) => next(row.toEvent(e))));
    const own = host.own.subscribe(next);
    offs.push(() => own.unsubscribe());
    const removeComplete = host.onDestroy(() => sub.complete());
    return () => (removeComplete(), offs.forEach((off) => off()));
  });
}
