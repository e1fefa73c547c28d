import type { NgZone } from '@angular/core';
import { diagnose } from '../diagnostics/diagnose';
import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import { notBrowser } from '../errors/not-browser';
import type { ConfigCache } from './config-cache';
import { recordCspViolations, type CspViolation } from './csp-violations';
import { debugLog, warnLoadFailure } from './engine-dev-log';
import type { Readiness } from './readiness';

/** What the diagnostics read from the engine. */
export interface DiagnosticsHost {
  readonly document: Document;
  readonly isBrowser: boolean;
  readonly configs: ConfigCache;
  /** Read lazily: the readiness is built after the diagnostics it reports to. */
  readiness(): Readiness;
}

/**
 * What the engine keeps so that a failure can explain itself: the page's CSP violations since
 * start, `diagnose()`, and the debug log (codes and keys, never values).
 */
export class EngineDiagnostics {
  private readonly cspViolations: CspViolation[] = [];

  constructor(private readonly host: DiagnosticsHost) {}

  /** Records from now on, outside the zone (a violation re-renders nothing); returns the removal. */
  recordCsp(zone: NgZone): () => void {
    return zone.runOutsideAngular(() =>
      recordCspViolations(this.host.document, this.cspViolations),
    );
  }

  async diagnose(): Promise<GenesysDiagnosis> {
    const win = this.host.document.defaultView as (Window & typeof globalThis) | null;
    if (!this.host.isBrowser || !win) throw notBrowser();
    const config = this.host.configs.orNull();
    const readiness = this.host.readiness();
    return diagnose({
      config: this.host.configs.result(),
      scriptState: readiness.scriptState,
      cspViolations: this.cspViolations,
      ready: config ? readiness.missing(config.mode).length === 0 : false,
      fetch: win.fetch.bind(win),
    });
  }

  loadFailed(error: GenesysChatError): void {
    this.log(`load failed: ${error.code}`);
    warnLoadFailure(this.host.document.defaultView, () => this.diagnose());
  }

  log(text: string): void {
    debugLog(this.host.configs.orNull()?.debug, text);
  }
}
