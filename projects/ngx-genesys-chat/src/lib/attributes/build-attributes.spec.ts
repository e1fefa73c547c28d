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
