// The emulator's authentication side. Importing this file loads neither oidc-provider nor jose:
// only createAuthRuntime() does, when it runs.
export { createAuthRuntime, DEFAULT_CLIENT_ID } from './runtime';
export {
  authenticationRequiredFrame,
  cannotDowngradeFrame,
  logoutEventFrame,
  unauthorizedFrame,
} from './guest-auth-frames';
export type * from './types';
