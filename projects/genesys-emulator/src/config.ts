import { readFileSync } from 'node:fs';
import type { TestUser } from './auth/types';
import { type DeploymentConversations, conversationsConfigProblem } from './conversation-settings';
export type { DeploymentConversations } from './conversation-settings';

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
  /**
   * Authenticated messaging (MT DeploymentConfig `auth`; TF `authentication_settings`): with
   * `enabled`, a session cannot send messages until it is authenticated (configureAuthenticatedSession);
   * `allowSessionUpgrade` lets an anonymous session of the same token be upgraded to an authenticated one.
   */
  auth?: DeploymentAuth;
  /**
   * `messenger.apps.conversations` settings (MT DeploymentConfig): `conversationDisconnect`
   * (`Send` | `ReadOnly`), `conversationClear`, `showUserTypingIndicator`. See conversation-settings.ts.
   */
  conversations?: DeploymentConversations;
  /**
   * `messenger.launcherButton.visibility` (TF `launcher_button.visibility`; reference §1): `On`
   * shows the stand-in's launcher at start, `OnDemand` (the default here) only after
   * `Launcher.show`, `Off` never.
   */
  launcherVisibility?: 'On' | 'Off' | 'OnDemand';
  /** `journeyEvents.enabled` (MT DeploymentConfig): the stand-in accepts `Journey.pageview`. Default false. */
  journeyEvents?: boolean;
  faults?: DeploymentFaults;
}

export interface DeploymentAuth {
  enabled: boolean;
  allowSessionUpgrade?: boolean;
}

/** The emulator's OpenID provider (the "customer's IdP"); started only when a deployment has auth on. */
export interface EmulatorAuthOptions {
  /** Redirect URIs registered at the IdP: the page's sign-in callback URL(s). */
  redirectUris: string[];
  /** People who can sign in. Default: the emulator's two test users (premium and standard). */
  users?: TestUser[];
  /** Port for the IdP's own HTTP server; default 0 (any free port). */
  idpPort?: number;
  /** Web-messaging JWT lifetime in seconds, 1 to 900 (Genesys' 15-minute cap); tests shorten it to see expiry. */
  jwtTtlSeconds?: number;
}

/**
 * Every condition given must hold. `attribute`/`equals`/`exists` read the CLAIMED custom attributes
 * (anything the page sends); `verified` and `externalId` read the identity the emulator verified
 * from the web-messaging JWT, which the page cannot forge.
 */
export interface RoutingCondition {
  attribute?: string;
  equals?: string;
  exists?: boolean;
  /** The session is authenticated (true) or anonymous (false). */
  verified?: boolean;
  /** The verified external id (the IdP's `crm_customer_id` claim) equals this. */
  externalId?: string;
}

export interface RoutingRule {
  when: RoutingCondition;
  queue: string;
  /**
   * `disconnect`: the flow ends the conversation right after routing it, with the same frames as
   * an agent disconnect (an outbound presence `Disconnect`, then the deployment's disconnect type).
   */
  action?: 'disconnect';
}

export interface VerificationRouting {
  /** The claimed attribute compared with the verified external id. Default `crmCustomerId`. */
  claimedIdAttribute?: string;
  /** Where a verified conversation whose claim disagrees goes, before any rule. Default `Verification Mismatch`. */
  mismatchQueue?: string;
}

export interface RoutingConfig {
  rules: RoutingRule[];
  defaultQueue: string;
  verification?: VerificationRouting;
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
  /** The OpenID provider for deployments with `auth.enabled`; required when one has it. */
  auth?: EmulatorAuthOptions;
  /** Print nothing. */
  quiet?: boolean;
}

export const DEFAULT_ROUTING: RoutingConfig = { rules: [], defaultQueue: 'General' };
export const DEFAULT_OAUTH_CLIENT: OAuthClient = {
  clientId: 'emulator-client',
  clientSecret: 'emulator-secret',
};
export const DEFAULT_ALLOWED_DOMAINS = ['localhost', '127.0.0.1'];

