/**
 * The run-time helpers a chat driver needs, as one lazily loaded chunk (`ɵloadEngineKit()`).
 *
 * Why a chunk: esbuild assigns code to chunks per file. Anything the primary entry point exports
 * by value, and that the lazy Messenger engine also uses, is placed in the entry's file and so in
 * every app's initial chunk (docs/performance.md, "How the chunking was solved"). Drivers outside
 * the core (`ngx-genesys-chat/messaging-widget`) and the eager `GenesysChatAuth` therefore import
 * only types and tokens from the entry, and get these functions from here, on first use.
 */
export { AttributeSync } from './attribute-sync';
export { checkedCustomer, checkedMerge, startKey } from './chat-input';
export { enterZone } from './zone-entry';
export { ConfigCache } from './config-cache';
export { resolveGenesysChatConfig } from '../config/resolve-config';
export {
  commandRejected,
  commandTimeout,
  invalidConfig,
  messengerError,
  readyTimeout,
} from '../errors/errors';
export { installGenesysStub } from '../messenger/genesys-global';
