/**
 * Everything the verifier prints passes through here. Server data and attribute values are
 * guest-controlled: raw ESC/CR/LF could repaint the terminal (for example forge an "all expected
 * attributes match" line), and bidi overrides could reorder what is shown. Secrets and tokens must
 * never be printed, even when a server echoes them back.
 */

// C0, backslash, DEL, C1, Arabic letter mark, LRM/RLM, line/paragraph separators,
// bidi embeddings/overrides (U+202A-E) and isolates (U+2066-9).
const UNSAFE =
  /[\u0000-\u001f\\\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\\': '\\\\',
};

/**
 * Makes text safe for one terminal line: control and bidi characters become visible escapes
 * (`\x1b`, `\n`, `\u{202e}`), and a literal backslash is doubled so an escape cannot be faked.
 */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    if (NAMED[ch]) return NAMED[ch];
    const code = ch.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

// Credentials that look like credentials even when we did not issue them: an HTTP
// Authorization value, or a JWT. The length floor keeps ordinary words ("Basic plan") intact.
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)(\s+)[A-Za-z0-9\-._~+/]{16,}=*/gi, '$1$2***'],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '***'],
];

/** Collects the secrets of one run (client secret, Basic credentials, access token) and removes them from text. */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined | null): this {
    // Very short values would blank out ordinary text and protect nothing.
    if (typeof secret === 'string' && secret.length >= 4) this.secrets.add(secret);
    return this;
  }

  /** Removes every known secret (raw or already escaped) and anything shaped like a token. */
  apply(text: string): string {
    let out = text;
    // Longest first, so a secret contained in another (the secret inside its Basic form) cannot leave a tail.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join('***');
      const escaped = escapeControl(secret);
      if (escaped !== secret) out = out.split(escaped).join('***');
    }
    for (const [pattern, replacement] of CREDENTIAL_PATTERNS)
      out = out.replace(pattern, replacement);
    return out;
  }

  /** Escaped and redacted: the one way a piece of outside text goes into a message. */
  show(text: string): string {
    return this.apply(escapeControl(text));
  }
}
