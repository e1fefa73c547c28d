import { readFileSync } from 'node:fs';

/** Faults a test can switch on. Script faults apply to the whole emulator: the bootstrap URL carries no deployment id, as on the real CDN. */
export interface ScriptFaults {
  /** `/genesys-bootstrap/genesys.min.js` answers 404. */
  script404?: boolean;
  /** The bootstrap request is accepted and never answered. */
  scriptHang?: boolean;
}

/** Faults per deployment. */
export interface DeploymentFaults {
  /** Which ready events are never published: `Database.ready`, `Messenger.ready`, or every ready event. */
  neverReady?: 'Database' | 'Messenger' | 'all' | false;
  /** `Database.set` and `Database.update` reject. */
  databaseSetRejected?: boolean;
  /** `Database.set` and `Database.update` are never answered. */
  databaseSetNoAnswer?: boolean;
  /** `Messenger.open` rejects. */
  messengerOpenRejected?: boolean;
  /** The server drops the guest's WebSocket after this many messages on it. */
  dropSocketAfterMessages?: number | null;
  /** Per-session `onMessage` rate; above it the server answers 429/4029. */
  rateLimitPerSecond?: number;
}

export interface EmulatorDeployment {
  /** The deployment id (a UUID) pages put in their snippet. */
  id: string;
  name?: string;
  /** `Inactive` deployments get no Messenger. Default `Active`. */
  status?: 'Active' | 'Inactive';
  /** Hostnames allowed to use the deployment (ports are ignored); `*` allows all. Default `localhost`, `127.0.0.1`. */
  allowedDomains?: string[];
  /** `headlessMode.enabled`: no Messenger UI, `Messenger.open` rejects. */
  headless?: boolean;
  faults?: DeploymentFaults;
}

export interface RoutingRule {
  when: { attribute: string; equals?: string; exists?: boolean };
  queue: string;
}

export interface RoutingConfig {
  rules: RoutingRule[];
  defaultQueue: string;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface EmulatorOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the emulator is for this machine only. */
  host?: string;
  /**
   * Exact page origins (`http://localhost:4200`) that may read the Platform API stand-ins
   * (`/oauth/token`, `/api/v2/*`) cross-origin. Default none. The admin routes (`/emulator/*`)
   * are never granted to another origin.
   */
  origins?: string[];
  /** Host names, besides the loopback names and the bind host, that the Host header may carry (DNS-rebinding guard). */
  hosts?: string[];
  deployments: EmulatorDeployment[];
  routing?: RoutingConfig;
  /** Clients for `POST /oauth/token`. Default one client, `emulator-client` / `emulator-secret`. */
  oauthClients?: OAuthClient[];
  /** Default per-session message rate (messages per second). Default 5. */
  rateLimitPerSecond?: number;
  faults?: ScriptFaults;
  /** Print nothing. */
  quiet?: boolean;
}

export const DEFAULT_ROUTING: RoutingConfig = { rules: [], defaultQueue: 'General' };
export const DEFAULT_OAUTH_CLIENT: OAuthClient = {
  clientId: 'emulator-client',
  clientSecret: 'emulator-secret',
};
export const DEFAULT_ALLOWED_DOMAINS = ['localhost', '127.0.0.1'];

/** Reads an `emulator.config.json`: `{ deployments, routing?, oauthClients?, rateLimitPerSecond?, faults?, origins?, hosts? }`. */
export function loadEmulatorConfig(path: string): Omit<EmulatorOptions, 'port' | 'host'> {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<EmulatorOptions>;
  if (!Array.isArray(parsed.deployments) || parsed.deployments.length === 0) {
    throw new Error(`${path}: "deployments" must list at least one deployment`);
  }
  for (const d of parsed.deployments) {
    if (typeof d.id !== 'string' || !d.id)
      throw new Error(`${path}: every deployment needs an "id"`);
  }
  for (const key of ['origins', 'hosts'] as const) {
    const list = parsed[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((v) => typeof v !== 'string')))
      throw new Error(`${path}: "${key}" must be a list of strings`);
  }
  return parsed as Omit<EmulatorOptions, 'port' | 'host'>;
}
