/*
 * The stand-in Messenger's side of a conversation's end (reference §4 "Disconnect / read-only"):
 * which frame is the agent's or a flow's Disconnect, and the page events it leads to.
 */
import type { Frame } from './guest-connection';
import type { MessageBody } from './visitor-store';

/**
 * UNCONFIRMED (reference §2 and §4 "Disconnect / read-only", sources T/S): the page events
 * `MessagingService.conversationDisconnected` `{message, readOnly}` and
 * `MessagingService.readOnlyConversation`. The library's events$ maps exactly these two names
 * (genesys-events.ts); the wire frames behind them are MT's. The `readOnlyConversation` payload
 * `{message?}` is the emulator's choice.
 */
export function publishUnconfirmed(
  publish: (event: string, data?: unknown) => void,
  kind: 'disconnected' | 'readOnly',
  message: MessageBody | undefined,
  readOnly: boolean,
): void {
  if (kind === 'disconnected')
    publish('MessagingService.conversationDisconnected', { message, readOnly });
  if (readOnly) publish('MessagingService.readOnlyConversation', { message });
}

/** An outbound presence Disconnect event (fixture structuredMessageWithEvents + presenceDisconnect). */
export function disconnectEvent(frame: Frame): MessageBody | undefined {
  if (frame.class !== 'StructuredMessage' || frame.type !== 'message') return undefined;
  const body = frame.body as MessageBody & { events?: unknown };
  if (body['type'] !== 'Event' || body['direction'] !== 'Outbound') return undefined;
  const events = Array.isArray(body.events) ? (body.events as Record<string, unknown>[]) : [];
  return events.some(
    (e) =>
      e?.['eventType'] === 'Presence' &&
      (e['presence'] as { type?: unknown } | undefined)?.type === 'Disconnect',
  )
    ? body
    : undefined;
}
