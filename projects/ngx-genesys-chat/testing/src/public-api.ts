/*
 * Public API of ngx-genesys-chat/testing: unit-test components that use ngx-genesys-chat
 * without loading Messenger. Nothing here imports the Angular CDK.
 */
export { FakeGenesys, type FakeGenesysCommand } from './fake-genesys';
export {
  provideGenesysChatTesting,
  TEST_DEPLOYMENT_ID,
  type GenesysChatTestingOptions,
} from './provide-genesys-chat-testing';
// The CDK harness is in ngx-genesys-chat/testing/harness, so this entry needs no CDK installed.
