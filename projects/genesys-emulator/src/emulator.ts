import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import {
  DEFAULT_ALLOWED_DOMAINS,
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_ROUTING,
  type DeploymentFaults,
  type EmulatorDeployment,
  type EmulatorOptions,
  type RoutingConfig,
  type ScriptFaults,
} from './config';
import { GuestApi } from './guest-api';
import { type Conversation, ConversationStore } from './store';

export interface RunningEmulator {
  /** Base URL, such as `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /** Switches faults: script faults for the whole emulator, the rest per deployment. */
  setFaults(faults: ScriptFaults & { deploymentId?: string } & DeploymentFaults): void;
  /** Clears every fault, conversation and session. */
  reset(): void;
  /** The conversations so far, as the agent page shows them. */
  conversations(): ReturnType<typeof conversationSummary>[];
  close(): Promise<void>;
}

const BOOTSTRAP_PATH = '/genesys-bootstrap/genesys.min.js';

/**
 * Starts the emulator: HTTP and the Guest API WebSocket on one port, bound to 127.0.0.1 unless
 * told otherwise. Resolves once it listens.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const deployments = new Map<string, EmulatorDeployment>();
  for (const d of options.deployments)
    deployments.set(d.id.toLowerCase(), { ...d, faults: { ...d.faults } });
  const initialFaults = new Map([...deployments].map(([id, d]) => [id, { ...d.faults }]));
  let scriptFaults: ScriptFaults = { ...options.faults };
  const routing: RoutingConfig = options.routing ?? DEFAULT_ROUTING;
  const clients = options.oauthClients ?? [DEFAULT_OAUTH_CLIENT];
  const tokens = new Set<string>();
  const store = new ConversationStore();
  const hanging = new Set<ServerResponse>();
  const guestApi = new GuestApi({
    store,
    routing: () => routing,
    faults: (id) => deployments.get(id)?.faults ?? {},
    defaultRatePerSecond: () => options.rateLimitPerSecond ?? 5,
  });
  const bootstrap = readAsset('bootstrap/genesys-bootstrap.js');
  const agentScript = readAsset('agent/agent-page.js');

  const allowedOrigin = (origin: string | undefined, deployment?: EmulatorDeployment): boolean => {
    if (!origin) return true; // server-side callers send no Origin
    let host: string;
    try {
      host = new URL(origin).hostname;
    } catch {
      return false;
    }
    const pool = deployment ? [deployment] : [...deployments.values()];
    return pool.some((d) => {
      const domains = d.allowedDomains ?? DEFAULT_ALLOWED_DOMAINS;
      return domains.includes('*') || domains.some((allowed) => allowed.toLowerCase() === host);
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const origin = req.headers.origin;
    if (origin && allowedOrigin(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      });
      res.end();
      return;
    }
    handle(req, res, url).catch((error: unknown) => json(res, 500, { message: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const get = req.method === 'GET';
    const post = req.method === 'POST';
    let m: RegExpMatchArray | null;

    if (get && path === BOOTSTRAP_PATH) {
      if (scriptFaults.scriptHang) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (scriptFaults.script404) return text(res, 404, 'Not Found');
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(bootstrap);
      return;
    }
    if (get && (m = path.match(/^\/webdeployments\/v1\/deployments\/([^/]+)\/config\.json$/))) {
      const deployment = deployments.get(m[1].toLowerCase());
      if (!deployment)
        return json(res, 404, { message: 'Deployment not found', code: 'not.found', status: 404 });
      if (!allowedOrigin(req.headers.origin, deployment)) {
        // The refusal itself is readable by the page, so it can explain why Messenger is off.
        if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
        return json(res, 403, {
          message: 'Origin is not an allowed domain of this deployment',
          code: 'forbidden',
          status: 403,
        });
      }
      return json(res, 200, deploymentConfig(deployment, baseUrl(req)));
    }
    if (get && (m = path.match(/^\/emulator\/faults\/([^/]+)$/))) {
      const deployment = deployments.get(m[1].toLowerCase());
      if (!deployment) return json(res, 404, { message: 'Deployment not found' });
      return json(res, 200, { ...scriptFaults, ...deployment.faults });
    }
    if (post && path === '/oauth/token') return issueToken(req, res);
    if (get && (m = path.match(/^\/api\/v2\/conversations\/messages\/([^/]+)\/details$/))) {
      if (!authorized(req)) return unauthorized(res);
      const conversation = store.byMessageId(m[1]);
      if (!conversation) return json(res, 404, notFound());
      return json(res, 200, { id: m[1], conversationId: conversation.id });
    }
    if (get && (m = path.match(/^\/api\/v2\/conversations\/(?:messages\/)?([^/]+)$/))) {
      if (!authorized(req)) return unauthorized(res);
      const conversation = store.get(m[1]);
      if (!conversation) return json(res, 404, notFound());
      return json(res, 200, conversationResource(conversation));
    }
    if (get && (path === '/emulator' || path === '/emulator/')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(AGENT_PAGE);
      return;
    }
    if (get && path === '/emulator/agent.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(agentScript);
      return;
    }
    if (get && path === '/emulator/health') return json(res, 200, { ok: true });
    if (get && path === '/emulator/conversations')
      return json(res, 200, store.all().map(conversationSummary));
    if (post && (m = path.match(/^\/emulator\/conversations\/([^/]+)\/reply$/))) {
      const conversation = store.get(m[1]);
      if (!conversation) return json(res, 404, notFound());
      const body = await readJson(req);
      const replyText = typeof body['text'] === 'string' ? body['text'] : '';
      if (!replyText.trim()) return json(res, 400, { message: 'text is required' });
      guestApi.deliverOutbound(conversation, replyText);
      return json(res, 200, conversationSummary(conversation));
    }
    if (post && path === '/emulator/faults') {
      const body = await readJson(req);
      try {
        setFaults(body as Parameters<RunningEmulator['setFaults']>[0]);
      } catch (error) {
        return json(res, 400, { message: (error as Error).message });
      }
      return json(res, 200, { ok: true });
    }
    if (post && path === '/emulator/reset') {
      reset();
      return json(res, 200, { ok: true });
    }
    text(res, 404, 'Not Found');
  }

  function issueToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return readBody(req).then((raw) => {
      const form = new URLSearchParams(raw);
      let id = form.get('client_id') ?? '';
      let secret = form.get('client_secret') ?? '';
      const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
      if (basic) [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      if (form.get('grant_type') !== 'client_credentials') {
        return json(res, 400, {
          error: 'unsupported_grant_type',
          description: 'grant_type must be client_credentials',
        });
      }
      if (!clients.some((c) => c.clientId === id && c.clientSecret === secret)) {
        return json(res, 401, {
          error: 'invalid_client',
          description: 'client not found or secret wrong',
        });
      }
      const token = randomUUID();
      tokens.add(token);
      return json(res, 200, { access_token: token, token_type: 'bearer', expires_in: 86399 });
    });
  }

  const authorized = (req: IncomingMessage) => {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
    return !!bearer && tokens.has(bearer[1]);
  };

  function setFaults(faults: ScriptFaults & { deploymentId?: string } & DeploymentFaults): void {
    const { deploymentId, script404, scriptHang, ...rest } = faults;
    if (script404 !== undefined || scriptHang !== undefined) {
      scriptFaults = {
        ...scriptFaults,
        ...(script404 !== undefined && { script404 }),
        ...(scriptHang !== undefined && { scriptHang }),
      };
      if (!scriptFaults.scriptHang) for (const res of hanging) res.destroy();
    }
    if (Object.keys(rest).length === 0) return;
    const targets = deploymentId
      ? [deployments.get(deploymentId.toLowerCase())]
      : [...deployments.values()];
    if (targets.some((d) => !d)) throw new Error(`unknown deployment ${deploymentId}`);
    for (const d of targets) d!.faults = { ...d!.faults, ...rest };
  }

  function reset(): void {
    scriptFaults = { ...options.faults };
    for (const [id, d] of deployments) d.faults = { ...initialFaults.get(id) };
    for (const res of hanging) res.destroy();
    store.clear();
    guestApi.reset();
  }

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket: Socket, head) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const deployment = deployments.get((url.searchParams.get('deploymentId') ?? '').toLowerCase());
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname !== '/v1') return refuse(404, 'Not Found');
    if (!deployment) return refuse(404, 'Not Found');
    if (deployment.status === 'Inactive' || !allowedOrigin(req.headers.origin, deployment))
      return refuse(403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => guestApi.accept(ws, deployment.id.toLowerCase()));
  });

  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!options.quiet)
    console.log(`genesys-emulator listening on ${url} (agent page: ${url}/emulator/)`);

  return {
    url,
    port,
    setFaults,
    reset,
    conversations: () => store.all().map(conversationSummary),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  function baseUrl(req: IncomingMessage): string {
    return `http://${req.headers.host ?? `${host}:${port}`}`;
  }
}

/** The deployment's config.json, in the shape Genesys serves it (reference §1). */
function deploymentConfig(d: EmulatorDeployment, base: string) {
  const wsBase = base.replace(/^http/, 'ws');
  return {
    id: d.id,
    version: '1',
    languages: ['en-us'],
    defaultLanguage: 'en-us',
    apiEndpoint: base,
    headlessMode: { enabled: !!d.headless },
    messenger: {
      enabled: !d.headless,
      apps: {
        conversations: {
          messagingEndpoint: wsBase,
          showAgentTypingIndicator: false,
          showUserTypingIndicator: false,
          autoStart: { enabled: false },
          conversationDisconnect: { enabled: false, type: 'Send' },
          conversationClear: { enabled: true },
        },
      },
      styles: { primaryColor: '#2d6cdf' },
      launcherButton: { visibility: 'OnDemand' },
      fileUpload: { enableAttachments: false, modes: [] },
    },
    journeyEvents: { enabled: false },
    auth: { enabled: false, allowSessionUpgrade: false },
    status: d.status ?? 'Active',
  };
}

