// Which guest session may attach to which session token, when authenticated messaging is in play.
// Pure rules over plain data; guest-api.ts sends the frame this returns. Frames: auth/guest-auth-frames.ts
// (pure data, loads no auth library).
import { cannotDowngradeFrame, unauthorizedFrame } from './auth/guest-auth-frames';
import type { DeploymentAuth } from './config';
import type { ServerFrame } from './guest-frames';
import type { VerifiedIdentity } from './store';

/** A verified identity plus the authenticated session it came from (revoke names that session). */
export interface SessionIdentity extends VerifiedIdentity {
  readonly claims: Readonly<Record<string, unknown>>;
  readonly authSessionId: string;
}

/**
 * configureAuthenticatedSession on a token whose session is anonymous, on a deployment without
 * `allowSessionUpgrade`. UNCONFIRMED (reference §4a, TF `allow_session_upgrade`; no source shows the
 * refusal frame): we answer as for a bad JWT.
 */
export function upgradeRefusedFrame(tracingId?: string): ServerFrame {
  return unauthorizedFrame(tracingId);
}

/**
 * configureAuthenticatedSession on a deployment that has authentication off. UNCONFIRMED (no source
 * shows it): we answer as for a bad JWT.
 */
export function authenticationOffFrame(tracingId?: string): ServerFrame {
  return unauthorizedFrame(tracingId);
}

/**
 * Whether a configure request may attach to the existing session of its token: undefined when it
 * may, else the refusal frame. `incoming` is the verified identity (configureAuthenticatedSession)
 * or undefined (configureSession).
 */
export function attachRefusal(
  existing: { readonly identity: SessionIdentity | undefined } | undefined,
  incoming: SessionIdentity | undefined,
  settings: DeploymentAuth | undefined,
  tracingId?: string,
): ServerFrame | undefined {
  if (!existing) return undefined;
  const current = existing.identity;
  // MT ErrorCode 4017: an authenticated session never goes back to anonymous, so knowing its
  // session token is not enough to read or write its conversation.
  if (!incoming) return current ? cannotDowngradeFrame(tracingId) : undefined;
  // Another person's JWT does not take over a session that is someone's already.
  if (current) return current.sub === incoming.sub ? undefined : unauthorizedFrame(tracingId);
  return settings?.allowSessionUpgrade === true ? undefined : upgradeRefusedFrame(tracingId);
}
