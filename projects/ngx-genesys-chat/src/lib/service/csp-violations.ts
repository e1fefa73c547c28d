/** A Content-Security-Policy block the page reported. */
export interface CspViolation {
  readonly directive: string;
  readonly blockedUri: string;
}

/**
 * Records the page's CSP violations from the start (at most 20), so diagnose() can tell a CSP
 * block from an ad blocker. Call it outside Angular's zone; returns the removal.
 */
export function recordCspViolations(doc: Document, into: CspViolation[]): () => void {
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (into.length < 20) into.push({ directive: e.violatedDirective, blockedUri: e.blockedURI });
  };
  doc.addEventListener('securitypolicyviolation', onViolation);
  return () => doc.removeEventListener('securitypolicyviolation', onViolation);
}