/** `GET /api/v2/conversations/{id}`: the customer participant with its attributes, and the ACD participant with the queue. */
function conversationResource(c: Conversation) {
  return {
    id: c.id,
    startTime: c.startTime,
    ...(c.state === 'disconnected' && { endTime: new Date().toISOString() }),
    participants: [
      {
        id: c.customerParticipantId,
        purpose: 'customer',
        state: c.state,
        attributes: { ...c.attributes },
      },
      {
        id: `${c.id.slice(0, 8)}-acd0-4000-8000-${c.id.slice(-12)}`,
        purpose: 'acd',
        state: c.state,
        queueId: c.queueId,
        queueName: c.queueName,
        attributes: {},
      },
    ],
  };
}

function conversationSummary(c: Conversation) {
  return {
    id: c.id,
    deploymentId: c.deploymentId,
    state: c.state,
    startTime: c.startTime,
    queueName: c.queueName,
    attributes: { ...c.attributes },
    messages: c.messages.map((m) => ({ ...m })),
  };
}

function notFound() {
  return {
    message: 'The requested conversation could not be found.',
    code: 'not.found',
    status: 404,
  };
}

function unauthorized(res: ServerResponse): void {
  json(res, 401, {
    message: 'Authentication failed: send Authorization: Bearer <token from POST /oauth/token>',
    status: 401,
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req);
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** Browser assets are compiled next to this file (dist) or, when run from source, into dist. */
function readAsset(relative: string): string {
  const candidates = [
    join(__dirname, relative),
    join(__dirname, '../../../dist/genesys-emulator', relative),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(`genesys-emulator: ${relative} not found; run "npm run build:emulator" first`);
  return readFileSync(found, 'utf8');
}

const AGENT_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Genesys emulator: agent</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; background: #f4f6fa; color: #1d2533; }
  header { background: #1d2533; color: #fff; padding: 12px 20px; }
  main { padding: 16px 20px; display: grid; gap: 16px; }
  .conversation { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 3px #0002; }
  .queue { font-weight: 600; color: #2d6cdf; }
  table { border-collapse: collapse; margin: 8px 0; }
  td { border: 1px solid #dde3ee; padding: 2px 8px; font-family: ui-monospace, monospace; }
  .Inbound { color: #1d2533; } .Outbound { color: #2d6cdf; }
  form { display: flex; gap: 8px; margin-top: 8px; } input { flex: 1; padding: 4px 8px; }
</style>
</head>
<body>
<header><strong>Genesys emulator</strong>: agent view (conversations, their attributes, their queue)</header>
<main id="conversations"><p>No conversations yet.</p></main>
<script src="/emulator/agent.js"></script>
</body>
</html>
`;
