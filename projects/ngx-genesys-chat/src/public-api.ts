/*
 * Public API of ngx-genesys-chat.
 */
export { provideGenesysChat, type GenesysChatFeature } from './lib/config/provide-genesys-chat';
export {
  withMessagingWidget,
  type MessagingWidgetFactory,
  type MessagingWidgetLike,
} from './lib/drivers/messaging-widget';
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
  GenesysChatEvent,
  GenesysChatStatus,
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
export type { GenesysEnvironment, GenesysRegion, GenesysRegionInfo } from './lib/regions/regions';
export { TRUSTED_TYPES_POLICY_NAME } from './lib/messenger/trusted-types-policy-name';
export { GENESYS_LOADER, type GenesysLoader } from './lib/messenger/genesys-loader';
export type {
  GenesysCallback,
  GenesysEventEnvelope,
  GenesysFunction,
  GenesysWindow,
} from './lib/messenger/genesys-global';
// Private API for ngx-genesys-chat/testing; not covered by semver.
export { installGenesysStub as ɵinstallGenesysStub } from './lib/messenger/genesys-global';
export { ɵresetGenesysPage } from './lib/messenger/reset-genesys-page';
