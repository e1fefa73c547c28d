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
 * An `onMessage` (or autostart Join) from a session that is not authenticated, on a deployment with
 * authentication required. The rule is primary (TF `authentication_settings.enabled`: "webmessaging
 * sessions can not send messages unless the end-user is authenticated"; `allow_session_upgrade` lets
 * an anonymous session be upgraded later), so the anonymous configureSession itself may succeed.
 * UNCONFIRMED (reference §4a, TF; no source shows the refusal frame): we answer as for a bad JWT.
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
