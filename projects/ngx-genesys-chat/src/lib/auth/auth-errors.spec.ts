import { authCodeUnavailable, authFailed } from './auth-errors';

describe('auth errors', () => {
  const secret = 'sEcReT-token-99';

  it('AUTH_CODE_UNAVAILABLE says how to fix it and keeps the reason out of the message', () => {
    const error = authCodeUnavailable('the source rejected getAuthCode()', new Error(secret));
    expect(error.code).toBe('AUTH_CODE_UNAVAILABLE');
    expect(error.message).toMatch(/Sign the customer in .*redirectUri/);
    expect(error.message).not.toContain(secret);
    expect((error.reason as Error).message).toBe(secret);
  });

  it('AUTH_FAILED names the step, says what to check, never includes what was reported', () => {
    const error = authFailed('Auth.error', { message: secret });
    expect(error).toMatchObject({ code: 'AUTH_FAILED', command: 'Auth.error' });
    expect(error.message).toContain('OpenID Connect Messenger Configuration');
    expect(error.message).not.toContain(secret);
    expect(authFailed('Auth.logout')).not.toHaveProperty('reason', expect.anything());
  });
});
