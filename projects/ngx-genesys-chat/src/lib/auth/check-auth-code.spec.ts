import { GenesysChatError } from '../errors/genesys-chat-error';
import { checkAuthCode } from './check-auth-code';

const secret = 'sEcReT-value-42';
const base = { authCode: secret, redirectUri: 'https://shop.example.com/cb' };

describe('checkAuthCode', () => {
  it('keeps the documented fields only', () => {
    const full = {
      ...base,
      codeVerifier: 'v',
      nonce: 'n',
      maxAge: 0,
      iss: 'https://idp.example.com',
    };
    expect(checkAuthCode({ ...full, idToken: 'x', accessToken: 'y', profile: {} })).toEqual(full);
  });

  it.each([
    ['null (nobody signed in)', null, 'no code'],
    ['a string', secret, 'non-object'],
    ['no authCode', { redirectUri: base.redirectUri }, '"authCode"'],
    ['blank authCode', { ...base, authCode: '  ' }, '"authCode"'],
    ['no redirectUri', { authCode: secret }, '"redirectUri"'],
    ['a numeric nonce', { ...base, nonce: 7 }, '"nonce"'],
    ['an empty codeVerifier', { ...base, codeVerifier: '' }, '"codeVerifier"'],
    ['a negative maxAge', { ...base, maxAge: -1 }, '"maxAge"'],
    ['a string maxAge', { ...base, maxAge: '60' }, '"maxAge"'],
  ])(
    'refuses %s with AUTH_CODE_UNAVAILABLE naming the field, never the value',
    (_, value, named) => {
      const result = checkAuthCode(value);
      expect(result).toBeInstanceOf(GenesysChatError);
      const error = result as GenesysChatError;
      expect(error.code).toBe('AUTH_CODE_UNAVAILABLE');
      expect(error.message).toContain(named);
      expect(error.message).not.toContain(secret);
    },
  );
});
