import { CSP_NONCE, DOCUMENT, Injectable, NgZone, inject } from '@angular/core';
import { invalidConfig, scriptLoadFailed } from '../errors/errors';
import type { ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import { type GenesysWindow, installGenesysStub } from './genesys-global';
import { trustedScriptUrl } from './trusted-script-url';
import type { GenesysLoader } from './genesys-loader';

interface PageLoad {
  readonly deploymentId: string;
  readonly url: string;
  script: HTMLScriptElement | null;
  state: 'loading' | 'loaded' | 'failed';
  done: Promise<void>;
}

import { pageState } from './page-state';

// Page-wide, not per injector: two Angular apps on one page share one Messenger, as Genesys requires.
const pageLoads = {
  get: (win: object) => pageState(win).load as PageLoad | undefined,
  set: (win: object, load: PageLoad) => void (pageState(win).load = load),
};

/**
 * Installs the snippet's stub and injects the bootstrap script, once per page.
 * The only piece that touches `<script>` elements; `ngx-genesys-chat/testing` replaces it.
 */
@Injectable({ providedIn: 'root' })
export class GenesysScriptLoader implements GenesysLoader {
  private readonly document = inject(DOCUMENT);
  private readonly nonce = inject(CSP_NONCE, { optional: true });
  private readonly zone = inject(NgZone);

  /** Call synchronously before any `Genesys(...)` call; queued calls wait in `Genesys.q` for the script. */
  installStub(config: ResolvedGenesysChatConfig): void {
    const win = this.window();
    const existing = win.Genesys?.c?.deploymentId;
    const ours = pageLoads.get(win)?.deploymentId;
    const other = [existing, ours].find(
      (id) => id !== undefined && id.toLowerCase() !== config.deploymentId,
    );
    if (other !== undefined) {
      throw invalidConfig(
        'deploymentId',
        'differs from the Messenger deployment already on this page; Genesys supports one deployment per page.',
      );
    }
    if (existing === undefined) {
      installGenesysStub(win, config);
    }
  }

  /**
   * Resolves when the bootstrap script has loaded; rejects with `SCRIPT_LOAD_FAILED`, or with
   * `TRUSTED_TYPES_BLOCKED` when the page's CSP does not allow the library's policy. A failed load
   * is retried; so is one still pending when `retry` is set (a request that hangs may never end).
   */
  loadScript(config: ResolvedGenesysChatConfig, retry = false): Promise<void> {
    const win = this.window();
    const current = pageLoads.get(win);
    if (current && (current.state === 'loaded' || (current.state === 'loading' && !retry)))
      return current.done;
    current?.script?.remove();
    const load: PageLoad = {
      deploymentId: config.deploymentId,
      url: config.scriptUrl,
      script: null,
      state: 'loading',
      done: Promise.resolve(),
    };
    load.done = this.zone.runOutsideAngular(() => this.inject(load));
    pageLoads.set(win, load);
    return load.done;
  }

  private inject(load: PageLoad): Promise<void> {
    const doc = this.document;
    // A page that already carries the deployment snippet needs no second script.
    if (Array.from(doc.scripts).some((s) => s.src === load.url)) {
      load.state = 'loaded';
      return Promise.resolve();
    }
    let src: string;
    try {
      src = trustedScriptUrl(this.window(), load.url);
    } catch (error) {
      // TRUSTED_TYPES_BLOCKED: nothing is injected, and the next load() asks for the policy again.
      load.state = 'failed';
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      const script = doc.createElement('script');
      load.script = script;
      script.async = true;
      script.charset = 'utf-8';
      if (this.nonce) script.setAttribute('nonce', this.nonce);
      // The <script> outlives the app that injected it: whichever event fires, both listeners go,
      // or the one left behind keeps this loader, and the destroyed app's zone, alive.
      const settled = new AbortController();
      script.addEventListener(
        'load',
        () => {
          settled.abort();
          load.state = 'loaded';
          resolve();
        },
        { signal: settled.signal },
      );
      script.addEventListener(
        'error',
        () => {
          settled.abort();
          load.state = 'failed';
          reject(scriptLoadFailed(load.url));
        },
        { signal: settled.signal },
      );
      script.src = src;
      doc.head.appendChild(script);
    });
  }

  private window(): GenesysWindow {
    return this.document.defaultView as GenesysWindow;
  }
}
