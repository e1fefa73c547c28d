/*
 * A deployment's conversation settings, under the names Genesys gives them in the deployment's
 * config.json (`messenger.apps.conversations.*`; MT `shyrka/receive/DeploymentConfig.kt`
 * `Conversations`; Terraform `webdeployments_configuration` conversation settings):
 *
 * - `conversationDisconnect: { enabled, type: 'Send' | 'ReadOnly' }` (MT): what the guest's side
 *   becomes after the agent or a flow disconnects. `ReadOnly`: the session can no longer send
 *   (MT `State.ReadOnly`), until the client starts a new chat. `Send`: the next message starts a
 *   new conversation.
 * - `conversationClear: { enabled }` (MT; TF `conversation_clear_enabled`): whether the guest may
 *   end and clear the conversation (presence `Clear`).
 * - `showUserTypingIndicator` (MT): whether the guest's `Typing` events are accepted.
 */

/** The emulator config's `conversations` key of a deployment; each field optional. */
export interface DeploymentConversations {
  conversationDisconnect?: { enabled: boolean; type?: 'Send' | 'ReadOnly' };
  conversationClear?: { enabled: boolean };
  showUserTypingIndicator?: boolean;
}

/** The settings with the emulator's defaults filled in. */
export interface ConversationSettings {
  readonly disconnect: { readonly enabled: boolean; readonly type: 'Send' | 'ReadOnly' };
  readonly clearEnabled: boolean;
  readonly userTyping: boolean;
}

/**
 * Defaults: disconnect on with `Send` (the agent's Disconnect reaches the guest, and the next
 * message starts a new conversation), clear on, user typing off. Genesys' own defaults are
 * `enabled: false` (MT); the emulator turns disconnect and clear on so that tests can end
 * conversations without extra config. A value of the wrong type falls back to the default.
 */
export function conversationSettings(c: DeploymentConversations | undefined): ConversationSettings {
  const d = c?.conversationDisconnect;
  return {
    disconnect: {
      enabled: typeof d?.enabled === 'boolean' ? d.enabled : true,
      type: d?.type === 'ReadOnly' ? 'ReadOnly' : 'Send',
    },
    clearEnabled:
      typeof c?.conversationClear?.enabled === 'boolean' ? c.conversationClear.enabled : true,
    userTyping: c?.showUserTypingIndicator === true,
  };
}

/** What is wrong with a deployment's `conversations` key, or undefined (the config loader's check). */
export function conversationsConfigProblem(id: string, c: unknown): string | undefined {
  if (c === undefined) return undefined;
  const where = `deployment "${id}": "conversations`;
  if (typeof c !== 'object' || c === null) return `${where}" must be an object`;
  const {
    conversationDisconnect: d,
    conversationClear: clear,
    showUserTypingIndicator: typing,
  } = c as Record<string, unknown>;
  if (d !== undefined) {
    const o = d as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || typeof o['enabled'] !== 'boolean')
      return `${where}.conversationDisconnect" must be { "enabled": true|false, "type"?: "Send"|"ReadOnly" }`;
    if (o['type'] !== undefined && o['type'] !== 'Send' && o['type'] !== 'ReadOnly')
      return `${where}.conversationDisconnect.type" must be "Send" or "ReadOnly"`;
  }
  if (
    clear !== undefined &&
    (typeof clear !== 'object' ||
      clear === null ||
      typeof (clear as Record<string, unknown>)['enabled'] !== 'boolean')
  )
    return `${where}.conversationClear" must be { "enabled": true|false }`;
  if (typing !== undefined && typeof typing !== 'boolean')
    return `${where}.showUserTypingIndicator" must be true or false`;
  return undefined;
}
