import {
  attributesTooLarge,
  invalidAttributes,
  invalidCustomerId,
  piiRejected,
} from '../errors/errors';
import { GenesysChatError } from '../errors/genesys-chat-error';
import {
  ATTRIBUTE_KEY_PATTERN,
  CONTROL_CHARACTERS,
  FORBIDDEN_ATTRIBUTE_KEYS,
  FORBIDDEN_VALUE_CHARACTERS,
  INVISIBLE_CHARACTERS,
  MAX_CUSTOM_ATTRIBUTE_BYTES,
  MAX_CUSTOMER_ID_LENGTH,
  ONLY_INVISIBLE_CHARACTERS,
  utf8Bytes,
} from './attribute-rules';
import { detectPiiValue, isPiiKey } from './pii-guard';

/** The part of the resolved config the attribute rules depend on. */
export interface AttributeRules {
  readonly crmAttributeKey: string;
  readonly tierAttributeKey: string;
  readonly allowPii: boolean;
  /** Keys the personal-data guard skips (both the key name and the value checks). Default none. */
  readonly piiAllowedKeys?: readonly string[];
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
  const { id, tier, attributes } = readCustomer(customer, rules);
  out[rules.crmAttributeKey] = id;
  if (tier !== undefined) out[rules.tierAttributeKey] = tier;
  const reserved = new Set(Object.keys(out));
  for (const map of [attributes, extra]) {
    for (const [key, value] of readMap(map)) {
      if (reserved.has(key)) {
        throw fail(
          key,
          'is set from the customer object; do not set it again in the attribute map',
        );
      }
      out[key] = value;
    }
  }
  return checkAttributes(out, rules);
}

/** Validates and coerces a free attribute map (for `setAttributes`). */
export function buildAttributes(attributes: unknown, rules: AttributeRules): CustomAttributes {
  return checkAttributes(Object.fromEntries(readMap(attributes)), rules);
}

/**
 * Reads the customer once, property by property. A getter or Proxy that throws becomes a typed
 * error; its own message is dropped, since it may quote the data it was guarding.
 */
function readCustomer(
  customer: unknown,
  rules: AttributeRules,
): { id: string; tier?: string; attributes?: unknown } {
  let id: unknown = customer;
  let tier: unknown;
  let attributes: unknown;
  try {
    if (customer !== null && typeof customer === 'object' && !Array.isArray(customer)) {
      const c = customer as Record<string, unknown>;
      id = c['id'];
      tier = c['tier'];
      attributes = c['attributes'];
    }
  } catch (error) {
    if (error instanceof GenesysChatError) throw error;
    throw invalidCustomerId(
      'could not be read: a getter or Proxy on the customer object threw; pass a plain object',
    );
  }
  // An empty tier means "no tier", as a CRM export often writes it.
  const hasTier = tier !== undefined && tier !== null && tier !== '';
  return {
    id: checkId(id),
    tier: hasTier ? coerceValue(rules.tierAttributeKey, tier) : undefined,
    attributes,
  };
}

function checkId(id: unknown): string {
  if (typeof id !== 'string') throw invalidCustomerId('is missing or not a string');
  const trimmed = id.trim();
  if (!trimmed) throw invalidCustomerId('is empty');
  if (trimmed.length > MAX_CUSTOMER_ID_LENGTH)
    throw invalidCustomerId(`is longer than ${MAX_CUSTOMER_ID_LENGTH} characters`);
  if (CONTROL_CHARACTERS.test(trimmed)) throw invalidCustomerId('contains control characters');
  if (ONLY_INVISIBLE_CHARACTERS.test(trimmed))
    throw invalidCustomerId('is made only of invisible characters');
  if (FORBIDDEN_VALUE_CHARACTERS.test(trimmed))
    throw invalidCustomerId('contains line separators or bidirectional overrides');
  if (INVISIBLE_CHARACTERS.test(trimmed))
    throw invalidCustomerId('contains invisible characters (zero-width or format characters)');
  return trimmed;
}

