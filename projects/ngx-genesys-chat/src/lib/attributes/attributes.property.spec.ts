import { TestBed } from '@angular/core/testing';
import fc from 'fast-check';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { provideGenesysChat } from '../config/provide-genesys-chat';
import { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';
import {
  FORBIDDEN_VALUE_CHARACTERS,
  ONLY_INVISIBLE_CHARACTERS,
  utf8Bytes,
} from './attribute-rules';
import { buildAttributes, buildCustomerAttributes } from './build-attributes';
import { MAX_PII_SCAN_LENGTH, detectPiiValue, isPiiKey } from './pii-guard';

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
  expect(ONLY_INVISIBLE_CHARACTERS.test(attributes['crmCustomerId'] ?? '')).toBe(false);
  for (const [k, v] of Object.entries(attributes)) {
    expect(typeof v).toBe('string');
    expect(FORBIDDEN_VALUE_CHARACTERS.test(v)).toBe(false);
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

// ---- issue 9 item 8: the PII guard's new shapes, its false positives, and its cost ----------------

/** A valid IBAN for a country from its BBAN: the check digits are computed, not hard-coded. */
function iban(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let r = 0;
  for (const d of digits) r = (r * 10 + Number(d)) % 97;
  return `${country}${String(98 - r).padStart(2, '0')}${bban}`;
}
const digitString = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const separators = fc.constantFrom(' ', '-', '.', '/', '_', ' - ', '  ');
const newPii = fc.oneof(
  // SSN with a valid area, group and serial
  fc
    .tuple(
      fc.integer({ min: 1, max: 665 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 1, max: 9999 }),
      fc.constantFrom('-', ' '),
    )
    .map(
      ([a, g, s, sep]) =>
        `${String(a).padStart(3, '0')}${sep}${String(g).padStart(2, '0')}${sep}${String(s).padStart(4, '0')}`,
    ),
  // IBANs without spaces, any case
  fc
    .tuple(digitString(18), fc.boolean())
    .map(([b, lower]) => (lower ? iban('DE', b).toLowerCase() : iban('DE', b))),
  digitString(23).map((b) => iban('FR', b)),
  fc
    .tuple(fc.stringMatching(/^[A-Z]{4}$/), digitString(14))
    .map(([bank, n]) => iban('GB', bank + n)),
  // national phone formats
  fc
    .tuple(digitString(3), digitString(3), digitString(4))
    .map(([a, b, c]) => `(${a.replace(/^0/, '2')})${b}-${c}`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), digitString(8), fc.constantFrom(' ', '.'))
    .map(([p, d, sep]) => `0${p}${sep}${d.match(/../g)!.join(sep)}`),
  digitString(9).map((d) => `07${d.slice(0, 3)} ${d.slice(3)}${d.slice(0, 0)}`.slice(0, 12)),
  fc.tuple(digitString(2), digitString(8)).map(([a, b]) => `0${a.replace(/^0/, '3')}/${b}`),
  // card numbers with any separators
  fc.tuple(cardNumber, separators).map(([c, sep]) => c.match(/.{4}|.+$/g)!.join(sep)),
  // e-mail written with %40 or a full-width at sign
  fc
    .tuple(fc.emailAddress(), fc.constantFrom('%40', '＠', '﹫'))
    .map(([e, at]) => e.replace('@', at)),
);

/** Values a contact centre really sends that only look a little like personal data. */
const benign = fc.oneof(
  fc
    .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 99999 }))
    .map(([y, n]) => `ORD-${y}-${n}`),
  fc
    .date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.uuid(),
  fc.stringMatching(/^CRM-[0-9A-Z]{4,12}$/),
  fc.tuple(fc.nat(99), fc.nat(99), fc.nat(999)).map(([a, b, c]) => `v${a}.${b}.${c}`),
  fc.constantFrom('premium', 'standard', 'web-portal', 'mobile-app', 'true', 'false'),
);

describe('PII guard under fuzzed input', () => {
  it('flags SSNs, IBANs, national phone numbers, separated cards and disguised e-mail addresses', () => {
    fc.assert(
      fc.property(newPii, fc.string({ maxLength: 8 }), (value, prefix) => {
        expect(detectPiiValue(value)).not.toBeNull();
        expect(detectPiiValue(`${prefix.replace(/[\w@%＠﹫+]/g, '')} ${value}`)).not.toBeNull();
        expect(() => buildAttributes({ note: value }, rules)).toThrow(
          expect.objectContaining({ code: 'PII_REJECTED', key: 'note' }),
        );
      }),
      { numRuns },
    );
  });

  it('lets order numbers, timestamps, uuids, CRM ids and versions through', () => {
    fc.assert(
      fc.property(benign, (value) => {
        expect({ value, found: detectPiiValue(value) }).toEqual({ value, found: null });
      }),
      { numRuns },
    );
  });

  it('an allow-listed key passes any value that has no control characters and fits', () => {
    fc.assert(
      fc.property(fc.oneof(newPii, pii, benign), (value) => {
        const allowing = { ...rules, piiAllowedKeys: ['orderNumber'] };
        expect(buildAttributes({ orderNumber: value }, allowing)).toEqual({ orderNumber: value });
      }),
      { numRuns },
    );
  });

  const fragment = fc.constantFrom(
    'a',
    '1',
    ' ',
    '-',
    '.',
    '@',
    '+',
    '(',
    ')',
    '%40',
    '＠',
    '0',
    '1 ',
    '1-',
    '1.',
    'a@',
    '@a.',
    'DE89',
    'AB12 ',
    '+1 ',
    '(0',
    '06 ',
    'x.y',
    '\u200b',
    'é',
    '_',
  );
  const adversarial = fc
    .tuple(fc.array(fragment, { minLength: 1, maxLength: 6 }), fc.integer({ min: 500, max: 4096 }))
    .map(([parts, length]) =>
      parts
        .join('')
        .repeat(Math.ceil(length / parts.join('').length))
        .slice(0, length),
    );

  it('costs no more than linear time on long adversarial strings', () => {
    fc.assert(
      fc.property(adversarial, (value) => {
        const started = performance.now();
        detectPiiValue(value);
        isPiiKey(value.slice(0, 128));
        // A quadratic pattern takes hundreds of ms here; linear code takes a few.
        expect(performance.now() - started).toBeLessThan(100);
      }),
      { numRuns: 300 },
    );
  });

  it('caps the length before any pattern runs', () => {
    const huge = 'a'.repeat(200_000) + '1 '.repeat(200_000);
    const started = performance.now();
    expect(detectPiiValue(huge)).toContain('too long');
    expect(isPiiKey('aB'.repeat(100_000))).toBe(true);
    expect(detectPiiValue('x'.repeat(MAX_PII_SCAN_LENGTH))).toBeNull();
    expect(performance.now() - started).toBeLessThan(50);
  });
});
