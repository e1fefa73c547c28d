import type { GenesysLoadStrategy } from '../config/genesys-chat-config';

const INTERACTION_EVENTS = ['pointerdown', 'keydown', 'touchstart'] as const;

/**
 * Arranges for `load` to run according to the strategy and returns a teardown that removes every
 * listener and timer it set. `load` runs at most once.
 * - `idle` waits for the window's load event, then for an idle period (or 4 s at most), so the
 *   Messenger script never competes with the page's own resources; a first interaction loads it sooner.
 */
export function scheduleLoad(
  strategy: GenesysLoadStrategy,
  win: Window,
  load: () => void,
): () => void {
  const teardowns: (() => void)[] = [];
  let fired = false;
  const fire = () => {
    if (fired) return;
    fired = true;
    teardown();
    load();
  };
  const teardown = () => teardowns.splice(0).forEach((t) => t());

  if (strategy === 'eager') {
    fire();
    return teardown;
  }
  if (strategy === 'manual') return teardown;

  for (const type of INTERACTION_EVENTS) {
    win.document.addEventListener(type, fire, { capture: true, passive: true });
    teardowns.push(() => win.document.removeEventListener(type, fire, { capture: true }));
  }
  if (strategy === 'idle') {
    const whenIdle = () => {
      if (typeof win.requestIdleCallback === 'function') {
        const handle = win.requestIdleCallback(fire, { timeout: 4000 });
        teardowns.push(() => win.cancelIdleCallback(handle));
      } else {
        const handle = win.setTimeout(fire, 1);
        teardowns.push(() => win.clearTimeout(handle));
      }
    };
    if (win.document.readyState === 'complete') whenIdle();
    else {
      win.addEventListener('load', whenIdle, { once: true });
      teardowns.push(() => win.removeEventListener('load', whenIdle));
    }
  }
  return teardown;
}
