import type { CustomAttributes } from '../attributes/build-attributes';

/**
 * What the ordering model needs from a driver. The Messenger driver writes with `Database.remove`
 * and `Database.set`; the widget driver has no Database, so its write is a no-op and the attributes
 * travel with the start.
 */
export interface AttributeDriver {
  /**
   * Makes the target hold exactly `to`. `from` is what it is known to hold (every key of `from` is
   * in `to`), or null when that is unknown: then the whole map is replaced.
   */
  write(from: CustomAttributes | null, to: CustomAttributes): Promise<void>;
  /** Loads the target until chats can be opened (joins a load under way, retries a failed one). */
  load(): Promise<void>;
}

/** What a destroyed app's calls get: nothing settles, so nothing runs for a dead app. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

export function sameMap(a: CustomAttributes, b: CustomAttributes): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key]);
}
