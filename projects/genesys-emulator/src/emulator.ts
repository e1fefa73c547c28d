import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
// Type-only: the auth side (oidc-provider, jose) loads with `await import('./auth')` below, and only
// when a deployment has auth on; the jest suite cannot load those ESM-only libraries.
import type { AuthRuntime } from './auth/types';
import {
  authConfigProblem,
  DEFAULT_OAUTH_CLIENT,
  DEFAULT_ROUTING,
  type DeploymentFaults,
  type EmulatorDeployment,
  type EmulatorOptions,
  type RoutingConfig,
  type ScriptFaults,
} from './config';
import { originAllowedFor } from './deployment-config';
import { emulatorRoutes } from './emulator-routes';
import { GuestApi, MAX_FRAME_BYTES } from './guest-api';
import { hostGuard } from './http/guard';
import { dispatch, requestPath } from './http/router';
import { OAuthStandIn, conversationSummary } from './platform-api';
import { ConversationStore } from './store';
import { checkedFaults } from './faults';
import { tokenRoutes } from './token-http';

/** Where the emulator's OpenID provider is, for a page that signs in against it. */
export interface RunningAuth {
  /** The IdP's issuer URL. */
  readonly issuer: string;
  /** `${issuer}/.well-known/openid-configuration`: what the integration's "Discovery URI" holds. */
  readonly discoveryUri: string;
  /** The IdP client the page's authorization request uses (the Genesys integration's client). */
  readonly clientId: string;
}

export interface RunningEmulator {
  /** Base URL, such as `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  /**
   * The admin token for `/emulator/*` (header `X-Emulator-Token`): random per start, printed with
   * the URL, embedded in the agent page. Give it only to code on this machine that drives the emulator.
   */
  readonly token: string;
  /** Switches faults: script faults for the whole emulator, the rest per deployment. */
  setFaults(faults: ScriptFaults & { deploymentId?: string } & DeploymentFaults): void;
  /** Clears every fault, conversation, session and issued OAuth token. */
  reset(): void;
  /** The conversations so far, as the agent page shows them. */
  conversations(): ReturnType<typeof conversationSummary>[];
  /** The agent ends a conversation: the guest gets a presence Disconnect event. */
  disconnect(conversationId: string): void;
  /** Lets one more exact page origin read the Platform API stand-ins (for a harness that learns its port late). */
  allowOrigin(origin: string): void;
  /** The OpenID provider, when a deployment has `auth.enabled`; undefined otherwise. */
  readonly auth: RunningAuth | undefined;
  close(): Promise<void>;
}

