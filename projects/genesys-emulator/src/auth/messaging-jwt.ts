// The web-messaging JWT the emulator's Genesys side issues after a code exchange, and its check.
// Signed with the emulator's own ES256 key (never the IdP's). Claims: iss = the emulator, aud = the
// deployment id, sub = the IdP's subject, sid = the authenticated session, external_id when mapped.
// What Genesys really puts in its JWT is not public (UNCONFIRMED, reference §4a); callers should treat
// it as opaque, as Messenger does.
import { randomUUID } from 'node:crypto';
import type { AuthLibs } from './libs';
import type { MessagingKeyPair, VerifyFailure } from './types';

export const MESSAGING_JWT_ALG = 'ES256';
export const MAX_JWT_TTL_SECONDS = 15 * 60;

export interface IssuedClaims {
  readonly sub: string;
  readonly sid: string;
  readonly deploymentId: string;
  readonly externalId: string | undefined;
  /** The JWT id; the session store keeps it so the admin control can expire the JWT early. */
  readonly jti?: string;
}

export type JwtCheck =
  | {
      readonly ok: true;
      readonly sub: string;
      readonly sid: string;
      readonly aud: string;
      readonly jti: string | undefined;
    }
  | { readonly ok: false; readonly reason: VerifyFailure };

export function generateMessagingKeys(jose: AuthLibs['jose']): Promise<MessagingKeyPair> {
  return jose.generateKeyPair(MESSAGING_JWT_ALG) as Promise<MessagingKeyPair>;
}

function reasonOf(error: unknown): VerifyFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const claim = (error as { claim?: unknown } | null)?.claim;
  if (code === 'ERR_JWT_EXPIRED') return 'expired';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
    return claim === 'iss' ? 'issuer' : claim === 'aud' ? 'audience' : 'malformed';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JOSE_ALG_NOT_ALLOWED')
    return 'signature';
  return 'malformed';
}

export class MessagingJwt {
  private readonly ttl: number;

  constructor(
    private readonly jose: AuthLibs['jose'],
    private readonly keys: MessagingKeyPair,
    private readonly issuer: string,
    ttlSeconds: number,
    private readonly now: () => Date,
  ) {
    this.ttl = Math.max(1, Math.min(MAX_JWT_TTL_SECONDS, Math.floor(ttlSeconds)));
  }

  issue(claims: IssuedClaims): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    const jwt = new this.jose.SignJWT({
      sid: claims.sid,
      ...(claims.externalId ? { external_id: claims.externalId } : {}),
    })
      .setProtectedHeader({ alg: MESSAGING_JWT_ALG, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(claims.deploymentId)
      .setSubject(claims.sub)
      .setJti(claims.jti ?? randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.ttl);
    return jwt.sign(this.keys.privateKey);
  }

  /** Signature, issuer, expiry, and the audience when `audience` is given. */
  async check(jwt: string, audience: string | undefined): Promise<JwtCheck> {
    if (typeof jwt !== 'string' || jwt.length === 0 || jwt.length > 8192)
      return { ok: false, reason: 'malformed' };
    try {
      const { payload } = await this.jose.jwtVerify(jwt, this.keys.publicKey, {
        algorithms: [MESSAGING_JWT_ALG],
        issuer: this.issuer,
        ...(audience === undefined ? {} : { audience }),
        currentDate: this.now(),
        requiredClaims: ['sub', 'sid', 'exp', 'aud'],
      });
      const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
      if (
        typeof payload.sub !== 'string' ||
        typeof payload['sid'] !== 'string' ||
        typeof aud !== 'string'
      )
        return { ok: false, reason: 'malformed' };
      const jti = typeof payload.jti === 'string' ? payload.jti : undefined;
      return { ok: true, sub: payload.sub, sid: payload['sid'], aud, jti };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }
}
