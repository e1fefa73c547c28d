import { commandRejected, commandTimeout } from '../errors/errors';
import type { GenesysWindow } from './genesys-global';

/**
 * `Genesys('command', name, payload, onResolve, onReject)` as a promise with a deadline.
 * Rejects with `COMMAND_REJECTED` (Genesys' reason attached) or `COMMAND_TIMEOUT`; the timer is
 * always cleared, and a late answer after the deadline is ignored. When `signal` aborts (the app is
 * destroyed) the timer is cleared and the promise is left unsettled, so nothing runs for a dead app.
 */
export function runGenesysCommand(
  win: GenesysWindow,
  name: string,
  payload: object,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(
      () => finish(() => reject(commandTimeout(name, timeoutMs))),
      timeoutMs,
    );
    const abandon = () => finish(() => undefined);
    signal?.addEventListener('abort', abandon, { once: true });
    function finish(action: () => void): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abandon);
      if (!signal?.aborted) action();
    }
    if (signal?.aborted) {
      abandon();
      return;
    }
    // Looked up on every call: the bootstrap replaces the snippet's stub with the real function.
    const genesys = win.Genesys;
    if (typeof genesys !== 'function') {
      finish(() => reject(commandRejected(name, 'window.Genesys is not installed')));
      return;
    }
    try {
      genesys(
        'command',
        name,
        payload,
        (value) => finish(() => resolve(value)),
        (reason) => finish(() => reject(commandRejected(name, reason))),
      );
    } catch (thrown) {
      finish(() => reject(commandRejected(name, thrown)));
    }
  });
}
