import { TestBed } from '@angular/core/testing';
import fc from 'fast-check';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { provideGenesysChat } from '../config/provide-genesys-chat';
import { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';
import { utf8Bytes } from './attribute-rules';
import { buildCustomerAttributes } from './build-attributes';

/** 10,000 cases per property in CI; FC_NUM_RUNS raises it for a nightly-size run. */
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const rules = {
  crmAttributeKey: 'crmCustomerId',
  tierAttributeKey: 'customerTier',
  allowPii: false,
};

// Independent oracles, deliberately simpler than the guard: what a reviewer would call PII.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const INTL_PHONE = /\+\d{10,14}(?!\d)/;
/** A run of 13 to 19 digits, not part of a longer run, that passes the Luhn check. */
function hasCardNumber(text: string): boolean {
  return (text.match(/\d+/g) ?? []).some(
    (run) => run.length >= 13 && run.length <= 19 && luhn(run),
  );
}
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Values that must never appear in an error message: each carries a marker no template contains. */
const secret = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `§${s}§`);
const cardNumber = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 })
  .map((digits) => {
    for (let check = 0; check < 10; check++) {
      const candidate = digits.join('') + check;
      if (luhn(candidate)) return candidate;
    }
    return digits.join('') + '0';
  });
const pii = fc.oneof(
  fc.emailAddress(),
  cardNumber,
  fc.stringMatching(/^\+\d{10,14}$/),
  fc.tuple(fc.string({ maxLength: 8 }), fc.emailAddress()).map(([a, e]) => `${a} ${e}`),
);
const nearLimit = fc.integer({ min: 2000, max: 2100 }).map((n) => 'x'.repeat(n));
const value = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: secret },
  { weight: 2, arbitrary: pii },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, // control characters, lone surrogates
  { weight: 1, arbitrary: fc.string({ maxLength: 3000 }) }, // huge
  { weight: 1, arbitrary: nearLimit },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(Infinity)),
  },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.object(),
      fc.array(fc.anything()),
    ),
  },
);
const key = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'email',
      'firstName',
      'last_name',
      'phone',
      'address',
      'crmCustomerId',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
);
// Object.fromEntries makes own properties even for "__proto__", as JSON.parse would.
const attributeMap = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(fc.tuple(key, value), { maxLength: 6 }).map((e) => Object.fromEntries(e)),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.anything()),
      fc.string(),
    ),
  },
);
const customerId = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^CRM-[0-9A-Z-]{1,20}$/) },
  { weight: 2, arbitrary: value },
);
const customer = fc.oneof(
  { weight: 3, arbitrary: customerId },
  {
    weight: 5,
    arbitrary: fc.record(
      {
        id: customerId,
        tier: fc.oneof(fc.constantFrom('premium', 'standard'), value),
        attributes: attributeMap,
      },
      { requiredKeys: ['id'] },
    ),
  },
);

/** Every string value in an input, for the "never echoed" check. */
function secretsIn(...inputs: unknown[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (
      typeof v === 'string' &&
      (v.startsWith('§') || EMAIL.test(v) || INTL_PHONE.test(v) || hasCardNumber(v))
    )
      out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  inputs.forEach(visit);
  return out;
}

function check(c: unknown, extra: unknown): void {
  let attributes: Readonly<Record<string, string>>;
  try {
    attributes = buildCustomerAttributes(c, extra, rules);
  } catch (error) {
    // Never an untyped throw, and the message never carries a value.
    expect(error).toBeInstanceOf(GenesysChatError);
    for (const s of secretsIn(c, extra)) expect((error as Error).message).not.toContain(s);
    return;
  }
  let bytes = 0;
  for (const [k, v] of Object.entries(attributes)) {
    expect(typeof v).toBe('string');
    expect(EMAIL.test(v) || INTL_PHONE.test(v) || hasCardNumber(v)).toBe(false);
    bytes += utf8Bytes(k) + utf8Bytes(v);
  }
  expect(bytes).toBeLessThanOrEqual(2048);
  expect(new TextEncoder().encode(Object.entries(attributes).flat().join('')).length).toBe(bytes);
}

describe('attribute rules under fuzzed input', () => {
  it('typed errors only, string values only, within 2048 UTF-8 bytes, no PII, no value in any message', () => {
    fc.assert(
      fc.property(customer, attributeMap, (c, extra) => check(c, extra)),
      { numRuns },
    );
  });

  it('nothing reaches Genesys unless valid, and what is sent is exactly what was validated', async () => {
    resetGenesysPage();
    TestBed.configureTestingModule({
      providers: [
        provideGenesysChat({
          deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
          region: 'eu-west-1',
          load: 'manual',
        }),
      ],
    });
    const service = TestBed.inject(GenesysChatService);
    const fake = new FakeGenesys();
    const loaded = service.load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.bootstrap();
    fake.emitReady();
    await loaded;

    await fc.assert(
      fc.asyncProperty(customer, attributeMap, async (c, extra) => {
        const before = fake.commands.length;
        let result;
        try {
          result = await service.startChat(c as string, {
            attributes: extra as Record<string, string>,
          });
        } catch (error) {
          expect(error).toBeInstanceOf(GenesysChatError);
          expect(fake.commands.length).toBe(before);
          return;
        }
        const sets = fake.commands.slice(before).filter((cmd) => cmd.name === 'Database.set');
        expect(sets).toHaveLength(1);
        expect(sets[0].payload).toEqual({
          messaging: { customAttributes: { ...result.attributes } },
        });
        expect(fake.attributes).toEqual({ ...result.attributes });
      }),
      { numRuns },
    );
    TestBed.resetTestingModule();
  }, 120_000);
});
