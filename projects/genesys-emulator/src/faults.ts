import type { DeploymentFaults, ScriptFaults } from './config';

type FaultRequest = ScriptFaults & { deploymentId?: string } & DeploymentFaults;

const isBool = (v: unknown) => typeof v === 'boolean';
const CHECKS: Record<keyof FaultRequest, (v: unknown) => boolean> = {
  deploymentId: (v) => typeof v === 'string' && v.length > 0 && v.length <= 200,
  script404: isBool,
  scriptHang: isBool,
  neverReady: (v) => v === false || v === 'Database' || v === 'Messenger' || v === 'all',
  databaseSetRejected: isBool,
  databaseSetNoAnswer: isBool,
  messengerOpenRejected: isBool,
  dropSocketAfterMessages: (v) => v === null || (Number.isInteger(v) && (v as number) >= 1),
  rateLimitPerSecond: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
};

/**
 * Checks a fault switch (from POST /emulator/faults or setFaults()) before anything changes:
 * an unknown key or a value of the wrong type is an error that names the key, so a typo in a
 * test fails loudly instead of silently switching nothing.
 */
export function checkedFaults(input: unknown): FaultRequest {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new Error('faults must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!Object.prototype.hasOwnProperty.call(CHECKS, key))
      throw new Error(`unknown fault "${key.slice(0, 40)}"`);
    if (value === undefined) continue;
    if (!CHECKS[key as keyof FaultRequest](value))
      throw new Error(`fault "${key}" has a value of the wrong type`);
    out[key] = value;
  }
  return out as FaultRequest;
}
