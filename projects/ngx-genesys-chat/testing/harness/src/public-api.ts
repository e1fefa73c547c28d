/*
 * Public API of ngx-genesys-chat/testing/harness: a CDK component harness for [genesysStartChat].
 * Its own entry point because it needs the Angular CDK (an optional peer dependency), while
 * ngx-genesys-chat/testing must import without it.
 */
export {
  GenesysStartChatHarness,
  type GenesysStartChatHarnessFilters,
} from './genesys-start-chat-harness';
