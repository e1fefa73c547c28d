/*
 * The stand-in Auth plugin's one secondary-only name. DC-auth says only that `Auth.logout`
 * "triggers a logout event"; T and S name it `Auth.loggedOut`, the name the library listens for
 * (projects/ngx-genesys-chat/src/lib/auth/unconfirmed-auth-names.ts, subscribeLoggedOut).
 */

/** UNCONFIRMED (T, S): the event Messenger's Auth plugin publishes once logged out. */
export function publishLoggedOut(publish: (event: string, data?: unknown) => void): void {
  publish('Auth.loggedOut', {});
}
