import type { ServerResponse } from 'node:http';
import type { AuthRuntime } from './auth/types';
import { AGENT_PAGE_CSS, AGENT_PAGE_HEADERS, agentPageHtml } from './agent-page-html';
import type { DeploymentFaults, EmulatorDeployment, ScriptFaults } from './config';
import { deploymentConfig, originAllowedFor } from './deployment-config';
import type { GuestApi } from './guest-api';
import { HttpError, json, readJsonObject, text } from './http/respond';
import type { Route } from './http/router';
import {
  type OAuthStandIn,
  conversationResource,
  conversationSummary,
  notFound,
} from './platform-api';
import type { ConversationStore } from './store';

export const BOOTSTRAP_PATH = '/genesys-bootstrap/genesys.min.js';

/** What the routes read and change; owned by startEmulator(). */
export interface RouteContext {
  readonly url: () => string;
  readonly token: string;
  readonly deployments: ReadonlyMap<string, EmulatorDeployment>;
  readonly scriptFaults: () => ScriptFaults;
  readonly hanging: Set<ServerResponse>;
  readonly store: ConversationStore;
  readonly guestApi: GuestApi;
  readonly oauth: OAuthStandIn;
  readonly assets: { bootstrap: string; agentScript: string };
  setFaults(faults: ScriptFaults & { deploymentId?: string } & DeploymentFaults): void;
  reset(): void;
  /** The running auth side, or undefined when no deployment has auth on. */
  readonly auth?: () => AuthRuntime | undefined;
}

const ID = '([^/]+)';

