import { GenesysChatError } from '../errors/genesys-chat-error';
import { buildAttributes, buildCustomerAttributes } from './build-attributes';

const rules = {
  crmAttributeKey: 'crmCustomerId',
  tierAttributeKey: 'customerTier',
  allowPii: false,
};

function rejection(fn: () => unknown): GenesysChatError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GenesysChatError);
    return error as GenesysChatError;
  }
  throw new Error('expected a GenesysChatError');
}

describe('buildCustomerAttributes', () => {
  it('maps the tutorial customer onto the CRM id and tier keys plus the extra attributes', () => {
    expect(
      buildCustomerAttributes(
        { id: 'CRM-12345-XYZ', tier: 'premium' },
        { source: 'web-portal' },
        rules,
      ),
    ).toEqual({ crmCustomerId: 'CRM-12345-XYZ', customerTier: 'premium', source: 'web-portal' });
  });

  it('accepts a bare id string, trims it, and honours custom key names', () => {
    expect(
      buildCustomerAttributes('  CRM-1 ', undefined, { ...rules, crmAttributeKey: 'customerId' }),
    ).toEqual({ customerId: 'CRM-1' });
  });

  it('coerces numbers and booleans to strings, as the wire format needs', () => {
    expect(
      buildCustomerAttributes(
        { id: 'C1', attributes: { visits: 3, vip: true } },
        { ratio: 0.5 },
        rules,
      ),
    ).toEqual({
      crmCustomerId: 'C1',
      visits: '3',
      vip: 'true',
      ratio: '0.5',
    });
  });

  it.each([
    [undefined, 'missing'],
    [42, 'missing'],
    [{ tier: 'premium' }, 'missing'],
    ['   ', 'empty'],
    ['x'.repeat(257), 'longer than 256'],
    ['CRM\u0000123', 'control characters'],
    ['CRM\n123', 'control characters'],
  ])('rejects the customer %j with INVALID_CUSTOMER_ID', (customer, problem) => {
    const error = rejection(() => buildCustomerAttributes(customer, undefined, rules));
    expect(error.code).toBe('INVALID_CUSTOMER_ID');
    expect(error.message).toContain(problem);
  });

  it.each([
    [{ 'crm id': 'x' }, 'crm id'],
    [{ '1st': 'x' }, '1st'],
    [JSON.parse('{"__proto__": "x"}'), '__proto__'],
    [{ constructor: 'x' }, 'constructor'],
    [{ source: null }, 'source'],
    [{ source: { nested: true } }, 'source'],
    [{ source: ['a'] }, 'source'],
    [{ count: Number.NaN }, 'count'],
    [{ count: Number.POSITIVE_INFINITY }, 'count'],
    [{ crmCustomerId: 'OTHER' }, 'crmCustomerId'],
  ])('rejects the attribute map %j with INVALID_ATTRIBUTES naming the key', (extra, key) => {
    const error = rejection(() => buildCustomerAttributes({ id: 'C1' }, extra, rules));
    expect(error.code).toBe('INVALID_ATTRIBUTES');
    expect(error.key).toBe(key);
  });

  it('counts UTF-8 bytes of keys and values against the 2048-byte limit', () => {
    // crmCustomerId (13) + C1 (2) + note (4) = 19 bytes; each "é" is 2 bytes: 19 + 2028 + 1 = 2048 exactly.
    const fits = buildCustomerAttributes({ id: 'C1' }, { note: 'é'.repeat(1014) + 'a' }, rules);
    expect(fits['note']).toHaveLength(1015);
    const error = rejection(() =>
      buildCustomerAttributes({ id: 'C1' }, { note: 'é'.repeat(1015) }, rules),
    );
    expect(error.code).toBe('ATTRIBUTES_TOO_LARGE');
    expect(error.message).toContain('2049');
    expect(error.message).not.toContain('é');
  });

  it('rejects personal data by value or by key, naming the key and never the value', () => {
    const byValue = rejection(() =>
      buildCustomerAttributes(
        { id: 'C9', attributes: { notes: 'reach me at jane.doe@example.com' } },
        undefined,
        rules,
      ),
    );
    expect(byValue.code).toBe('PII_REJECTED');
    expect(byValue.key).toBe('notes');
    expect(byValue.message).toContain('notes');
    expect(byValue.message).not.toContain('jane');

    const byKey = rejection(() =>
      buildCustomerAttributes({ id: 'C9' }, { firstName: 'Jane' }, rules),
    );
    expect(byKey.code).toBe('PII_REJECTED');
    expect(byKey.message).not.toContain('Jane');

    const asId = rejection(() => buildCustomerAttributes('jane.doe@example.com', undefined, rules));
    expect(asId.key).toBe('crmCustomerId');
    expect(asId.message).not.toContain('jane');
  });

  it('lets personal data through when allowPii is set', () => {
    expect(
      buildCustomerAttributes(
        { id: 'C9' },
        { email: 'jane@example.com' },
        { ...rules, allowPii: true },
      ),
    ).toEqual({
      crmCustomerId: 'C9',
      email: 'jane@example.com',
    });
  });

  it('never echoes a key that itself looks like personal data', () => {
    const error = rejection(() => buildAttributes({ 'jane.doe@example.com': 'x' }, rules));
    expect(error.code).toBe('INVALID_ATTRIBUTES');
    expect(error.message).not.toContain('jane');
  });
});

