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
  refreshExpiresAt: number;
  revoked: boolean;
  /** Ids of the JWTs issued for this session, and those expired early by the admin control. */
  readonly jtis: Set<string>;
  readonly expiredJtis: Set<string>;
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
  create(init: Omit<AuthSession, 'id' | 'refreshExpiresAt' | 'revoked' | 'jtis' | 'expiredJtis'>): {
    session: AuthSession;
    refreshToken: string;
  } {
    const session: AuthSession = {
      ...init,
      id: randomUUID(),
      refreshExpiresAt: this.now() + this.refreshTtlMs,
      revoked: false,
      jtis: new Set(),
      expiredJtis: new Set(),
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

  /** Records a JWT issued for the session (its `jti`). */
  issued(id: string, jti: string): void {
    this.byId.get(id)?.jtis.add(jti);
  }

  /** Whether the admin control expired this JWT early. */
  expiredEarly(session: AuthSession, jti: string | undefined): boolean {
    return jti !== undefined && session.expiredJtis.has(jti);
  }

  /**
   * EMULATOR-ONLY admin control: every JWT issued so far to the live sessions (of `sub` when given)
   * counts as expired now; with `refreshTokens` their refresh tokens expire too. Returns how many
   * sessions it touched.
   */
  expire(sub: string | undefined, refreshTokens: boolean): number {
    let count = 0;
    for (const session of this.byId.values()) {
      if (session.revoked || (sub !== undefined && session.sub !== sub)) continue;
      for (const jti of session.jtis) session.expiredJtis.add(jti);
      session.jtis.clear();
      if (refreshTokens) session.refreshExpiresAt = this.now();
      count++;
    }
    return count;
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
