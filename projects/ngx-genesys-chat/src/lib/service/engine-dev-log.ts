import type { GenesysDiagnosis } from '../diagnostics/genesys-diagnosis';

declare const ngDevMode: boolean | undefined;

/** Whether this is a development build: production builds stay silent on the console. */
export function isDevBuild(): boolean {
  return typeof ngDevMode === 'undefined' || ngDevMode;
}

/** Logs only codes and attribute keys, never values, and only when `debug` is on. */
export function debugLog(debug: boolean | undefined, text: string): void {
  if (debug) console.debug(`[ngx-genesys-chat] ${text}`);
}

/**
 * In development builds a failed load explains itself on the console: the findings of
 * `diagnose()` as warnings (codes and fixes, never values). Needs `fetch`; silent without it.
 */
export function warnLoadFailure(
  win: Window | null,
  diagnosis: () => Promise<GenesysDiagnosis>,
): void {
  if (!isDevBuild()) return;
  if (typeof win?.fetch !== 'function') return;
  diagnosis().then(
    (d) =>
      d.findings.forEach((f) =>
        console.warn(`[ngx-genesys-chat] ${f.code}: ${f.message} Fix: ${f.fix}`),
      ),
    () => undefined,
  );
}
