// Where the Genesys token endpoints live, for the emulator's route table (pure data, loads nothing).
// Paths and methods: reference §4a (GO, MT, JS v212). The router must learn DELETE for revoke, and
// its CORS preflight must allow DELETE and the Authorization header: Messenger calls these from the
// page, like the deployment config (a `deployment`-access route, per allowed domains).
import type { AuthRuntime } from './types';

export interface TokenRoute {
  readonly method: 'POST' | 'DELETE';
  readonly path: string;
  readonly handler: keyof Pick<AuthRuntime, 'exchange' | 'refresh' | 'revoke'>;
  /** Whether the handler wants the parsed JSON body (revoke takes only the Authorization header). */
  readonly jsonBody: boolean;
}

export const TOKEN_ROUTES: readonly TokenRoute[] = [
  {
    method: 'POST',
    path: '/api/v2/webdeployments/token/oauthcodegrantjwtexchange',
    handler: 'exchange',
    jsonBody: true,
  },
  {
    method: 'POST',
    path: '/api/v2/webdeployments/token/refresh',
    handler: 'refresh',
    jsonBody: true,
  },
  {
    method: 'DELETE',
    path: '/api/v2/webdeployments/token/revoke',
    handler: 'revoke',
    jsonBody: false,
  },
];
