// The Genesys token endpoints (reference §4a) on the emulator's HTTP router. Messenger calls them
// from the page, so they are `deployment` routes: CORS for the deployment's allowed domains. The
// handlers live in auth/ (loaded only when a deployment has auth on); this file imports only its
// pure route table and types, so the emulator without auth never loads oidc-provider or jose.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOKEN_ROUTES } from './auth/token-routes';
import type { AuthRuntime } from './auth/types';
import type { EmulatorDeployment } from './config';
import { originAllowedFor } from './deployment-config';
import { json, mediaType, readBody } from './http/respond';
import type { Route } from './http/router';

export interface TokenHttpContext {
  /** The running auth side, or undefined when no deployment has auth on. */
  auth(): AuthRuntime | undefined;
  deployment(id: string): EmulatorDeployment | undefined;
  /** The deployments with `auth.enabled`. */
  authDeployments(): EmulatorDeployment[];
  /** After a 204 from revoke: push LogoutEvent to the session's sockets. */
  revoked(authSessionId: string): void;
}

const error = (message: string, code: string, status: number) => ({ message, code, status });

/** The parsed JSON body, or undefined when it is not JSON (the handler then names the shape it wants). */
async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A browser caller must come from an allowed domain of the deployment it names (or, when the body
 * names none, of some auth-enabled deployment): CORS alone would let a foreign page spend a code,
 * only not read the answer.
 */
function originRefused(ctx: TokenHttpContext, req: IncomingMessage, body: unknown): boolean {
  const named =
    body &&
    typeof body === 'object' &&
    typeof (body as Record<string, unknown>)['deploymentId'] === 'string'
      ? ctx.deployment((body as Record<string, string>)['deploymentId'])
      : undefined;
  return !originAllowedFor(req.headers.origin, named ? [named] : ctx.authDeployments());
}

/** Deployment ids are case-insensitive here as everywhere in the emulator; the JWT's `aud` is the lower-case id the Guest API checks. */
function normalDeploymentId(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const id = (body as Record<string, unknown>)['deploymentId'];
  return typeof id === 'string' ? { ...body, deploymentId: id.toLowerCase() } : body;
}

export function tokenRoutes(ctx: TokenHttpContext): Route[] {
  return TOKEN_ROUTES.map((route) => ({
    method: route.method,
    path: route.path,
    access: 'deployment' as const,
    async handle(req: IncomingMessage, res: ServerResponse) {
      const runtime = ctx.auth();
      if (!runtime)
        return json(
          res,
          404,
          error(
            'Authenticated messaging is off: no deployment of this emulator has "auth": { "enabled": true }.',
            'not.found',
            404,
          ),
        );
      if (route.jsonBody && mediaType(req.headers['content-type']) !== 'application/json')
        return json(
          res,
          415,
          error('Content-Type must be application/json.', 'unsupported.media.type', 415),
        );
      const body = normalDeploymentId(route.jsonBody ? await jsonBody(req) : undefined);
      if (originRefused(ctx, req, body))
        return json(
          res,
          403,
          error('Origin is not an allowed domain of this deployment.', 'forbidden', 403),
        );
      const result = await runtime[route.handler]({ body, headers: req.headers });
      if (result.status === 204) {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
        ctx.revoked(result.sessionId);
        return;
      }
      json(res, result.status, result.body);
    },
  }));
}
