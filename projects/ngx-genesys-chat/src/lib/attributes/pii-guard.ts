/**
 * Heuristics for values and keys that look like personal data. They are deliberately simple and
 * biased towards false positives on formatted values: a rejected attribute costs a developer a
 * config flag, a leaked one costs a customer their privacy. Opaque ids (letters and digits,
 * or plain digit strings that fail the card check) pass.
 */

const PII_KEYS = new Set([
  'name',
  'firstname',
  'lastname',
  'fullname',
  'surname',
  'givenname',
  'familyname',
  'displayname',
  'email',
  'emailaddress',
  'mail',
  'phone',
  'phonenumber',
  'mobile',
  'mobilenumber',
  'telephone',
  'tel',
  'address',
  'streetaddress',
  'homeaddress',
  'postaddress',
  'postalcode',
  'zipcode',
  'street',
  'ssn',
  'socialsecuritynumber',
  'nationalid',
  'passport',
  'dateofbirth',
  'dob',
  'birthdate',
  'creditcard',
  'cardnumber',
  'iban',
]);

const EMAIL = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[a-z]{2,}/i;
// Either an international number (+ and 8-15 digits) or a number grouped by separators.
const PHONE_INTERNATIONAL = /(?:^|[^\w+])\+\d[\d\s().-]{6,20}\d/;
const PHONE_GROUPED = /(?:^|\D)\(?\d{2,5}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}(?:\D|$)/;
const CARD_CANDIDATE = /\d(?:[ -]?\d){12,18}/g;

/** Returns what the value looks like ("an e-mail address", ...) or null. */
export function detectPiiValue(value: string): string | null {
  if (EMAIL.test(value)) return 'holds an e-mail address';
  for (const match of value.match(CARD_CANDIDATE) ?? []) {
    if (luhnValid(match.replace(/\D/g, ''))) return 'holds a payment card number';
  }
  if (PHONE_INTERNATIONAL.test(value) && digitCount(value) <= 20) return 'holds a phone number';
  if (PHONE_GROUPED.test(value)) return 'holds a phone number';
  return null;
}

/** True for keys such as `email`, `first_name` or `PhoneNumber`. */
export function isPiiKey(key: string): boolean {
  return PII_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
}

export function luhnValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitCount(value: string): number {
  return value.replace(/\D/g, '').length;
}