/** Reads an `emulator.config.json`: `{ deployments, routing?, oauthClients?, rateLimitPerSecond?, faults?, origins?, hosts?, auth? }`. */
export function loadEmulatorConfig(path: string): Omit<EmulatorOptions, 'port' | 'host'> {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<EmulatorOptions>;
  if (!Array.isArray(parsed.deployments) || parsed.deployments.length === 0) {
    throw new Error(`${path}: "deployments" must list at least one deployment`);
  }
  for (const d of parsed.deployments) {
    if (typeof d.id !== 'string' || !d.id)
      throw new Error(`${path}: every deployment needs an "id"`);
    const conversations = conversationsConfigProblem(d.id, d.conversations);
    if (conversations) throw new Error(`${path}: ${conversations}`);
    if (
      d.launcherVisibility !== undefined &&
      !['On', 'Off', 'OnDemand'].includes(d.launcherVisibility)
    )
      throw new Error(
        `${path}: deployment ${d.id}: "launcherVisibility" must be On, Off or OnDemand`,
      );
    if (d.journeyEvents !== undefined && typeof d.journeyEvents !== 'boolean')
      throw new Error(`${path}: deployment ${d.id}: "journeyEvents" must be true or false`);
  }
  for (const rule of parsed.routing?.rules ?? [])
    if (rule.action !== undefined && rule.action !== 'disconnect')
      throw new Error(`${path}: a routing rule's "action" can only be "disconnect"`);
  for (const key of ['origins', 'hosts'] as const) {
    const list = parsed[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((v) => typeof v !== 'string')))
      throw new Error(`${path}: "${key}" must be a list of strings`);
  }
  const problem = authConfigProblem(parsed);
  if (problem) throw new Error(`${path}: ${problem}`);
  return parsed as Omit<EmulatorOptions, 'port' | 'host'>;
}

/** What is wrong with the auth settings, or undefined; startEmulator() and the config loader share it. */
export function authConfigProblem(options: Partial<EmulatorOptions>): string | undefined {
  for (const d of options.deployments ?? []) {
    const a = d.auth;
    if (a === undefined) continue;
    if (typeof a !== 'object' || a === null || typeof a.enabled !== 'boolean')
      return `deployment "${d.id}": "auth" must be { "enabled": true|false, "allowSessionUpgrade"?: true|false }`;
    if (a.allowSessionUpgrade !== undefined && typeof a.allowSessionUpgrade !== 'boolean')
      return `deployment "${d.id}": "auth.allowSessionUpgrade" must be true or false`;
  }
  const needed = (options.deployments ?? []).some((d) => d.auth?.enabled === true);
  const auth = options.auth;
  if (auth === undefined)
    return needed
      ? 'a deployment has "auth.enabled": add a top-level "auth": { "redirectUris": ["<page callback URL>"] }'
      : undefined;
  if (
    !Array.isArray(auth.redirectUris) ||
    auth.redirectUris.length === 0 ||
    auth.redirectUris.some((u) => typeof u !== 'string')
  )
    return '"auth.redirectUris" must list the page\'s sign-in callback URL(s)';
  if (auth.users !== undefined && (!Array.isArray(auth.users) || auth.users.length === 0))
    return '"auth.users" must list at least one test user, or be left out for the defaults';
  if (
    auth.idpPort !== undefined &&
    (!Number.isInteger(auth.idpPort) || auth.idpPort < 0 || auth.idpPort > 65535)
  )
    return '"auth.idpPort" must be a port number (0 for any free port)';
  if (
    auth.jwtTtlSeconds !== undefined &&
    (!Number.isInteger(auth.jwtTtlSeconds) || auth.jwtTtlSeconds < 1 || auth.jwtTtlSeconds > 900)
  )
    return '"auth.jwtTtlSeconds" must be a whole number of seconds from 1 to 900';
  return undefined;
}
