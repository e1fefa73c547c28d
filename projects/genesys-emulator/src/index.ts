export { startEmulator, type RunningAuth, type RunningEmulator } from './emulator';
export {
  loadEmulatorConfig,
  type DeploymentAuth,
  type DeploymentFaults,
  type EmulatorAuthOptions,
  type EmulatorDeployment,
  type EmulatorOptions,
  type OAuthClient,
  type RoutingCondition,
  type RoutingConfig,
  type RoutingRule,
  type VerificationRouting,
  type ScriptFaults,
} from './config';
export { routeConversation, routeDecision, type RoutingDecision } from './routing';
export type { TestUser } from './auth/types';
export {
  MAX_CUSTOM_DATA_BYTES,
  MAX_FRAME_BYTES,
  MAX_SESSIONS_PER_SOCKET,
  MAX_TEXT_BYTES,
} from './guest-api';
export { TOKEN_HEADER } from './http/guard';