/** Plain objects only (any realm, or a null prototype): a Map, a class instance or an array is refused, not read as empty. */
function readMap(map: unknown): [string, string][] {
  if (map === undefined || map === null) return [];
  try {
    if (typeof map !== 'object' || Array.isArray(map)) throw notPlain('an array or a non-object');
    const proto: unknown = Object.getPrototypeOf(map);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      throw notPlain(
        map instanceof Map ? 'a Map; pass Object.fromEntries(map)' : 'a class instance',
      );
    }
    const entries: [string, string][] = [];
    for (const key of Object.keys(map)) {
      if (FORBIDDEN_ATTRIBUTE_KEYS.has(key))
        throw fail(key, 'is a reserved JavaScript property name');
      if (!ATTRIBUTE_KEY_PATTERN.test(key)) {
        throw fail(
          key,
          'is not identifier-like: use letters, digits and _, not starting with a digit, at most 128 characters',
        );
      }
      entries.push([key, coerceValue(key, (map as Record<string, unknown>)[key])]);
    }
    return entries;
  } catch (error) {
    if (error instanceof GenesysChatError) throw error;
    throw invalidAttributes(
      '(map)',
      'could not be read: a getter or Proxy threw while its keys or values were read; pass a plain object of plain values',
    );
  }
}

function notPlain(what: string): GenesysChatError {
  return invalidAttributes('(map)', `must be a plain object of key/value pairs, not ${what}`);
}

function coerceValue(key: string, value: unknown): string {
  if (typeof value === 'string') {
    if (FORBIDDEN_VALUE_CHARACTERS.test(value)) {
      throw fail(
        key,
        'contains control characters, line separators or bidirectional overrides; remove them before sending',
      );
    }
    return value;
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw fail(key, `${describe(value)}; values must be strings, finite numbers or booleans`);
}

function describe(value: unknown): string {
  if (value === null) return 'is null';
  if (value === undefined) return 'is undefined';
  if (typeof value === 'number') return 'is not a finite number';
  if (Array.isArray(value)) return 'is an array';
  const type = typeof value;
  return `is ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** Throws ATTRIBUTES_TOO_LARGE when the keys and values together exceed Genesys' 2048 UTF-8 bytes. */
export function assertWithinLimit(attrs: Readonly<Record<string, string>>): void {
  let bytes = 0;
  for (const [key, value] of Object.entries(attrs)) bytes += utf8Bytes(key) + utf8Bytes(value);
  if (bytes > MAX_CUSTOM_ATTRIBUTE_BYTES)
    throw attributesTooLarge(bytes, MAX_CUSTOM_ATTRIBUTE_BYTES);
}

function checkAttributes(attrs: Record<string, string>, rules: AttributeRules): CustomAttributes {
  assertWithinLimit(attrs);
  if (!rules.allowPii) {
    const allowed = new Set(rules.piiAllowedKeys ?? []);
    for (const [key, value] of Object.entries(attrs)) {
      if (allowed.has(key)) continue;
      if (isPiiKey(key)) throw piiRejected(safeKey(key), 'is named like a personal-data field');
      // A key can carry data too (a card number pasted as a key): it would reach Genesys all the same.
      if (detectPiiValue(key)) throw piiRejected(safeKey(key), 'is itself personal data');
      const found = detectPiiValue(value);
      if (found) throw piiRejected(safeKey(key), found);
    }
  }
  return Object.freeze(attrs);
}

/** An INVALID_ATTRIBUTES error naming the key, unless the key itself looks like personal data. */
function fail(key: string, problem: string): GenesysChatError {
  return invalidAttributes(safeKey(key), problem);
}

/** A bad key may itself be a value pasted in the wrong place; cut it down before it goes into a message. */
function safeKey(key: string): string {
  if (detectPiiValue(key)) return '(withheld: the key itself looks like personal data)';
  if (ATTRIBUTE_KEY_PATTERN.test(key)) return key;
  const printable = key.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