describe('attribute values and maps (issue 15 item 4)', () => {
  const forbidden: [string, string][] = [
    ['ESC', 'ok\u001b[2Kforged'],
    ['NUL', 'a\u0000b'],
    ['CR', 'a\rb'],
    ['LF', 'a\nb'],
    ['DEL', 'a\u007fb'],
    ['C1 NEL', 'a\u0085b'],
    ['C1 CSI', 'a\u009bb'],
    ['RLO', 'abc\u202edcba'],
    ['LRE', 'a\u202ab'],
    ['RLI', 'a\u2067b'],
    ['PDI', 'a\u2069b'],
    ['line separator', 'a\u2028b'],
    ['paragraph separator', 'a\u2029b'],
  ];

  it.each(forbidden)(
    'refuses %s in an extra attribute value, naming the key only',
    (_what, bad) => {
      const error = rejection(() =>
        buildCustomerAttributes({ id: 'C1' }, { note: `§${bad}§` }, rules),
      );
      expect(error.code).toBe('INVALID_ATTRIBUTES');
      expect(error.key).toBe('note');
      expect(error.message).toContain('"note"');
      expect(error.message).not.toContain('§');
    },
  );

  it.each(forbidden)('refuses %s in the tier and in customer attributes', (_what, bad) => {
    const tier = rejection(() =>
      buildCustomerAttributes({ id: 'C1', tier: bad }, undefined, rules),
    );
    expect(tier.code).toBe('INVALID_ATTRIBUTES');
    expect(tier.key).toBe('customerTier');
    const inner = rejection(() =>
      buildCustomerAttributes({ id: 'C1', attributes: { source: bad } }, undefined, rules),
    );
    expect(inner.key).toBe('source');
    expect(rejection(() => buildAttributes({ source: bad }, rules)).key).toBe('source');
  });

  it('keeps ordinary text, accents, right-to-left script and emoji', () => {
    expect(
      buildAttributes({ a: 'Crème brûlée', b: 'שלום עולם', c: 'مرحبا', d: '👩‍💻 tab-free' }, rules),
    ).toEqual({ a: 'Crème brûlée', b: 'שלום עולם', c: 'مرحبا', d: '👩‍💻 tab-free' });
  });

  class Attrs {
    source = 'web';
  }
  it.each([
    ['a Map', new Map([['source', 'web']])],
    ['a Set', new Set(['source'])],
    ['a class instance', new Attrs()],
    ['an array', ['source', 'web']],
    ['a Date', new Date(0)],
    ['a string', 'source=web'],
  ])('refuses %s as the attribute map with INVALID_ATTRIBUTES', (_what, map) => {
    expect(rejection(() => buildAttributes(map, rules)).code).toBe('INVALID_ATTRIBUTES');
    expect(rejection(() => buildCustomerAttributes({ id: 'C1' }, map, rules)).code).toBe(
      'INVALID_ATTRIBUTES',
    );
    expect(
      rejection(() => buildCustomerAttributes({ id: 'C1', attributes: map }, undefined, rules))
        .code,
    ).toBe('INVALID_ATTRIBUTES');
  });

  it('says how to pass a Map', () => {
    expect(rejection(() => buildAttributes(new Map(), rules)).message).toContain(
      'Object.fromEntries',
    );
  });

  it('accepts a null-prototype object', () => {
    const map = Object.assign(Object.create(null) as object, { source: 'web' });
    expect(buildAttributes(map, rules)).toEqual({ source: 'web' });
  });
});

