/**
 * Heuristics for values and keys that look like personal data. Strict by default: a rejected
 * attribute costs a developer a `piiAllowedKeys` entry, a leaked one costs a customer their privacy.
 * False positives are kept low with checksums (Luhn for cards, mod-97 for IBANs), the SSA's rules
 * for SSNs, and national phone formats that need their separators. Opaque ids, order numbers,
 * dates and versions pass.
 *
 * Cost: input is cut to a fixed length before any pattern runs, every pattern is linear (no nested
 * or unbounded overlapping quantifiers) and candidates are checked in bounded windows, so no input
 * costs more than linear time. The property tests feed long adversarial strings.
 */
import { IBAN_LENGTHS, ibanValid, luhnValid, ssnValid } from './pii-checksums';

export { luhnValid } from './pii-checksums';

/** Longer values are not scanned but refused: attributes are at most 2048 bytes anyway. */
export const MAX_PII_SCAN_LENGTH = 4096;
/** Longer keys are treated as personal data: valid keys are at most 128 characters. */
const MAX_PII_KEY_LENGTH = 256;

// Whole words (after splitting camelCase, snake_case and kebab-case) that name personal data
// wherever they appear in a key: `customerEmail`, `contact_phone`, `billingAddress`.
const PII_WORDS = new Set([
  'firstname',
  'lastname',
  'fullname',
  'surname',
  'givenname',
  'familyname',
  'displayname',
  'middlename',
  'maidenname',
  'customername',
  'contactname',
  'personname',
  'holdername',
  'email',
  'emailaddress',
  'phone',
  'phonenumber',
  'telephone',
  'mobilenumber',
  'mobilephone',
  'cellphone',
  'address',
  'postalcode',
  'postcode',
  'zipcode',
  'ssn',
  'socialsecuritynumber',
  'nationalid',
  'passport',
  'passportnumber',
  'dateofbirth',
  'dob',
  'birthdate',
  'birthday',
  'creditcard',
  'cardnumber',
  'iban',
]);
// Words that are personal data only as the whole key: `productName` and `mobileApp` are not.
const PII_WHOLE_KEYS = new Set(['name', 'mail', 'tel', 'mobile', 'street', 'streetaddress']);
// The longest word above is three key words long ("social security number"); four is a margin.
const MAX_WORDS_PER_TERM = 4;

const EMAIL_LOCAL_CHAR = /[^\s@<>()[\]",;:]/;
const EMAIL_DOMAIN = /[^\s@<>()[\]",;:]{1,253}\.[a-z]{2,24}(?![a-z])/iy;
const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])/g;
// Digits joined by up to three separator characters; each step is one digit, so this is linear.
const DIGIT_RUN = /\d(?:[\s._/\\-]{0,3}\d)*/g;
const PHONE_INTERNATIONAL = /(?<![\w+])\+\d[\d\s()./-]{6,20}\d(?!\d)/;
// A number glued to an id (ORD-0000-1000-8000, a uuid's digit groups) is not a phone number.
const NOT_IN_ID = String.raw`(?<![\dA-Za-z][-.]?)`;
const NOT_ID_TAIL = String.raw`(?!\d|[-.][\dA-Za-z])`;
const phone = (body: string) => new RegExp(NOT_IN_ID + body + NOT_ID_TAIL, 'g');
const PHONE_PATTERNS = [
  // Grouped: (415) 555-2671, 415-555-2671, 020 7946 0958
  phone(String.raw`\(?\d{2,5}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}`),
  // US without a space after the area code: (415)555-2671
  phone(String.raw`\(\d{3}\)\d{3}[\s.-]?\d{4}`),
  // FR: 06 12 34 56 78, 01.23.45.67.89 (one separator throughout)
  phone(String.raw`0[1-9]([\s.-])\d{2}(?:\1\d{2}){3}`),
  // UK mobile: 07700 900123
  phone(String.raw`07\d{3}[\s-]\d{6}`),
  // DE: 0151 23456789, 030/12345678, (030) 1234567, 0171-1234567
  phone(String.raw`(?:\(0\d{2,4}\)\s?|0\d{2,4}[\s/-])\d{3,8}`),
];
// Opaque ids with digit groups that a card or phone check could misread; removed before scanning.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Returns what the value looks like ("holds an e-mail address", ...) or null. */
export function detectPiiValue(raw: string): string | null {
  if (raw.length > MAX_PII_SCAN_LENGTH) return 'is too long to be checked for personal data';
  // Full-width digits and at signs, and a percent-encoded @, are the same data to a reader.
  let value = raw
    .normalize('NFKC')
    .replace(/%40/gi, '@')
    .replace(/[\uFE6B]/g, '@');
  if (hasEmail(value)) return 'holds an e-mail address';
  value = value.replace(UUID, ' ');
  if (hasCardNumber(value)) return 'holds a payment card number';
  if (hasIban(value)) return 'holds an IBAN';
  if (hasSsn(value)) return 'holds a US social security number';
  // The match's own digits decide (E.164 has at most 15), not the rest of the value's.
  const international = PHONE_INTERNATIONAL.exec(value);
  if (international && digitCount(international[0]) <= 15) return 'holds a phone number';
  if (hasNationalPhone(value)) return 'holds a phone number';
  return null;
}

