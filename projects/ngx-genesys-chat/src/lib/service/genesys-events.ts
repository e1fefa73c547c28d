import type { GenesysChatMode } from '../config/genesys-chat-config';
import { messengerError } from '../errors/errors';
import type { GenesysEventEnvelope } from '../messenger/genesys-global';
import type { GenesysChatEvent } from './genesys-chat-types';

/** One row of the event table: a Genesys event, the modes it applies to, and its typed event. */
export interface GenesysEventRow {
  readonly genesys: string;
  readonly modes?: readonly GenesysChatMode[];
  readonly toEvent: (envelope: GenesysEventEnvelope) => GenesysChatEvent;
}

/** The Genesys events behind `events$` (reference §2), as data: adding one is adding a row. */
export const GENESYS_EVENT_TABLE: readonly GenesysEventRow[] = [
  // Confirmed open state (reference §4 "Open state", DC-conv); not the secondary-only Messenger.opened/.closed.
  { genesys: 'Conversations.opened', toEvent: () => ({ type: 'opened' }) },
  { genesys: 'Conversations.closed', toEvent: () => ({ type: 'closed' }) },
  {
    genesys: 'Conversations.started',
    modes: ['messenger'],
    toEvent: (e) => ({ type: 'conversationStarted', data: e.data }),
  },
  {
    genesys: 'MessagingService.started',
    modes: ['headless'],
    toEvent: (e) => ({ type: 'conversationStarted', data: e.data }),
  },
  {
    genesys: 'Conversations.closed',
    toEvent: (e) => ({ type: 'conversationClosed', data: e.data }),
  },
  {
    genesys: 'MessagingService.messagesReceived',
    toEvent: (e) => ({ type: 'messagesReceived', messages: messagesOf(e.data) }),
  },
  {
    genesys: 'MessagingService.error',
    toEvent: (e) => ({ type: 'error', error: messengerError('MessagingService.error', e.data) }),
  },
  // Conversation lifecycle (reference §2, §4 "Restore", "Clear", "Disconnect / read-only").
  {
    genesys: 'MessagingService.restored',
    toEvent: (e) => ({ type: 'restored', messages: messagesOf(e.data) }),
  },
  {
    genesys: 'MessagingService.conversationCleared',
    toEvent: (e) => ({ type: 'conversationCleared', data: e.data }),
  },
  {
    genesys: 'MessagingService.conversationReset',
    toEvent: (e) => ({ type: 'conversationReset', data: e.data }),
  },
  conversationDisconnectedRow(),
  readOnlyConversationRow(),
  {
    genesys: 'Conversations.error',
    toEvent: (e) => ({ type: 'error', error: messengerError('Conversations.error', e.data) }),
  },
];

/**
 * UNCONFIRMED (reference §2 and §4 "Disconnect / read-only", sources T/S):
 * `MessagingService.conversationDisconnected` with `{message, readOnly}`. `readOnly` is passed on
 * only when it is a boolean (the wire carries `metadata.readOnly: "true"`, MT; the SDK's mapping
 * of it is not confirmed).
 */
function conversationDisconnectedRow(): GenesysEventRow {
  return {
    genesys: 'MessagingService.conversationDisconnected',
    toEvent: (e) => {
      const readOnly = (e.data as { readOnly?: unknown } | undefined)?.readOnly;
      return typeof readOnly === 'boolean'
        ? { type: 'conversationDisconnected', readOnly, data: e.data }
        : { type: 'conversationDisconnected', data: e.data };
    },
  };
}

/** UNCONFIRMED (reference §2 and §4 "Disconnect / read-only", sources T/S): `MessagingService.readOnlyConversation`. */
function readOnlyConversationRow(): GenesysEventRow {
  return {
    genesys: 'MessagingService.readOnlyConversation',
    toEvent: (e) => ({ type: 'readOnly', data: e.data }),
  };
}

/** The rows that apply to a mode. */
export function genesysEventsFor(mode: GenesysChatMode): readonly GenesysEventRow[] {
  return GENESYS_EVENT_TABLE.filter((row) => !row.modes || row.modes.includes(mode));
}

/** The ready events a mode waits for (reference §4). */
export function readyEventsFor(mode: GenesysChatMode): readonly string[] {
  return mode === 'headless'
    ? ['Database.ready', 'MessagingService.ready']
    : ['Database.ready', 'Messenger.ready'];
}

function messagesOf(data: unknown): readonly unknown[] {
  if (Array.isArray(data)) return data; // the `restored` payload's shape is not pinned down
  const messages = (data as { messages?: unknown } | undefined)?.messages;
  return Array.isArray(messages) ? messages : [];
}
