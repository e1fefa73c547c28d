// Authenticated sessions of the emulator's Genesys side: one per successful code exchange, holding
// the verified identity and the opaque refresh token. Tokens are kept only as SHA-256 digests, so a
// dump of this store holds nothing a caller could replay.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface AuthSession {
  readonly id: string;
  readonly deploymentId: string;
  readonly sub: string;
  readonly externalId: string | undefined;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly refreshExpiresAt: number;
  revoked: boolean;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  private readonly byId = new Map<string, AuthSession>();
  private readonly byRefresh = new Map<string, string>();

  constructor(
    private readonly refreshTtlMs: number,
    private readonly now: () => number,
  ) {}

  /** Creates a session and returns it with its refresh token (256 random bits, base64url). */
  create(init: Omit<AuthSession, 'id' | 'refreshExpiresAt' | 'revoked'>): {
    session: AuthSession;
    refreshToken: string;
  } {
    const session: AuthSession = {
      ...init,
      id: randomUUID(),
      refreshExpiresAt: this.now() + this.refreshTtlMs,
      revoked: false,
    };
    const refreshToken = randomBytes(32).toString('base64url');
    this.byId.set(session.id, session);
    this.byRefresh.set(digest(refreshToken), session.id);
    return { session, refreshToken };
  }

  /** The live session a refresh token belongs to, or why not. */
  byRefreshToken(token: string): AuthSession | 'unknown' | 'expired' | 'revoked' {
    const id = this.byRefresh.get(digest(token));
    const session = id ? this.byId.get(id) : undefined;
    if (!session) return 'unknown';
    if (session.revoked) return 'revoked';
    if (session.refreshExpiresAt <= this.now()) return 'expired';
    return session;
  }

  get(id: string): AuthSession | undefined {
    return this.byId.get(id);
  }

  /** Revokes the session: its refresh token and every JWT issued for it stop working. */
  revoke(id: string): boolean {
    const session = this.byId.get(id);
    if (!session || session.revoked) return false;
    // The digest stays mapped so a later refresh is answered "revoked", not "unknown".
    session.revoked = true;
    return true;
  }
}
