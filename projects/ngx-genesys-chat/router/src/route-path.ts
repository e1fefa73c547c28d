/** Longest route kept: the attribute is context for the agent, not a log, and shares a 2048-byte budget. */
const MAX_ROUTE_LENGTH = 200;

/**
 * The route as `withRouterContext()` records it: the URL's path only. The query string and the
 * fragment go, since they are where personal data travels (`?email=…`, `#token=…`); a path longer
 * than 200 characters is cut.
 */
export function routePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] || '/';
  return path.length > MAX_ROUTE_LENGTH ? path.slice(0, MAX_ROUTE_LENGTH) : path;
}
