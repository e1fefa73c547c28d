import { detectPiiValue, isPiiKey, luhnValid } from './pii-guard';

describe('PII guard', () => {
  it.each([
    ['jane.doe@example.com', 'e-mail'],
    ['Call me, notes: jane@example.co.uk', 'e-mail'],
    ['+44 20 7946 0958', 'phone'],
    ['+14155552671', 'phone'],
    // Other digits in the same value must not hide the number (found in review).
    ['+33612345678 order 1234567890123', 'phone'],
    ['call +44 7700 900123, ref 00112233445566778899', 'phone'],
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

describe('PII guard, less blunt (issue 9 item 8)', () => {
  it.each([
    ['a US SSN', '123-45-6789', 'social security'],
    ['a US SSN with spaces', 'ssn 123 45 6789', 'social security'],
    ['an IBAN without spaces', 'DE89370400440532013000', 'IBAN'],
    ['an IBAN in lower case', 'gb82west12345698765432', 'IBAN'],
    ['an IBAN with spaces', 'FR14 2004 1010 0505 0001 3M02 606', 'IBAN'],
    ['a US number with parentheses, no space', '(415)555-2671', 'phone'],
    ['a US number with parentheses', 'call (415) 555 2671', 'phone'],
    ['a French number', '06 12 34 56 78', 'phone'],
    ['a French number with dots', '01.23.45.67.89', 'phone'],
    ['a UK mobile', '07700 900123', 'phone'],
    ['a UK landline', '020 7946 0958', 'phone'],
    ['a German mobile', '0151 23456789', 'phone'],
    ['a German landline with a slash', '030/12345678', 'phone'],
    ['a German landline in parentheses', '(030) 1234567', 'phone'],
    ['a card with dots', '4111.1111.1111.1111', 'payment card'],
    ['a card with slashes', '4111/1111/1111/1111', 'payment card'],
    ['a card with spaced dashes', '4111 - 1111 - 1111 - 1111', 'payment card'],
    ['a card with underscores', '4111_1111_1111_1111', 'payment card'],
    ['a card followed by more digits', '4111 1111 1111 1111 12', 'payment card'],
    ['a card in full-width digits', '４１１１１１１１１１１１１１１１', 'payment card'],
    ['an e-mail after a lone at sign', '@ a@a.aa', 'e-mail'],
    ['an e-mail with %40', 'jane.doe%40example.com', 'e-mail'],
    ['an e-mail with a full-width at sign', 'jane.doe＠example.com', 'e-mail'],
    ['an e-mail with a small at sign', 'jane.doe﹫example.com', 'e-mail'],
  ])('flags %s', (_what, value, kind) => {
    expect(detectPiiValue(value)).toContain(kind);
  });

  it.each([
    'ORD-2024-1187',
    'INV-2024-000123',
    '2024-12-02',
    '2024-12-02T10:15:00Z',
    '12:30:45',
    'v1.2.3',
    '10.0.0.1',
    'CRM-12345-XYZ',
    'SKU 1234 5678',
    '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
    '4111111111111112',
    'DE89370400440532013001',
    '000-12-3456',
    'premium',
    '100%',
    'size 42, qty 3',
    'at 10:00 in room 12',
  ])('lets %s through', (value) => {
    expect(detectPiiValue(value)).toBeNull();
  });

  it('recognises keys that contain a personal-data word', () => {
    for (const key of [
      'customerEmail',
      'contact_phone',
      'billingAddress',
      'shipping-address',
      'customerFirstName',
      'customer_name',
      'homePhoneNumber',
      'userSSN',
      'customerDob',
      'cardNumberLast4',
      'customer_iban',
      'zipCode2',
    ]) {
      expect({ key, pii: isPiiKey(key) }).toEqual({ key, pii: true });
    }
    for (const key of [
      'crmCustomerId',
      'customerTier',
      'source',
      'username_hash',
      'productName',
      'queueName',
      'fileName',
      'pageName',
      'campaign',
      'orderNumber',
      'hotelId',
      'telemetry',
    ]) {
      expect({ key, pii: isPiiKey(key) }).toEqual({ key, pii: false });
    }
  });
});
