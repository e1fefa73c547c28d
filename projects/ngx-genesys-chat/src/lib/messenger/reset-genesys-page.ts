import type { GenesysWindow } from './genesys-global';
import { pageStates } from './page-state';

/**
 * Forgets everything this library and Genesys left on a page: the global, the stub's name, the
 * bootstrap script, the event dispatcher and the load record. Tests that share one jsdom window
 * call it between cases (`provideGenesysChatTesting` does). Never needed in an app.
 */
export function ɵresetGenesysPage(win: GenesysWindow): void {
  delete win.Genesys;
  delete win._genesysJs;
  win.document.head.querySelectorAll('script[src*="genesys"]').forEach((s) => s.remove());
  pageStates.delete(win);
}
