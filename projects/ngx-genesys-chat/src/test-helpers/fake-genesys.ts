import { FakeGenesys as InMemoryGenesys } from 'ngx-genesys-chat/testing';
import type { GenesysWindow } from '../lib/messenger/genesys-global';
import { ɵresetGenesysPage } from '../lib/messenger/reset-genesys-page';

/**
 * The public in-memory Genesys, plus the one thing the library's own loader tests need: control
 * of the `<script>` element the real loader injects. jsdom never fetches it, so a test decides
 * when it loads (`bootstrap()`) or fails (`failScript()`).
 */
export class FakeGenesys extends InMemoryGenesys {
  constructor(private readonly page: GenesysWindow = window as GenesysWindow) {
    super(page);
  }

  /** The `<script>` the library injected, if any. */
  get script(): HTMLScriptElement | null {
    return this.page.document.head.querySelector('script[src*="genesys"]');
  }

  /** The script loads: the bootstrap takes over `window.Genesys`, then the element fires `load`. */
  override bootstrap(): void {
    super.bootstrap();
    this.script?.dispatchEvent(new Event('load'));
  }

  /** Simulates a 404, a network error or a blocked script. */
  failScript(): void {
    this.script?.dispatchEvent(new Event('error'));
  }

  publish(event: string, data: unknown): void {
    this.emit(event, data);
  }
}

/** Removes every trace of Genesys from the shared jsdom window between tests. */
export function resetGenesysPage(win: GenesysWindow = window as GenesysWindow): void {
  win.document.head.querySelectorAll('script').forEach((s) => s.remove());
  win.sessionStorage.clear();
  ɵresetGenesysPage(win);
}
