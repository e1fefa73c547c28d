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
  readOnly = false,
): ServerFrame {
  return {
    type: 'response',
    class: 'SessionResponse',
    code: 200,
    body: {
      connected,
      newSession,
      // true on a session whose conversation was disconnected with type ReadOnly (fixture
      // configureSuccess(readOnly = true); closeSession then: configureSuccess(connected = false, readOnly = true)).
      readOnly,
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

/** An Event message (fixture structuredMessageWithEvents): presence or typing events. */
function eventMessage(
  direction: 'Inbound' | 'Outbound',
  events: readonly Record<string, unknown>[],
  tracingId?: string,
  metadata: Record<string, string> = {},
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
      metadata: { correlationId: tracingId ?? id, ...metadata },
      events,
    },
    ...(tracingId !== undefined && { tracingId }),
  };
}

const presence = (type: string) => ({ eventType: 'Presence', presence: { type } });

/** A presence Join comes back as an inbound Event message, as Genesys echoes it. */
export const joinEcho = (tracingId?: string) =>
  eventMessage('Inbound', [presence('Join')], tracingId);

/**
 * The agent or a flow ended the conversation (fixture presenceDisconnect, outbound). With the
 * deployment's disconnect type ReadOnly, `metadata.readOnly` is the string "true" (MT
 * MessagingClientImpl reads `metadata["readOnly"].toBoolean()`; MT test "Presence Disconnect
 * received and readOnly field in metadata is true").
 */
export const agentDisconnect = (readOnly = false) =>
  eventMessage(
    'Outbound',
    [presence('Disconnect')],
    undefined,
    readOnly ? { readOnly: 'true' } : {},
  );

/**
 * The guest's accepted Typing event, echoed as an inbound Event message like every inbound
 * message (reference §5); the typing event in the fixture's shape
 * (`StructuredEvent.typingOn`: `{eventType:"Typing", typing:{type:"On", duration:5000}}`).
 */
export const typingEcho = (tracingId?: string) =>
  eventMessage(
    'Inbound',
    [{ eventType: 'Typing', typing: { type: 'On', duration: 5000 } }],
    tracingId,
  );

/** A Clear where the deployment does not allow it (fixture clearConversationForbidden, its default text). */
export function clearForbidden(tracingId?: string): ServerFrame {
  return {
    type: 'response',
    class: 'string',
    code: 403,
    body: 'Presence events Conversation Clear are not supported',
    tracingId,
  };
}

/**
 * UNCONFIRMED: a message on a read-only conversation. No Genesys fixture has this frame (MT
 * refuses to send in ReadOnly before anything reaches the wire); code 409 is from the community
 * notes only (reference §5, source S); the body text is the emulator's. An error of class
 * `string`, like every other refusal (fixture webSocketRequestFailed's shape).
 */
export function readOnlyRefused(tracingId?: string): ServerFrame {
  return {
    type: 'response',
    class: 'string',
    code: 409,
    body: 'The conversation is read-only: start a new chat to send messages.',
    tracingId,
  };
}

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
