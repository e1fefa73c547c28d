/*
 * Public API of ngx-genesys-chat/testing: unit-test components that use ngx-genesys-chat
 * without loading Messenger.
 */
export { FakeGenesys, type FakeGenesysCommand } from './fake-genesys';
export {
  provideGenesysChatTesting,
  TEST_DEPLOYMENT_ID,
  type GenesysChatTestingOptions,
} from './provide-genesys-chat-testing';
export {
  GenesysStartChatHarness,
  type GenesysStartChatHarnessFilters,
} from './genesys-start-chat-harness';
