import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries the admin token on `/emulator/*` requests. */
export const TOKEN_HEADER = 'x-emulator-token';

/** Names that always mean this machine. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * Compares two secrets in time that does not depend on where they differ. Both sides are hashed
 * first, so timingSafeEqual always sees equal-length buffers and the length is not leaked either.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The host name of a Host header (`[::1]:8787` → `::1`), lower case; undefined when malformed. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  const m = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h) ?? /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m ? m[1] : undefined;
}

/**
 * DNS rebinding guard: a page on attacker.example whose name was re-pointed at 127.0.0.1 still
 * sends `Host: attacker.example`. Only loopback names, the bind host and configured hosts pass.
 */
export function hostGuard(bindHost: string, extraHosts: readonly string[] = []) {
  const allowed = new Set(
    [...LOOPBACK_NAMES, bindHost.replace(/^\[|\]$/g, ''), ...extraHosts].map((h) =>
      h.toLowerCase(),
    ),
  );
  return (req: IncomingMessage): boolean => {
    const name = hostName(req.headers.host);
    return name !== undefined && allowed.has(name);
  };
}

/** True when the request carries the admin token. */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const given = req.headers[TOKEN_HEADER];
  return typeof given === 'string' && secretsEqual(given, token);
}

/**
 * Admin routes are same-origin only: a browser request whose Origin is not the emulator's own
 * origin (as the Host header, already checked, names it) is refused even before the token.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // curl, Node and same-origin GETs send none
  return origin === `http://${req.headers.host ?? ''}`;
}