/**
 * Starts the emulator: HTTP and the Guest API WebSocket on one port, bound to 127.0.0.1 unless
 * told otherwise. Resolves once it listens.
 */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const problem = authConfigProblem(options);
  if (problem) throw new Error(`genesys-emulator: ${problem}`);
  const deployments = new Map<string, EmulatorDeployment>();
  for (const d of options.deployments)
    deployments.set(d.id.toLowerCase(), { ...d, faults: { ...d.faults } });
  const initialFaults = new Map([...deployments].map(([id, d]) => [id, { ...d.faults }]));
  let scriptFaults: ScriptFaults = { ...options.faults };
  const routing: RoutingConfig = options.routing ?? DEFAULT_ROUTING;
  const oauth = new OAuthStandIn(options.oauthClients ?? [DEFAULT_OAUTH_CLIENT]);
  const token = randomBytes(32).toString('base64url');
  const origins = new Set<string>();
  const allowOrigin = (origin: string) => {
    const normal = normalOrigin(origin);
    if (normal === undefined)
      throw new Error(`genesys-emulator: origin must be scheme://host[:port]`);
    origins.add(normal);
  };
  (options.origins ?? []).forEach(allowOrigin);
  const store = new ConversationStore();
  const hanging = new Set<ServerResponse>();
  let authRuntime: AuthRuntime | undefined;
  const deployment = (id: string) => deployments.get(id.toLowerCase());
  const guestApi = new GuestApi({
    store,
    routing: () => routing,
    faults: (id) => deployments.get(id)?.faults ?? {},
    defaultRatePerSecond: () => options.rateLimitPerSecond ?? 5,
    auth: () => authRuntime,
    authSettings: (id) => deployment(id)?.auth,
    conversations: (id) => deployment(id)?.conversations,
  });
  const host = options.host ?? '127.0.0.1';
  const hostAllowed = hostGuard(host, options.hosts);
  let url = '';

  function setFaults(faults: ScriptFaults & { deploymentId?: string } & DeploymentFaults): void {
    const { deploymentId, script404, scriptHang, ...rest } = checkedFaults(faults);
    // Every check comes before any change: a refused request leaves every fault as it was.
    const targets = deploymentId
      ? [deployments.get(deploymentId.toLowerCase())]
      : [...deployments.values()];
    if (targets.some((d) => !d)) throw new Error('unknown deploymentId');
    if (script404 !== undefined || scriptHang !== undefined) {
      scriptFaults = {
        ...scriptFaults,
        ...(script404 !== undefined && { script404 }),
        ...(scriptHang !== undefined && { scriptHang }),
      };
      if (!scriptFaults.scriptHang) for (const res of hanging) res.destroy();
    }
    if (Object.keys(rest).length === 0) return;
    for (const d of targets) d!.faults = { ...d!.faults, ...rest };
  }

  function reset(): void {
    scriptFaults = { ...options.faults };
    for (const [id, d] of deployments) d.faults = { ...initialFaults.get(id) };
    for (const res of hanging) res.destroy();
    store.clear();
    guestApi.reset();
    oauth.revokeAll();
  }

  const authDeployments = () => [...deployments.values()].filter((d) => d.auth?.enabled === true);
  const routes = [
    ...tokenRoutes({
      auth: () => authRuntime,
      deployment,
      authDeployments,
      revoked: (authSessionId) => guestApi.logout(authSessionId),
    }),
    ...emulatorRoutes({
      url: () => url,
      token,
      deployments,
      scriptFaults: () => scriptFaults,
      hanging,
      store,
      guestApi,
      oauth,
      assets: {
        bootstrap: readAsset('bootstrap/genesys-bootstrap.js'),
        agentScript: readAsset('agent/agent-page.js'),
      },
      setFaults,
      reset,
      auth: () => authRuntime,
    }),
  ];
  const policy = {
    token,
    hostAllowed,
    apiOrigin: (origin: string) => origins.has(normalOrigin(origin) ?? ''),
    deploymentOrigin: (origin: string, id: string | undefined) => {
      const d = id ? deployments.get(id.toLowerCase()) : undefined;
      return originAllowedFor(origin, d ? [d] : [...deployments.values()]);
    },
  };
  const server = createServer((req, res) => void dispatch(routes, policy, req, res));

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('error', () => undefined); // a failed handshake is the client's problem, not the process's
  server.on('upgrade', (req, socket: Socket, head) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, reason: string): void => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const path = requestPath(req.url);
    if (path === undefined) return refuse(400, 'Bad Request');
    if (!hostAllowed(req)) return refuse(403, 'Forbidden');
    const query = new URL(req.url!, 'http://emulator.invalid').searchParams;
    const deployment = deployments.get((query.get('deploymentId') ?? '').toLowerCase());
    if (path !== '/v1' || !deployment) return refuse(404, 'Not Found');
    if (deployment.status === 'Inactive' || !originAllowedFor(req.headers.origin, [deployment]))
      return refuse(403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => guestApi.accept(ws, deployment.id.toLowerCase()));
  });

  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (authDeployments().length > 0) {
    try {
      const { createAuthRuntime, DEFAULT_TEST_USERS } = await import('./auth');
      authRuntime = await createAuthRuntime({
        host,
        idpPort: options.auth!.idpPort,
        jwtTtlSeconds: options.auth!.jwtTtlSeconds,
        redirectUris: options.auth!.redirectUris,
        users: options.auth!.users ?? DEFAULT_TEST_USERS,
        genesysIssuer: url,
        deploymentAllowed: (id) => deployment(id)?.auth?.enabled === true,
        log: options.quiet ? undefined : (line) => console.log(`genesys-emulator ${line}`),
      });
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
  }
  if (!options.quiet) {
    console.log(`genesys-emulator listening on ${url} (agent page: ${url}/emulator/)`);
    // Printed once, for the developer who started it, as local dev servers print theirs.
    console.log(`admin token for /emulator/* (header X-Emulator-Token): ${token}`);
  }

  return {
    url,
    port,
    token,
    setFaults,
    reset,
    conversations: () => store.all().map(conversationSummary),
    allowOrigin,
    auth: authRuntime && {
      issuer: authRuntime.issuer,
      discoveryUri: authRuntime.discoveryUri,
      clientId: authRuntime.clientId,
    },
    disconnect: (id) => {
      const c = store.get(id);
      if (!c) throw new Error('unknown conversation id');
      guestApi.disconnect(c);
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      });
      await authRuntime?.close();
    },
  };
}

/** `http://LocalHost:4200/` → `http://localhost:4200`; an opaque or unparsable origin is undefined. */
function normalOrigin(origin: string): string | undefined {
  try {
    const u = new URL(origin);
    return u.origin === 'null' ? undefined : u.origin;
  } catch {
    return undefined;
  }
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
