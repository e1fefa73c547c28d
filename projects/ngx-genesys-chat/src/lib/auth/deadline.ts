import type { GenesysChatError } from '../errors/genesys-chat-error';

/**
 * Settles like `promise`, or rejects with `onTimeout()` after `ms`. The timer is always cleared,
 * and a late outcome after the deadline is consumed, so it is never an unhandled rejection.
 */
export function withDeadline<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => GenesysChatError,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (reason: unknown) => {
        clearTimeout(timer);
        reject(reason);
      },
    );
  });
}
