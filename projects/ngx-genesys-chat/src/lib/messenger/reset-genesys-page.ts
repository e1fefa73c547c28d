import type { GenesysWindow } from './genesys-global';
import { pageStates } from './page-state';

import { STORAGE_PREFIX } from '../service/storage-prefix';

/**
 * Forgets everything this library and Genesys left on a page: the global, the stub's name, the
 * bootstrap script, the event dispatcher, the load record and the library's sessionStorage keys
 * (the stored identity). Tests that share one jsdom window call it between cases
 * (`provideGenesysChatTesting` does), so a customer identified in one test never reaches the
 * next. Never needed in an app.
 */
export function ɵresetGenesysPage(win: GenesysWindow): void {
  delete win.Genesys;
  delete win._genesysJs;
  win.document.head.querySelectorAll('script[src*="genesys"]').forEach((s) => s.remove());
  pageStates.delete(win);
  clearLibraryStorage(win);
}

/** Only the library's own keys: an app's test may keep its own state in sessionStorage. */
function clearLibraryStorage(win: Window): void {
  try {
    const storage = win.sessionStorage;
    const ours: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(STORAGE_PREFIX)) ours.push(key);
    }
    ours.forEach((key) => storage.removeItem(key));
  } catch {
    // Storage disabled or blocked: the library kept the identity in memory, which a new TestBed drops.
  }
}
