/*
 * Public API of ngx-genesys-chat.
 */
export { provideGenesysChat } from './lib/config/provide-genesys-chat';
export type { GenesysChatFeature } from './lib/config/genesys-chat-feature';
export { GenesysChatModule } from './lib/config/genesys-chat.module';
export {
  GENESYS_CHAT_CONFIG,
  type GenesysChatConfig,
  type GenesysChatMode,
  type GenesysLoadStrategy,
  type ResolvedGenesysChatConfig,
} from './lib/config/genesys-chat-config';
export { GenesysChatService } from './lib/service/genesys-chat.service';
export type {
  ClearIdentityOptions,
  GenesysChatEvent,
  GenesysChatStatus,
  GenesysConversationEnd,
  StartChatOptions,
  StartChatResult,
} from './lib/service/genesys-chat-types';
export { GenesysStartChatDirective } from './lib/directive/genesys-start-chat.directive';
export type {
  GenesysDiagnosis,
  GenesysDiagnosisCode,
  GenesysDiagnosisFinding,
} from './lib/diagnostics/genesys-diagnosis';
export {
  GenesysChatError,
  isGenesysChatError,
  type GenesysChatErrorCode,
  type GenesysChatErrorDetails,
} from './lib/errors/genesys-chat-error';
export type {
  CrmCustomer,
  GenesysAttributes,
  GenesysAttributeValue,
} from './lib/attributes/crm-customer';
export type { CustomAttributes } from './lib/attributes/build-attributes';
export { MAX_CUSTOM_ATTRIBUTE_BYTES } from './lib/attributes/limits';
// The region table itself is in ngx-genesys-chat/regions; its types are here for the config.
export type {
  GenesysEnvironment,
  GenesysRegion,
  GenesysRegionInfo,
} from 'ngx-genesys-chat/regions';
export { TRUSTED_TYPES_POLICY_NAME } from './lib/messenger/trusted-types-policy-name';
export {
  withAuthenticatedMessaging,
  type AuthenticatedMessagingOptions,
} from './lib/auth/with-authenticated-messaging';
export { GenesysChatAuth } from './lib/auth/genesys-chat-auth';
export { withChatTelemetry } from './lib/telemetry/with-chat-telemetry';
export type {
  GenesysChatOperation,
  GenesysChatTelemetryEvent,
  GenesysChatTelemetryHandler,
} from './lib/telemetry/telemetry-types';
export {
  GENESYS_AUTH_CODE_SOURCE,
  type GenesysAuthCode,
  type GenesysAuthCodeRequest,
  type GenesysAuthCodeSource,
  type GenesysAuthCodeSourceRef,
} from './lib/auth/auth-code-source';
export type {
  GenesysAuthEvent,
  GenesysAuthState,
  GenesysLogoutOptions,
} from './lib/auth/auth-types';

// Private API for ngx-genesys-chat/testing and ngx-genesys-chat/messaging-widget; not covered by semver.
export {
  GENESYS_LOADER as ɵGENESYS_LOADER,
  type GenesysLoader as ɵGenesysLoader,
} from './lib/messenger/genesys-loader';
export type {
  GenesysCallback as ɵGenesysCallback,
  GenesysEventEnvelope as ɵGenesysEventEnvelope,
  GenesysFunction as ɵGenesysFunction,
  GenesysWindow as ɵGenesysWindow,
} from './lib/messenger/genesys-global';
export {
  ɵGENESYS_CHAT_ENGINE,
  ɵGENESYS_CHAT_PENDING_TASKS,
  type ɵChatEngineLoader,
} from './lib/config/genesys-chat-feature';
export type {
  ChatEngine as ɵChatEngine,
  ChatEngineHost as ɵChatEngineHost,
} from './lib/service/chat-engine';
export type { AttributeDriver as ɵAttributeDriver } from './lib/service/attribute-driver';
export {
  loadEngineKit as ɵloadEngineKit,
  type EngineKit as ɵEngineKit,
} from './lib/service/load-engine-kit';
export { installGenesysStub as ɵinstallGenesysStub } from './lib/messenger/genesys-global';
export { ɵresetGenesysPage } from './lib/messenger/reset-genesys-page';
