const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a config value has the shape of a deployment id (a UUID). In its own leaf file: eager
 * code (the auth registration) needs this check without the whole config resolver, which only
 * the lazily loaded engine may pull in (docs/performance.md, "How the chunking was solved").
 */
export function isDeploymentId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value.trim());
}
