/** The subset of the Trusted Types API we use; TypeScript's DOM lib does not declare it. */
interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesWindow {
  trustedTypes?: {
    createPolicy(
      name: string,
      rules: { createScriptURL(url: string): string },
    ): TrustedTypePolicyLike;
  };
}

import { trustedTypesBlocked } from '../errors/errors';
import { TRUSTED_TYPES_POLICY_NAME } from './trusted-types-policy-name';

// Browsers refuse a second policy with the same name under a strict CSP, so one per window; keyed
// by the window's `trustedTypes` factory, which is one object per window.
const policies = new WeakMap<object, TrustedTypePolicyLike>();
const allowed = new WeakMap<object, Set<string>>();

/**
 * Returns `url` as a TrustedScriptURL when the browser supports Trusted Types, or the plain string
 * otherwise. The policy only blesses URLs this library computed from the region table or the
 * `scriptUrl` override, so the policy cannot be reused to load anything else. Throws
 * `TRUSTED_TYPES_BLOCKED` when the page's CSP does not allow the policy's name: the browser then
 * throws from `createPolicy` (and reports a `trusted-types` violation, which `diagnose()` reads).
 */
export function trustedScriptUrl(win: Window, url: string): string {
  const tt = (win as unknown as TrustedTypesWindow).trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return url;
  let urls = allowed.get(tt);
  if (!urls) allowed.set(tt, (urls = new Set()));
  urls.add(url);
  let policy = policies.get(tt);
  if (!policy) {
    const known = urls;
    try {
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
        createScriptURL: (candidate: string) => {
          if (!known.has(candidate))
            throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: refusing script URL`);
          return candidate;
        },
      });
    } catch {
      throw trustedTypesBlocked(TRUSTED_TYPES_POLICY_NAME);
    }
    policies.set(tt, policy);
  }
  // A TrustedScriptURL is accepted wherever the DOM takes a script URL string.
  return policy.createScriptURL(url) as string;
}
