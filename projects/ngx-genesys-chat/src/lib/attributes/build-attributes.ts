import {
  attributesTooLarge,
  invalidAttributes,
  invalidCustomerId,
  piiRejected,
} from '../errors/errors';
import {
  ATTRIBUTE_KEY_PATTERN,
  CONTROL_CHARACTERS,
  FORBIDDEN_ATTRIBUTE_KEYS,
  MAX_CUSTOM_ATTRIBUTE_BYTES,
  MAX_CUSTOMER_ID_LENGTH,
  utf8Bytes,
} from './attribute-rules';
import { detectPiiValue, isPiiKey } from './pii-guard';

/** The part of the resolved config the attribute rules depend on. */
export interface AttributeRules {
  readonly crmAttributeKey: string;
  readonly tierAttributeKey: string;
  readonly allowPii: boolean;
}

/** Custom attributes ready for `Database.set`: string to string, validated, within 2048 bytes. */
export type CustomAttributes = Readonly<Record<string, string>>;

/**
 * Turns a customer (object or id string) plus extra attributes into the exact map Genesys will get.
 * Throws a `GenesysChatError` on any rule broken; the caller sends nothing in that case.
 * Inputs are `unknown` on purpose: they arrive from templates and untyped code.
 */
export function buildCustomerAttributes(
  customer: unknown,
  extra: unknown,
  rules: AttributeRules,
): CustomAttributes {
  const out: Record<string, string> = {};
  const { id, tier, attributes } = readCustomer(customer);
  out[rules.crmAttributeKey] = id;
  if (tier !== undefined) {
    out[rules.tierAttributeKey] = coerceValue(rules.tierAttributeKey, tier);
  }
  const reserved = new Set(Object.keys(out));
  for (const map of [attributes, extra]) {
    for (const [key, value] of readMap(map)) {
      if (reserved.has(key)) {
        throw invalidAttributes(
          key,
          'is set from the customer object; do not set it again in the attribute map',
        );
      }
      out[key] = coerceValue(key, value);
    }
  }
  return checkAttributes(out, rules);
}

/** Validates and coerces a free attribute map (for `setAttributes`). */
export function buildAttributes(attributes: unknown, rules: AttributeRules): CustomAttributes {
  const out: Record<string, string> = {};
  for (const [key, value] of readMap(attributes)) out[key] = coerceValue(key, value);
  return checkAttributes(out, rules);
}

function readCustomer(customer: unknown): { id: string; tier?: unknown; attributes?: unknown } {
  let id: unknown = customer;
  let tier: unknown;
  let attributes: unknown;
  if (customer !== null && typeof customer === 'object' && !Array.isArray(customer)) {
    const c = customer as Record<string, unknown>;
    id = c['id'];
    // An empty tier means "no tier", as a CRM export often writes it.
    tier = c['tier'] === '' || c['tier'] === null ? undefined : c['tier'];
    attributes = c['attributes'];
  }
  if (typeof id !== 'string') throw invalidCustomerId('is missing or not a string');
  const trimmed = id.trim();
  if (!trimmed) throw invalidCustomerId('is empty');
  if (trimmed.length > MAX_CUSTOMER_ID_LENGTH)
    throw invalidCustomerId(`is longer than ${MAX_CUSTOMER_ID_LENGTH} characters`);
  if (CONTROL_CHARACTERS.test(trimmed)) throw invalidCustomerId('contains control characters');
  return { id: trimmed, tier, attributes };
}

function readMap(map: unknown): [string, unknown][] {
  if (map === undefined || map === null) return [];
  if (typeof map !== 'object' || Array.isArray(map)) {
    throw invalidAttributes('(map)', 'must be a plain object of key/value pairs');
  }
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(map)) {
    if (FORBIDDEN_ATTRIBUTE_KEYS.has(key))
      throw invalidAttributes(key, 'is a reserved JavaScript property name');
    if (!ATTRIBUTE_KEY_PATTERN.test(key)) {
      throw invalidAttributes(
        safeKey(key),
        'is not identifier-like: use letters, digits and _, not starting with a digit, at most 128 characters',
      );
    }
    entries.push([key, (map as Record<string, unknown>)[key]]);
  }
  return entries;
}

function coerceValue(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const what =
    typeof value === 'number'
      ? 'is not a finite number'
      : `is ${value === null ? 'null' : `a ${typeof value}`}`;
  throw invalidAttributes(key, `${what}; values must be strings, finite numbers or booleans`);
}

function checkAttributes(attrs: Record<string, string>, rules: AttributeRules): CustomAttributes {
  let bytes = 0;
  for (const [key, value] of Object.entries(attrs)) bytes += utf8Bytes(key) + utf8Bytes(value);
  if (bytes > MAX_CUSTOM_ATTRIBUTE_BYTES)
    throw attributesTooLarge(bytes, MAX_CUSTOM_ATTRIBUTE_BYTES);
  if (!rules.allowPii) {
    for (const [key, value] of Object.entries(attrs)) {
      if (isPiiKey(key)) throw piiRejected(key, 'is named like a personal-data field');
      const found = detectPiiValue(value);
      if (found) throw piiRejected(key, found);
    }
  }
  return Object.freeze(attrs);
}

/** A bad key may itself be a value pasted in the wrong place; cut it down before it goes into a message. */
function safeKey(key: string): string {
  if (detectPiiValue(key)) return '(withheld: the key itself looks like personal data)';
  const printable = key.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
