export { MAX_CUSTOM_ATTRIBUTE_BYTES } from './limits';

/** Keys must be identifier-like so they read the same in Architect's Get Participant Data. */
export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Keys that would reach Object.prototype when a consumer merges attribute maps. */
export const FORBIDDEN_ATTRIBUTE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export const MAX_CUSTOMER_ID_LENGTH = 256;

// C0 and C1 control characters, DEL included.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      bytes += 4;
      i++;
    } else bytes += 3; // a lone surrogate is encoded as U+FFFD, which is 3 bytes
  }
  return bytes;
}
