import type { RoutingCondition, RoutingConfig } from './config';
import type { VerifiedIdentity } from './store';

export const DEFAULT_CLAIMED_ID_ATTRIBUTE = 'crmCustomerId';
export const DEFAULT_MISMATCH_QUEUE = 'Verification Mismatch';

export interface RoutingDecision {
  readonly queue: string;
  /** The claimed id attribute disagreed with the verified external id. */
  readonly verificationMismatch: boolean;
  /** The matching rule's `action: 'disconnect'`: the flow ends the conversation once routed. */
  readonly disconnect: boolean;
}

function holds(
  when: RoutingCondition,
  attributes: Readonly<Record<string, string>>,
  verified: VerifiedIdentity | undefined,
): boolean {
  if (when.verified !== undefined && when.verified !== (verified !== undefined)) return false;
  if (when.externalId !== undefined && verified?.externalId !== when.externalId) return false;
  if (when.attribute === undefined)
    // A rule on the verified identity alone; a rule with no condition at all never holds.
    return when.verified !== undefined || when.externalId !== undefined;
  const value = Object.prototype.hasOwnProperty.call(attributes, when.attribute)
    ? attributes[when.attribute]
    : undefined;
  if (when.equals !== undefined) return value === when.equals;
  if (when.exists === true) return value !== undefined && value !== '';
  if (when.exists === false) return value === undefined || value === '';
  return false;
}

/**
 * A verified conversation whose claimed id (default `crmCustomerId`) is not the verified external
 * id goes to the mismatch queue before any rule runs, so no claimed tier can lift a forged id to
 * premium. Otherwise the first rule whose conditions all hold picks the queue, else the default;
 * a rule with `action: 'disconnect'` also has the flow end the conversation once it is routed
 * (an emulator-only setting standing in for a flow that ends the conversation; reference §4 says
 * only that "the agent/flow disconnects").
 */
export function routeDecision(
  attributes: Readonly<Record<string, string>>,
  routing: RoutingConfig,
  verified?: VerifiedIdentity,
): RoutingDecision {
  const claimedKey = routing.verification?.claimedIdAttribute ?? DEFAULT_CLAIMED_ID_ATTRIBUTE;
  const claimed = Object.prototype.hasOwnProperty.call(attributes, claimedKey)
    ? attributes[claimedKey]
    : undefined;
  // An empty claim is no claim (a cleared identity writes '').
  if (verified && claimed !== undefined && claimed !== '' && claimed !== verified.externalId)
    return {
      queue: routing.verification?.mismatchQueue ?? DEFAULT_MISMATCH_QUEUE,
      verificationMismatch: true,
      disconnect: false,
    };
  const rule = routing.rules.find((r) => holds(r.when, attributes, verified));
  return {
    queue: rule?.queue ?? routing.defaultQueue,
    verificationMismatch: false,
    disconnect: rule?.action === 'disconnect',
  };
}

/** The queue only (the emulator's public helper since before authentication). */
export function routeConversation(
  attributes: Readonly<Record<string, string>>,
  routing: RoutingConfig,
  verified?: VerifiedIdentity,
): string {
  return routeDecision(attributes, routing, verified).queue;
}

/** Whether a claimed id disagrees with the verified one (for attributes that arrive later). */
export function claimMismatch(
  attributes: Readonly<Record<string, string>>,
  routing: RoutingConfig,
  verified: VerifiedIdentity | undefined,
): boolean {
  return routeDecision(attributes, routing, verified).verificationMismatch;
}
