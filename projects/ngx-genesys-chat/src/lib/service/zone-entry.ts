import type { NgZone } from '@angular/core';

/**
 * The one way back into Angular's zone: Genesys callbacks, timers and listeners run outside it (so
 * they never hold the app unstable), and everything a template or subscriber sees is delivered
 * inside it, so zone.js apps re-render. A no-op wrapper in zoneless apps.
 */
export function enterZone<A extends unknown[], R = void>(
  zone: NgZone,
  fn: (...args: A) => R,
): (...args: A) => R {
  return (...args: A) => zone.run(() => fn(...args));
}