/** True for keys such as `email`, `first_name`, `PhoneNumber`, `customerEmail` or `billingAddress`. */
export function isPiiKey(key: string): boolean {
  if (key.length > MAX_PII_KEY_LENGTH) return true;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, '$1$3 $2$4')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
  if (PII_WHOLE_KEYS.has(words.join('')) || PII_WORDS.has(words.join(''))) return true;
  for (let i = 0; i < words.length; i++) {
    let term = '';
    for (let j = i; j < Math.min(words.length, i + MAX_WORDS_PER_TERM); j++) {
      term += words[j];
      if (PII_WORDS.has(term)) return true;
    }
  }
  return false;
}

/**
 * Looks around each @ instead of matching the whole string: one local-part character before it,
 * and a domain after it matched from that position only (sticky), within 253 characters.
 */
function hasEmail(value: string): boolean {
  for (let at = value.indexOf('@'); at !== -1; at = value.indexOf('@', at + 1)) {
    if (at === 0 || !EMAIL_LOCAL_CHAR.test(value[at - 1])) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (EMAIL_DOMAIN.test(value)) return true;
  }
  return false;
}

/** 13 to 19 digits, in groups split by any separators, that pass the Luhn check. */
function hasCardNumber(value: string): boolean {
  for (const run of value.match(DIGIT_RUN) ?? []) {
    const groups = run.split(/\D+/);
    // A number made of whole groups: a card followed by more digits is still found.
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length + groups[j].length <= 19; j++) {
        digits += groups[j];
        if (digits.length >= 13 && luhnValid(digits)) return true;
      }
    }
  }
  return false;
}

function hasIban(value: string): boolean {
  for (const match of value.match(IBAN_CANDIDATE) ?? []) {
    const compact = match.replace(/ /g, '').toUpperCase();
    const length = IBAN_LENGTHS.get(compact.slice(0, 2));
    if (length !== undefined && compact.length >= length && ibanValid(compact.slice(0, length)))
      return true;
  }
  return false;
}

function hasSsn(value: string): boolean {
  for (const m of value.matchAll(SSN)) if (ssnValid(m[1], m[3], m[4])) return true;
  return false;
}

function digitCount(value: string): number {
  return value.replace(/\D/g, '').length;
}

/** A national format with 9 to 13 digits; fewer or more is a date, a time or an id. */
function hasNationalPhone(value: string): boolean {
  for (const pattern of PHONE_PATTERNS) {
    for (const m of value.matchAll(pattern)) {
      const n = digitCount(m[0]);
      if (n >= 9 && n <= 13) return true;
    }
  }
  return false;
}
