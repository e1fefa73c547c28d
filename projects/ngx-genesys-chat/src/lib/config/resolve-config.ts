import { invalidConfig } from '../errors/errors';
import { findGenesysRegion, messengerScriptUrl } from '../regions/regions';
import { checkAllowedScriptHosts, checkScriptUrl } from '../regions/script-host';
import { ATTRIBUTE_KEY_PATTERN } from '../attributes/attribute-rules';
import type { GenesysChatConfig, ResolvedGenesysChatConfig } from './genesys-chat-config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOAD = ['eager', 'idle', 'interaction', 'manual'] as const;
const MODE = ['messenger', 'headless'] as const;

/** Validates the user's config and fills in defaults. Throws `INVALID_CONFIG` naming the key at fault. */
export function resolveGenesysChatConfig(
  config: GenesysChatConfig | null | undefined,
): ResolvedGenesysChatConfig {
  if (!config || typeof config !== 'object') {
    throw invalidConfig(
      'config',
      'is missing: call provideGenesysChat({ deploymentId, environment | region }).',
    );
  }
  // Read through a loose view: the config may come from JSON or untyped code.
  const raw = config as Partial<Record<keyof GenesysChatConfig, unknown>>;

  if (typeof raw.deploymentId !== 'string' || !UUID.test(raw.deploymentId.trim())) {
    throw invalidConfig(
      'deploymentId',
      'must be the deployment UUID from Admin > Message > Messenger Deployments.',
    );
  }
  if ((raw.environment === undefined) === (raw.region === undefined)) {
    throw invalidConfig(
      'environment',
      'or "region": give exactly one, e.g. environment: "prod-euw1" or region: "eu-west-1".',
    );
  }
  const info =
    raw.environment !== undefined
      ? findGenesysRegion({ environment: String(raw.environment) })
      : findGenesysRegion({ region: String(raw.region) });
  if (!info) {
    const key = raw.environment !== undefined ? 'environment' : 'region';
    throw invalidConfig(
      key,
      'is not a Genesys Cloud region; see GENESYS_REGIONS for the canonical names.',
    );
  }

  const allowedScriptHosts = checkAllowedScriptHosts(raw.allowedScriptHosts);
  return {
    deploymentId: raw.deploymentId.trim().toLowerCase(),
    environment: info.environment,
    scriptUrl:
      raw.scriptUrl === undefined
        ? messengerScriptUrl(info)
        : checkScriptUrl(raw.scriptUrl, info, allowedScriptHosts),
    readyTimeoutMs: positiveMs(raw.readyTimeoutMs, 'readyTimeoutMs', 15_000),
    commandTimeoutMs: positiveMs(raw.commandTimeoutMs, 'commandTimeoutMs', 10_000),
    load: oneOf(raw.load, 'load', LOAD, 'idle'),
    mode: oneOf(raw.mode, 'mode', MODE, 'messenger'),
    debug: flag(raw.debug, 'debug'),
    allowPii: flag(raw.allowPii, 'allowPii'),
    crmAttributeKey: attributeKey(raw.crmAttributeKey, 'crmAttributeKey', 'crmCustomerId'),
    tierAttributeKey: attributeKey(raw.tierAttributeKey, 'tierAttributeKey', 'customerTier'),
    allowedScriptHosts,
  };
}

function positiveMs(value: unknown, key: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalidConfig(key, 'must be a positive number of milliseconds.');
  }
  return value;
}

function oneOf<T extends string>(
  value: unknown,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    throw invalidConfig(key, `must be one of ${allowed.join(', ')}.`);
  return value as T;
}

function flag(value: unknown, key: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalidConfig(key, 'must be true or false.');
  return value;
}

function attributeKey(value: unknown, key: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !ATTRIBUTE_KEY_PATTERN.test(value)) {
    throw invalidConfig(
      key,
      'must be an identifier-like attribute key (letters, digits and _; not starting with a digit).',
    );
  }
  return value;
}
