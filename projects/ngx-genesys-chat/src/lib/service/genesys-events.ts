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
  // UNCONFIRMED (reference §2 and §4 "Open state", sources T/S): Messenger.opened / .closed.
  { genesys: 'Messenger.opened', toEvent: () => ({ type: 'opened' }) },
  { genesys: 'Messenger.closed', toEvent: () => ({ type: 'closed' }) },
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
  {
    genesys: 'Conversations.error',
    toEvent: (e) => ({ type: 'error', error: messengerError('Conversations.error', e.data) }),
  },
];

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
  const messages = (data as { messages?: unknown } | undefined)?.messages;
  return Array.isArray(messages) ? messages : [];
}
