export { startEmulator, type RunningEmulator } from './emulator';
export {
  loadEmulatorConfig,
  type DeploymentFaults,
  type EmulatorDeployment,
  type EmulatorOptions,
  type OAuthClient,
  type RoutingConfig,
  type RoutingRule,
  type ScriptFaults,
} from './config';
export { routeConversation } from './routing';
export {
  MAX_CUSTOM_DATA_BYTES,
  MAX_FRAME_BYTES,
  MAX_SESSIONS_PER_SOCKET,
  MAX_TEXT_BYTES,
} from './guest-api';
export { TOKEN_HEADER } from './http/guard';
