import type { NgZone } from '@angular/core';
import { Observable } from 'rxjs';

/**
 * Subscribes outside Angular's zone (so Genesys callbacks and timers never keep the app unstable,
 * which would delay hydration) and delivers every notification back inside it, so templates update
 * under zone.js. Under zoneless change detection NgZone is a no-op and this costs nothing.
 */
export function outsideZoneDeliverInside<T>(zone: NgZone) {
  return (source: Observable<T>): Observable<T> =>
    new Observable<T>((subscriber) =>
      zone.runOutsideAngular(() =>
        source.subscribe({
          next: (value) => zone.run(() => subscriber.next(value)),
          error: (error: unknown) => zone.run(() => subscriber.error(error)),
          complete: () => zone.run(() => subscriber.complete()),
        }),
      ),
    );
}