/** The emulator's HTTP surface, one row per route: method, path, who may call it, what it does. */
export function emulatorRoutes(ctx: RouteContext): Route[] {
  const deployment = (id: string) => ctx.deployments.get(id.toLowerCase());
  const javascript = (res: ServerResponse, body: string) => {
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  const apiAuthorized = (req: Parameters<Route['handle']>[0], res: ServerResponse) => {
    if (ctx.oauth.authorized(req)) return true;
    json(res, 401, {
      message: 'Authentication failed: send Authorization: Bearer <token from POST /oauth/token>',
      status: 401,
    });
    return false;
  };

  return [
    {
      method: 'GET',
      path: BOOTSTRAP_PATH,
      // Readable cross-origin as on Genesys' CDN, so diagnose() can tell a 404 from a blocked script.
      access: 'deployment',
      handle(_req, res) {
        const faults = ctx.scriptFaults();
        if (faults.scriptHang) {
          ctx.hanging.add(res);
          res.on('close', () => ctx.hanging.delete(res));
          return;
        }
        if (faults.script404) return text(res, 404, 'Not Found');
        javascript(res, ctx.assets.bootstrap);
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/webdeployments/v1/deployments/${ID}/config\\.json$`),
      access: 'deployment',
      handle(req, res, [id]) {
        const d = deployment(id);
        if (!d)
          return json(res, 404, {
            message: 'Deployment not found',
            code: 'not.found',
            status: 404,
          });
        const origin = req.headers.origin;
        if (!originAllowedFor(origin, [d])) {
          // The refusal (static text, no data) stays readable, so the page can explain why Messenger is off.
          if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
          return json(res, 403, {
            message: 'Origin is not an allowed domain of this deployment',
            code: 'forbidden',
            status: 403,
          });
        }
        json(res, 200, deploymentConfig(d, ctx.url()));
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/emulator/faults/${ID}$`),
      access: 'deployment', // read by the bootstrap inside the customer's page; holds no customer data
      handle(_req, res, [id]) {
        const d = deployment(id);
        if (!d) return json(res, 404, { message: 'Deployment not found' });
        json(res, 200, { ...ctx.scriptFaults(), ...d.faults });
      },
    },
    {
      method: 'POST',
      path: '/oauth/token',
      access: 'api',
      async handle(req, res) {
        const answer = await ctx.oauth.issue(req);
        json(res, answer.status, answer.body);
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/api/v2/conversations/messages/${ID}/details$`),
      access: 'api',
      handle(req, res, [messageId]) {
        if (!apiAuthorized(req, res)) return;
        const c = ctx.store.byMessageId(messageId);
        if (!c) return json(res, 404, notFound());
        json(res, 200, { id: messageId, conversationId: c.id });
      },
    },
    {
      method: 'GET',
      path: new RegExp(`^/api/v2/conversations/(?:messages/)?${ID}$`),
      access: 'api',
      handle(req, res, [id]) {
        if (!apiAuthorized(req, res)) return;
        const c = ctx.store.get(id);
        if (!c) return json(res, 404, notFound());
        json(res, 200, conversationResource(c));
      },
    },
    {
      method: 'GET',
      path: /^\/emulator\/?$/,
      access: 'admin',
      handle(_req, res) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...AGENT_PAGE_HEADERS });
        res.end(agentPageHtml(ctx.token));
      },
    },
    {
      method: 'GET',
      path: '/emulator/agent.js',
      access: 'admin',
      handle: (_req, res) => javascript(res, ctx.assets.agentScript),
    },
    {
      method: 'GET',
      path: '/emulator/agent.css',
      access: 'admin',
      handle(_req, res) {
        res.writeHead(200, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end(AGENT_PAGE_CSS);
      },
    },
    {
      method: 'GET',
      path: '/emulator/health',
      access: 'public',
      handle: (_req, res) => json(res, 200, { ok: true }),
    },
    {
      method: 'GET',
      path: '/emulator/conversations',
      access: 'admin',
      token: true,
      handle: (_req, res) => json(res, 200, ctx.store.all().map(conversationSummary)),
    },
    {
      method: 'POST',
      path: new RegExp(`^/emulator/conversations/${ID}/reply$`),
      access: 'admin',
      token: true,
      async handle(req, res, [id]) {
        const c = ctx.store.get(id);
        if (!c) return json(res, 404, notFound());
        const body = await readJsonObject(req);
        const reply = typeof body['text'] === 'string' ? body['text'] : '';
        if (!reply.trim()) return json(res, 400, { message: 'text is required' });
        ctx.guestApi.deliverOutbound(c, reply);
        json(res, 200, conversationSummary(c));
      },
    },
    {
      method: 'POST',
      path: new RegExp(`^/emulator/conversations/${ID}/disconnect$`),
      access: 'admin',
      token: true,
      handle(_req, res, [id]) {
        const c = ctx.store.get(id);
        if (!c) return json(res, 404, notFound());
        ctx.guestApi.disconnect(c);
        json(res, 200, conversationSummary(c));
      },
    },
    {
      method: 'POST',
      path: '/emulator/faults',
      access: 'admin',
      token: true,
      async handle(req, res) {
        const body = await readJsonObject(req);
        try {
          ctx.setFaults(body as Parameters<RouteContext['setFaults']>[0]);
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        json(res, 200, { ok: true });
      },
    },
    {
      // EMULATOR-ONLY: expire a visitor's tokens now, so tests can force token/refresh (JWTs only)
      // and reAuthenticate (`refreshTokens: true`). Body `{subject?, refreshTokens?}`.
      method: 'POST',
      path: '/emulator/auth/expire-tokens',
      access: 'admin',
      token: true,
      async handle(req, res) {
        const runtime = ctx.auth?.();
        if (!runtime)
          return json(res, 404, { message: 'Authenticated messaging is off on this emulator.' });
        const body = await readJsonObject(req);
        const subject = body['subject'];
        const refreshTokens = body['refreshTokens'];
        if (subject !== undefined && (typeof subject !== 'string' || !subject))
          throw new HttpError(
            400,
            'subject must be the IdP subject (sub) as a string, or left out for every visitor.',
          );
        if (refreshTokens !== undefined && typeof refreshTokens !== 'boolean')
          throw new HttpError(400, 'refreshTokens must be true or false.');
        json(res, 200, { expired: runtime.expireTokens({ subject, refreshTokens }) });
      },
    },
    {
      method: 'POST',
      path: '/emulator/reset',
      access: 'admin',
      token: true,
      handle(_req, res) {
        ctx.reset();
        json(res, 200, { ok: true });
      },
    },
  ];
}
