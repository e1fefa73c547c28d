import { InjectionToken } from '@angular/core';
import type { GenesysEnvironment, GenesysRegion } from 'ngx-genesys-chat/regions';

/**
 * When the Messenger script is fetched.
 * - `eager`: as soon as the app starts.
 * - `idle` (default): after the page's load event, once the browser is idle, or at the first interaction.
 * - `interaction`: at the first pointer, touch or key input on the page.
 * - `manual`: only when `load()`, `ready$` or `startChat()` asks for it.
 * Whatever the strategy, starting a chat loads Messenger if it isn't loaded yet.
 */
export type GenesysLoadStrategy = 'eager' | 'idle' | 'interaction' | 'manual';

/** `messenger` opens Genesys' own UI; `headless` drives MessagingService for a UI of your own. */
export type GenesysChatMode = 'messenger' | 'headless';

interface GenesysChatConfigBase {
  /** The Messenger deployment id (a UUID) from Admin > Message > Messenger Deployments. */
  deploymentId: string;
  /** Milliseconds `ready$` waits for Messenger before failing with `READY_TIMEOUT`. Default 15000. */
  readyTimeoutMs?: number;
  /** Milliseconds a single Genesys command may take before `COMMAND_TIMEOUT`. Default 10000. */
  commandTimeoutMs?: number;
  /** When the script is fetched. Default `'idle'`. */
  load?: GenesysLoadStrategy;
  /** Default `'messenger'`. */
  mode?: GenesysChatMode;
  /**
   * Loads the bootstrap from this URL instead of the regional Genesys CDN: a proxy, or the local emulator.
   * Its host must be the configured region's `apps.` host, a loopback host (`localhost`, `127.0.0.1`,
   * `[::1]`, plain http allowed there), or a host listed in `allowedScriptHosts`. Anything else is https.
   */
  scriptUrl?: string;
  /**
   * Exact host names (no scheme, port, path or wildcard) that `scriptUrl` may point at besides the
   * region's `apps.` host and loopback, such as `['chat-proxy.example.com']`. Write it in code: the
   * script host must never come from the page URL, storage or any other input. Default `[]`.
   */
  allowedScriptHosts?: readonly string[];
  /** Passes `debug: true` to Messenger and logs the library's steps (keys only, never values). */
  debug?: boolean;
  /** Turns off the personal-data guard on attribute keys and values. Default false. */
  allowPii?: boolean;
  /**
   * Attribute keys the personal-data guard skips, for a value that only looks like personal data
   * (an order number shaped like a phone number): `['orderNumber']`. The guard stays on for every
   * other key; control characters and the size limit still apply. Default `[]`.
   */
  piiAllowedKeys?: readonly string[];
  /** The custom attribute that carries the CRM id. Default `'crmCustomerId'`. */
  crmAttributeKey?: string;
  /** The custom attribute that carries the customer tier. Default `'customerTier'`. */
  tierAttributeKey?: string;
}

/** Configuration of the one Messenger deployment on the page. Give exactly one of `environment` and `region`. */
export type GenesysChatConfig = GenesysChatConfigBase &
  (
    | {
        /** Canonical Messenger environment, such as `prod` or `prod-euw1`. */ environment: GenesysEnvironment;
        region?: never;
      }
    | { /** AWS region name, such as `eu-west-1`. */ region: GenesysRegion; environment?: never }
  );

/** The config as the user wrote it. Validated when first used, so a typo fails with `INVALID_CONFIG`, not a crash at bootstrap. */
export const GENESYS_CHAT_CONFIG = new InjectionToken<GenesysChatConfig>('GENESYS_CHAT_CONFIG');

/** The validated config with every default filled in. */
export interface ResolvedGenesysChatConfig {
  readonly deploymentId: string;
  readonly environment: GenesysEnvironment;
  readonly scriptUrl: string;
  readonly readyTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly load: GenesysLoadStrategy;
  readonly mode: GenesysChatMode;
  readonly debug: boolean;
  readonly allowPii: boolean;
  readonly crmAttributeKey: string;
  readonly tierAttributeKey: string;
  /** Hosts `scriptUrl` may use besides the region's and loopback, lower-cased. */
  readonly allowedScriptHosts: readonly string[];
  /** Keys the personal-data guard skips. */
  readonly piiAllowedKeys: readonly string[];
}
