import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasToken, sameOrigin } from './guard';
import { HttpError, json, mediaType, text } from './respond';

/**
 * Who may call a route, which decides its CORS and its checks:
 * - `public`: anyone, no CORS needed (a `<script src>` or a health probe);
 * - `deployment`: Genesys' own rule, CORS for pages on the deployment's allowed domains (public, credential-free data);
 * - `api`: the Platform API stand-ins, CORS only for the exact configured origins;
 * - `admin`: `/emulator/*`, same-origin only and never CORS; `token` routes need the admin token,
 *   and a POST must be `application/json`, so no simple cross-site request (form, text/plain) reaches it.
 */
export type Access = 'public' | 'deployment' | 'api' | 'admin';

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** A literal path, or a pattern whose groups are the handler's params. */
  readonly path: string | RegExp;
  readonly access: Access;
  /** Admin routes that read conversations or change state. */
  readonly token?: boolean;
  handle(req: IncomingMessage, res: ServerResponse, params: string[]): void | Promise<void>;
}

export interface RoutePolicy {
  hostAllowed(req: IncomingMessage): boolean;
  /** The origin to grant for an `api` route, or undefined. */
  apiOrigin(origin: string): boolean;
  /** Whether a page origin may read a `deployment` route; `params[0]` is the deployment id. */
  deploymentOrigin(origin: string, deploymentId: string | undefined): boolean;
  readonly token: string;
}

const PREFLIGHT = {
  // DELETE: Messenger revokes its web-messaging JWT from the page (token/revoke, reference §4a).
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

function match(route: Route, path: string): string[] | undefined {
  if (typeof route.path === 'string') return route.path === path ? [] : undefined;
  const m = route.path.exec(path);
  return m ? m.slice(1) : undefined;
}

/** Parses the request target; `undefined` for anything that is not an origin-form path. */
export function requestPath(target: string | undefined): string | undefined {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, 'http://emulator.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** Serves one request from the table. Never throws: every failure becomes an answer. */
export async function dispatch(
  routes: readonly Route[],
  policy: RoutePolicy,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const path = requestPath(req.url);
    if (path === undefined) return text(res, 400, 'Bad request target');
    // Before anything else, and never echoed: a rebinding attacker learns nothing from the answer.
    if (!policy.hostAllowed(req))
      return text(res, 403, 'Host not allowed: use 127.0.0.1 or localhost');
    const candidates = routes.flatMap((r) => {
      const params = match(r, path);
      return params ? [{ route: r, params }] : [];
    });
    if (candidates.length === 0) return text(res, 404, 'Not Found');
    const { access } = candidates[0].route; // one path, one access level
    const origin = req.headers.origin;
    const cors =
      origin !== undefined &&
      ((access === 'api' && policy.apiOrigin(origin)) ||
        (access === 'deployment' && policy.deploymentOrigin(origin, candidates[0].params[0])));
    if (cors) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors ? PREFLIGHT : {});
      res.end();
      return;
    }
    const hit = candidates.find((c) => c.route.method === req.method);
    if (!hit) return text(res, 405, 'Method Not Allowed');
    const { route, params } = hit;
    if (access === 'admin') {
      if (!sameOrigin(req))
        return text(res, 403, 'Cross-origin requests to /emulator/ are refused');
      if (route.token && !hasToken(req, policy.token))
        return json(res, 401, {
          message: 'Send the emulator token in the X-Emulator-Token header (printed at start)',
        });
      if (route.method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json')
        return json(res, 415, { message: 'Content-Type must be application/json' });
    }
    await route.handle(req, res, params);
  } catch (error) {
    if (error instanceof HttpError) return json(res, error.status, { message: error.message });
    json(res, 500, { message: 'internal error' }); // the detail may hold request data; it stays here
  }
}
