import { invalidConfig } from '../errors/errors';
import {
  ɵfindGenesysRegion as findGenesysRegion,
  ɵmessengerScriptUrl as messengerScriptUrl,
} from 'ngx-genesys-chat/regions';
import { checkAllowedScriptHosts, checkScriptUrl } from '../regions/script-host';
import { ATTRIBUTE_KEY_PATTERN, FORBIDDEN_ATTRIBUTE_KEYS } from '../attributes/attribute-rules';
import { isPiiKey } from '../attributes/pii-guard';
import type { GenesysChatConfig, ResolvedGenesysChatConfig } from './genesys-chat-config';
import { isDeploymentId } from './deployment-id';

const LOAD = ['eager', 'idle', 'interaction', 'manual'] as const;
const MODE = ['messenger', 'headless'] as const;
// setTimeout fires at once for longer delays (a signed 32-bit millisecond count).
const MAX_TIMER_MS = 2_147_483_647;

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

  if (!isDeploymentId(raw.deploymentId)) {
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
      'is not a Genesys Cloud region; see GENESYS_REGIONS (ngx-genesys-chat/regions) for the canonical names.',
    );
  }

  const allowedScriptHosts = checkAllowedScriptHosts(raw.allowedScriptHosts);
  const allowPii = flag(raw.allowPii, 'allowPii');
  const crmAttributeKey = attributeKey(
    raw.crmAttributeKey,
    'crmAttributeKey',
    'crmCustomerId',
    allowPii,
  );
  const tierAttributeKey = attributeKey(
    raw.tierAttributeKey,
    'tierAttributeKey',
    'customerTier',
    allowPii,
  );
  if (crmAttributeKey === tierAttributeKey) {
    throw invalidConfig(
      'tierAttributeKey',
      'is the same as crmAttributeKey: the tier would overwrite the CRM id. Give them different names.',
    );
  }
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
    allowPii,
    crmAttributeKey,
    tierAttributeKey,
    allowedScriptHosts,
    piiAllowedKeys: keyList(raw.piiAllowedKeys, 'piiAllowedKeys'),
  };
}

function positiveMs(value: unknown, key: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalidConfig(key, 'must be a positive number of milliseconds.');
  }
  if (value > MAX_TIMER_MS) {
    throw invalidConfig(
      key,
      "must be at most 2,147,483,647 ms (about 24.8 days), the browser's timer limit; a longer delay fires at once.",
    );
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

function attributeKey(value: unknown, key: string, fallback: string, allowPii: boolean): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !ATTRIBUTE_KEY_PATTERN.test(value)) {
    throw invalidConfig(
      key,
      'must be an identifier-like attribute key (letters, digits and _; not starting with a digit).',
    );
  }
  if (FORBIDDEN_ATTRIBUTE_KEYS.has(value)) {
    throw invalidConfig(
      key,
      'is a reserved JavaScript property name; pick another attribute name.',
    );
  }
  // With the guard on, every start would then fail with PII_REJECTED: say so at configuration time.
  if (!allowPii && isPiiKey(value)) {
    throw invalidConfig(
      key,
      'is named like a personal-data field, which the PII guard refuses; use a neutral name such as "crmCustomerId".',
    );
  }
  return value;
}

function keyList(value: unknown, key: string): readonly string[] {
  if (value === undefined) return [];
  const ok =
    Array.isArray(value) &&
    value.every(
      (k: unknown) =>
        typeof k === 'string' && ATTRIBUTE_KEY_PATTERN.test(k) && !FORBIDDEN_ATTRIBUTE_KEYS.has(k),
    );
  if (!ok) {
    throw invalidConfig(key, 'must be an array of attribute keys, such as ["orderNumber"].');
  }
  return Object.freeze([...(value as string[])]);
}
