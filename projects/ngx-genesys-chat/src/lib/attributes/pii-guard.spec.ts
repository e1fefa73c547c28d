import { detectPiiValue, isPiiKey, luhnValid } from './pii-guard';

describe('PII guard', () => {
  it.each([
    ['jane.doe@example.com', 'e-mail'],
    ['Call me, notes: jane@example.co.uk', 'e-mail'],
    ['+44 20 7946 0958', 'phone'],
    ['+14155552671', 'phone'],
    ['(555) 123-4567', 'phone'],
    ['555-123-4567', 'phone'],
    ['4111 1111 1111 1111', 'card'],
    ['4111-1111-1111-1111', 'card'],
    ['5500005555555559', 'card'],
  ])('flags %s as %s', (value, kind) => {
    expect(detectPiiValue(value)).toContain(
      kind === 'card' ? 'payment card' : kind === 'phone' ? 'phone' : 'e-mail',
    );
  });

  it.each([
    'CRM-12345-XYZ',
    'premium',
    'web-portal',
    '1234567',
    '4111111111111112',
    'a1b2c3d4-e5f6',
    'order 42',
    'true',
  ])('lets the opaque value %s through', (value) => {
    expect(detectPiiValue(value)).toBeNull();
  });

  it('recognises personal-data key names whatever their case or separators', () => {
    for (const key of [
      'email',
      'Email',
      'first_name',
      'lastName',
      'PhoneNumber',
      'address',
      'name',
    ]) {
      expect(isPiiKey(key)).toBe(true);
    }
    for (const key of ['crmCustomerId', 'customerTier', 'source', 'username_hash']) {
      expect(isPiiKey(key)).toBe(false);
    }
  });

  it('implements the Luhn check', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('411111111111')).toBe(false);
  });
});
