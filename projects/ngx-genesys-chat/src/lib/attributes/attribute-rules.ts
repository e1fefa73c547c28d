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

/**
 * Refused in every attribute value: control characters (ESC sequences, CR/LF forge lines in logs and
 * terminals), line and paragraph separators (line breaks in JSON viewers and JavaScript), and the
 * bidirectional embeddings, overrides and isolates that make text display in another order than it
 * is stored ("Trojan Source"). Bidi marks (LRM, RLM, ALM) stay allowed: right-to-left text needs them.
 */
export const FORBIDDEN_VALUE_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Refused in the CRM id on top of that: characters that display as nothing (zero-width, format and
 * other default-ignorable characters, Hangul fillers, the braille blank), so two ids that look the
 * same on an agent's screen are the same id.
 */
export const INVISIBLE_CHARACTERS = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
export const ONLY_INVISIBLE_CHARACTERS =
  /^[\p{Cf}\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]+$/u;

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
