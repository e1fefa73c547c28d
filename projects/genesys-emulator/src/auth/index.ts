// The emulator's authentication side. Importing this file loads neither oidc-provider nor jose:
// only createAuthRuntime() does, when it runs.
export { createAuthRuntime, DEFAULT_CLIENT_ID } from './runtime';
export {
  authenticationRequiredFrame,
  cannotDowngradeFrame,
  logoutEventFrame,
  unauthorizedFrame,
} from './guest-auth-frames';
export { DEFAULT_TEST_USERS } from './test-users';
export { TOKEN_ROUTES, type TokenRoute } from './token-routes';
export type * from './types';
