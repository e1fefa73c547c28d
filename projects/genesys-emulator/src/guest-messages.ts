import { randomUUID } from 'node:crypto';
import type { ServerFrame } from './guest-frames';
import { now } from './guest-frames';

/*
 * The Guest API frames the emulator sends, one builder each, in the shapes of Genesys' published
 * fixtures (MyPureCloud/genesys-messenger-transport-mobile-sdk, transport/util/Response.kt;
 * checked field by field in contract.spec.ts).
 */

/** Genesys' limit on custom attributes (error 4013 above it). */
export const MAX_CUSTOM_DATA_BYTES = 2048;

/** configureSession's answer, and closeSession's (connected: false) with the same fields. */
export function sessionResponse(
  connected: boolean,
  newSession: boolean,
  tracingId?: string,
): ServerFrame {
  return {
    type: 'response',
    class: 'SessionResponse',
    code: 200,
    body: {
      connected,
      newSession,
      readOnly: false,
      clearedExistingSession: false,
      maxCustomDataBytes: MAX_CUSTOM_DATA_BYTES,
      ...(connected && { durationSeconds: 259200 }),
    },
    tracingId,
  };
}

/** The health-check echo (fixture healthCheckResponse). */
export function healthCheckEcho(tracingId: string): ServerFrame {
  return {
    type: 'response',
    class: 'StructuredMessage',
    code: 200,
    body: {
      id: randomUUID(),
      type: 'Text',
      text: 'ping',
      direction: 'Inbound',
      channel: { time: now() },
    },
    tracingId,
  };
}

/** The echo of the guest's own text. No originatingEntity: Genesys sets it on outbound (agent or bot) messages only. */
export function guestTextEcho(id: string, text: string, tracingId?: string): ServerFrame {
  return {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      id,
      type: 'Text',
      text,
      direction: 'Inbound',
      channel: { time: now(), messageId: id },
      metadata: { correlationId: tracingId ?? id },
    },
    tracingId,
  };
}

/** An agent's text: a Private channel message, as in Genesys' outbound fixtures. */
export function agentText(id: string, text: string): ServerFrame {
  return {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      id,
      type: 'Text',
      text,
      direction: 'Outbound',
      channel: { time: now(), messageId: id, type: 'Private', from: { nickname: 'Agent' } },
      metadata: { correlationId: id },
      originatingEntity: 'Human',
    },
  };
}

/** An Event message with one presence event (fixture structuredMessageWithEvents). */
function presenceEvent(
  direction: 'Inbound' | 'Outbound',
  presence: string,
  tracingId?: string,
): ServerFrame {
  const id = randomUUID();
  return {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      direction,
      id,
      channel: { time: now(), messageId: id },
      type: 'Event',
      metadata: { correlationId: tracingId ?? id },
      events: [{ eventType: 'Presence', presence: { type: presence } }],
    },
    ...(tracingId !== undefined && { tracingId }),
  };
}

/** A presence Join comes back as an inbound Event message, as Genesys echoes it. */
export const joinEcho = (tracingId?: string) => presenceEvent('Inbound', 'Join', tracingId);

/** The agent ended the conversation (fixture presenceDisconnect, outbound). */
export const agentDisconnect = () => presenceEvent('Outbound', 'Disconnect');

/** The per-session rate limit (fixture tooManyRequests). */
export function rateLimited(tracingId?: string): ServerFrame {
  return {
    type: 'response',
    class: 'TooManyRequestsErrorMessage',
    code: 429,
    body: {
      retryAfter: 1,
      errorCode: 4029,
      errorMessage: 'Message rate too high for this session',
    },
    tracingId,
  };
}