describe('bad input (issue 9 item 5)', () => {
  it.each([
    ['only zero-width spaces', '\u200b\u200b\u200b'],
    ['only a word joiner and a BOM', '\u2060\ufeff'],
    ['only soft hyphens', '\u00ad\u00ad'],
    ['only Hangul fillers', '\u3164\u115f'],
    ['only braille blanks', '\u2800\u2800'],
    ['only variation selectors', '\ufe0f\ufe0e'],
  ])('rejects a CRM id made of %s with INVALID_CUSTOMER_ID', (_what, id) => {
    const error = rejection(() => buildCustomerAttributes(id, undefined, rules));
    expect(error.code).toBe('INVALID_CUSTOMER_ID');
    expect(error.message).toContain('invisible');
  });

  it.each([
    ['a line separator', 'ID§\u20281'],
    ['a paragraph separator', 'ID§\u20291'],
    ['a right-to-left override', 'ID§-1\u202e2'],
    ['a left-to-right isolate', '\u2066ID§-1'],
    ['a zero-width space', 'ID§-1\u200b'],
  ])('rejects a CRM id with %s with INVALID_CUSTOMER_ID', (_what, id) => {
    const error = rejection(() => buildCustomerAttributes({ id }, undefined, rules));
    expect(error.code).toBe('INVALID_CUSTOMER_ID');
    expect(error.message).not.toContain('§');
  });

  it('turns a getter that throws on the customer into INVALID_CUSTOMER_ID, without its message', () => {
    const customer = {
      get id(): string {
        throw new Error('§secret§');
      },
    };
    const error = rejection(() => buildCustomerAttributes(customer, undefined, rules));
    expect(error.code).toBe('INVALID_CUSTOMER_ID');
    expect(error.message).not.toContain('§');
  });

  it('turns a getter or a Proxy that throws in an attribute map into INVALID_ATTRIBUTES', () => {
    const getter = {
      get source(): string {
        throw new Error('§secret§');
      },
    };
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('§secret§');
        },
      },
    );
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    for (const map of [getter, trap, revocable.proxy]) {
      for (const run of [
        () => buildAttributes(map, rules),
        () => buildCustomerAttributes({ id: 'C1' }, map, rules),
        () => buildCustomerAttributes({ id: 'C1', attributes: map }, undefined, rules),
      ]) {
        const error = rejection(run);
        expect(error.code).toBe('INVALID_ATTRIBUTES');
        expect(error.message).not.toContain('§');
      }
    }
    const customerProxy = new Proxy(
      { id: 'C1' },
      {
        get: () => {
          throw new Error('§secret§');
        },
      },
    );
    expect(rejection(() => buildCustomerAttributes(customerProxy, undefined, rules)).code).toBe(
      'INVALID_CUSTOMER_ID',
    );
  });

  it.each([
    [undefined, 'is undefined'],
    [null, 'is null'],
    [{ nested: true }, 'is an object'],
    [['a'], 'is an array'],
    [() => 1, 'is a function'],
    [BigInt(1), 'is a bigint'],
    [Symbol('s'), 'is a symbol'],
  ])('names the wrong value type %p in good English', (value, words) => {
    const error = rejection(() => buildAttributes({ source: value }, rules));
    expect(error.message).toContain(words);
    expect(error.message).not.toMatch(/\ba (undefined|object|array)\b/);
  });
});

describe('PII guard in the attribute rules (issue 9 item 8)', () => {
  it('lets a listed key through piiAllowedKeys, and only that key', () => {
    const allowing = { ...rules, piiAllowedKeys: ['orderNumber'] };
    expect(buildAttributes({ orderNumber: '020 7946 0958' }, allowing)).toEqual({
      orderNumber: '020 7946 0958',
    });
    expect(rejection(() => buildAttributes({ orderNumber: '020 7946 0958' }, rules)).code).toBe(
      'PII_REJECTED',
    );
    const other = rejection(() => buildAttributes({ reference: '020 7946 0958' }, allowing));
    expect(other.code).toBe('PII_REJECTED');
    expect(other.key).toBe('reference');
  });

  it('still refuses control characters in an allow-listed key', () => {
    expect(
      rejection(() =>
        buildAttributes({ orderNumber: 'a\nb' }, { ...rules, piiAllowedKeys: ['orderNumber'] }),
      ).code,
    ).toBe('INVALID_ATTRIBUTES');
  });

  it('refuses keys that contain a personal-data word', () => {
    for (const key of ['customerEmail', 'contact_phone', 'billingAddress']) {
      const error = rejection(() => buildAttributes({ [key]: 'x' }, rules));
      expect(error.code).toBe('PII_REJECTED');
      expect(error.key).toBe(key);
    }
  });

  it.each([
    ['a PII value', 'jane@example.com'],
    ['a wrong type', null],
    ['control characters', 'a\u001bb'],
    ['a plain value', 'fine'],
  ])('never echoes a key that looks like a card number (%s)', (_what, value) => {
    const key = '_4111111111111111';
    const rulesNoKeyHit = { ...rules, crmAttributeKey: 'crmCustomerId' };
    let error: GenesysChatError | undefined;
    try {
      buildCustomerAttributes({ id: 'C1' }, { [key]: value }, rulesNoKeyHit);
    } catch (e) {
      error = e as GenesysChatError;
    }
    expect(error).toBeInstanceOf(GenesysChatError);
    expect(error!.message).not.toContain('4111111111111111');
    expect(String(error!.key)).not.toContain('4111111111111111');
  });

  it('refuses a value too long to scan rather than scanning it', () => {
    expect(rejection(() => buildAttributes({ note: 'x'.repeat(5000) }, rules)).code).toBe(
      'ATTRIBUTES_TOO_LARGE',
    );
  });
});
