// Guest API frames for authenticated sessions, for guest-api to send. Pure data: loads nothing.
// Shapes from the official transport SDK's fixtures (reference §5; MT-fx Response.kt).

/** configureAuthenticatedSession with a JWT that fails verifyMessagingJwt (MT-fx `unauthorized`). */
export function unauthorizedFrame(tracingId?: string) {
  return {
    type: 'response',
    class: 'string',
    code: 401,
    body: 'User is unauthorized',
    ...(tracingId ? { tracingId } : {}),
  } as const;
}

/**
 * A plain configureSession on a deployment that requires authentication.
 * UNCONFIRMED (reference §4a, TF `authentication_settings.enabled`: "sessions cannot send messages
 * unless the end user is authenticated"; no source shows the frame). We answer as for a bad JWT.
 */
export function authenticationRequiredFrame(tracingId?: string) {
  return unauthorizedFrame(tracingId);
}

/** configureSession on a session token that was authenticated (MT ErrorCode 4017, MT-fx `cannotDowngradeToUnauthenticated`). */
export function cannotDowngradeFrame(tracingId?: string) {
  return {
    type: 'response',
    class: 'string',
    code: 4017,
    body: 'Cannot downgrade an authenticated session to an unauthenticated one.',
    ...(tracingId ? { tracingId } : {}),
  } as const;
}

/** Pushed to every socket of a session after a successful revoke (MT-fx `logoutEvent`, MT-uml). */
export function logoutEventFrame() {
  return { type: 'message', class: 'LogoutEvent', code: 200, body: {} } as const;
}
