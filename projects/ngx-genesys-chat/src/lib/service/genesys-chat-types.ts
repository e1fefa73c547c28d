import type { GenesysChatMode } from '../config/genesys-chat-config';
import type { CustomAttributes } from '../attributes/build-attributes';
import type { GenesysAttributes } from '../attributes/crm-customer';
import type { GenesysChatError } from '../errors/genesys-chat-error';

/**
 * Where Messenger is in its life.
 * `idle` (nothing fetched) → `loading` → `ready` → `starting` (attributes being set) → `open`.
 * A load that fails or times out gives `failed`; `load()` or a new chat retries.
 * A chat that fails to start after Messenger was ready goes back to `ready` (or stays `open`).
 */
export type GenesysChatStatus = 'idle' | 'loading' | 'ready' | 'starting' | 'open' | 'failed';

/** Options for one `startChat` call. */
export interface StartChatOptions {
  /** Attributes for this chat only, added to the customer's (they may not repeat the CRM id or tier keys). */
  attributes?: GenesysAttributes;
  /** A first message to send on the customer's behalf; it carries the attributes to Genesys at once. */
  message?: string;
}

/** What a started chat carried. */
export interface StartChatResult {
  /** The exact custom attributes Genesys confirmed before the chat opened. */
  readonly attributes: CustomAttributes;
  readonly mode: GenesysChatMode;
}

/** Options of `GenesysChatService.clearIdentity()`. */
export interface ClearIdentityOptions {
  /**
   * Logout on a shared computer: also end the conversation on the Genesys side (where the
   * deployment allows conversation clear) and remove what the page can of Messenger's browser
   * state, so the next person at this browser sees no transcript. Default false.
   */
  readonly endConversation?: boolean;
}

/**
 * What `clearIdentity({ endConversation: true })` did with the conversation:
 * - `cleared`: Genesys confirmed (`MessagingService.conversationCleared`);
 * - `notAllowed`: the deployment does not allow conversation clear (`conversationClear.enabled`);
 * - `failed`: Genesys refused `MessagingService.clearConversation` (also when there was none);
 * - `timedOut`: no confirmation within `commandTimeoutMs`;
 * - `notLoaded`: Messenger could not be loaded for the logout (blocked, timed out), so only the
 *   page's own keys were removed.
 */
export type GenesysConversationEnd = 'cleared' | 'notAllowed' | 'failed' | 'timedOut' | 'notLoaded';

/** Messenger events, typed. Payloads are what Genesys published, passed on untouched. */
export type GenesysChatEvent =
  /** Messenger's panel opened / closed (`Conversations.opened` / `.closed`). */
  | { readonly type: 'opened' }
  | { readonly type: 'closed' }
  | { readonly type: 'conversationStarted'; readonly data: unknown }
  | { readonly type: 'conversationClosed'; readonly data: unknown }
  | { readonly type: 'messagesReceived'; readonly messages: readonly unknown[] }
  /** `MessagingService.restored`: an active conversation came back (page load, reconnect); history. */
  | { readonly type: 'restored'; readonly messages: readonly unknown[] }
  /** `MessagingService.conversationCleared`: the conversation was ended and cleared. */
  | { readonly type: 'conversationCleared'; readonly data: unknown }
  /** `MessagingService.conversationReset`: a fresh conversation replaced the old one. */
  | { readonly type: 'conversationReset'; readonly data: unknown }
  /** `MessagingService.conversationDisconnected` (UNCONFIRMED name): the agent or flow disconnected. */
  | {
      readonly type: 'conversationDisconnected';
      readonly readOnly?: boolean;
      readonly data: unknown;
    }
  /** `MessagingService.readOnlyConversation` (UNCONFIRMED name): the conversation can no longer be written to. */
  | { readonly type: 'readOnly'; readonly data: unknown }
  | { readonly type: 'error'; readonly error: GenesysChatError }
  /** After `clearIdentity({ endConversation: true })`: what was ended and wiped (key names only). */
  | {
      readonly type: 'identityCleared';
      readonly conversation: GenesysConversationEnd;
      readonly identifiersPurged: boolean;
      readonly removedKeys: readonly string[];
    };
