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

import { TRUSTED_TYPES_POLICY_NAME } from './trusted-types-policy-name';

// Browsers refuse a second policy with the same name under a strict CSP, so one per window.
const policies = new WeakMap<object, TrustedTypePolicyLike>();
const allowed = new WeakMap<object, Set<string>>();

/**
 * Returns `url` as a TrustedScriptURL when the browser supports Trusted Types, or the plain string
 * otherwise. The policy only blesses URLs this library computed from the region table or the
 * `scriptUrl` override, so the policy cannot be reused to load anything else.
 */
export function trustedScriptUrl(win: Window, url: string): string {
  const tt = (win as unknown as TrustedTypesWindow).trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return url;
  let urls = allowed.get(win);
  if (!urls) allowed.set(win, (urls = new Set()));
  urls.add(url);
  let policy = policies.get(win);
  if (!policy) {
    const known = urls;
    policy = tt.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
      createScriptURL: (candidate: string) => {
        if (!known.has(candidate))
          throw new TypeError(`${TRUSTED_TYPES_POLICY_NAME}: refusing script URL`);
        return candidate;
      },
    });
    policies.set(win, policy);
  }
  // A TrustedScriptURL is accepted wherever the DOM takes a script URL string.
  return policy.createScriptURL(url) as string;
}
