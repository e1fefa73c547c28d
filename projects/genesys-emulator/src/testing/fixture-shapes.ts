/*
 * For the contract specs (contract.spec.ts, contract-lifecycle.spec.ts). Issue 14 item 8: the
 * emulator's frames against Genesys' own published frames, the test fixtures of
 * MyPureCloud/genesys-messenger-transport-mobile-sdk
 * (transport/src/androidUnitTest/kotlin/transport/util/Response.kt, read at the default branch on
 * 2026-12-02; the LIFECYCLE_FIXTURES rows at commit ea4509f7, v2.14.0). Each row restates one
 * fixture as a shape, in our words: type, class, code, and the JSON type of every body field
 * (nested objects one level down, or a dotted path). The emulator may send more fields; it may
 * not lack one, or give it another type.
 */
export type Shape = {
  type: string;
  class: string;
  code: number;
  body: 'string' | Record<string, string>;
};
export const FIXTURES: Record<string, Shape> = {
  // Response.configureSuccess()
  configureSuccess: {
    type: 'response',
    class: 'SessionResponse',
    code: 200,
    body: {
      connected: 'boolean',
      newSession: 'boolean',
      readOnly: 'boolean',
      maxCustomDataBytes: 'number',
      clearedExistingSession: 'boolean',
    },
  },
  // Response.webSocketRequestFailed
  webSocketRequestFailed: { type: 'response', class: 'string', code: 400, body: 'string' },
  // Response.sessionNotFound
  sessionNotFound: { type: 'response', class: 'string', code: 4007, body: 'string' },
  // Response.messageTooLong
  messageTooLong: { type: 'response', class: 'string', code: 4011, body: 'string' },
  // Response.customAttributeSizeTooLarge
  customAttributeSizeTooLarge: { type: 'response', class: 'string', code: 4013, body: 'string' },
  // Response.tooManyRequests
  tooManyRequests: {
    type: 'response',
    class: 'TooManyRequestsErrorMessage',
    code: 429,
    body: { retryAfter: 'number', errorCode: 'number', errorMessage: 'string' },
  },
  // Response.typingIndicatorForbidden
  typingIndicatorForbidden: { type: 'response', class: 'string', code: 403, body: 'string' },
  // Response.onMessage(Inbound): the echo of the guest's own text
  onMessageInbound: {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      text: 'string',
      direction: 'string',
      id: 'string',
      channel: 'object',
      'channel.time': 'string',
      'channel.messageId': 'string',
      type: 'string',
    },
  },
  // Response.onMessageWithAttachment(Outbound), without its attachment content: an agent's text
  onMessageOutbound: {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      direction: 'string',
      id: 'string',
      channel: 'object',
      'channel.time': 'string',
      'channel.type': 'string',
      type: 'string',
      text: 'string',
      originatingEntity: 'string',
    },
  },
  // Response.structuredMessageWithEvents(presenceJoin, Inbound)
  presenceJoinEcho: {
    type: 'message',
    class: 'StructuredMessage',
    code: 200,
    body: {
      direction: 'string',
      id: 'string',
      channel: 'object',
      'channel.time': 'string',
      'channel.messageId': 'string',
      type: 'string',
      metadata: 'object',
      'metadata.correlationId': 'string',
      events: 'array',
    },
  },
  // Response.sessionClearedEvent
  sessionClearedEvent: { type: 'message', class: 'SessionClearedEvent', code: 200, body: {} },
  // Response.connectionClosedEventNoReason
  connectionClosedEvent: { type: 'message', class: 'ConnectionClosedEvent', code: 200, body: {} },
  // Response.healthCheckResponse
  healthCheckResponse: {
    type: 'response',
    class: 'StructuredMessage',
    code: 200,
    body: { text: 'string', type: 'string', direction: 'string', id: 'string' },
  },
};

const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
function field(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
      body,
    );
}
/** Every difference between a frame and a fixture's shape, as readable lines. */
export function mismatches(frame: Record<string, unknown> | undefined, shape: Shape): string[] {
  if (!frame) return ['no frame'];
  const out: string[] = [];
  for (const key of ['type', 'class', 'code'] as const)
    if (frame[key] !== shape[key]) out.push(`${key}: ${String(frame[key])} ≠ ${shape[key]}`);
  if (shape.body === 'string') {
    if (typeof frame['body'] !== 'string') out.push(`body: ${jsonType(frame['body'])} ≠ string`);
  } else {
    for (const [path, type] of Object.entries(shape.body)) {
      const actual = jsonType(field(frame['body'], path));
      if (actual !== type) out.push(`body.${path}: ${actual} ≠ ${type}`);
    }
  }
  return out;
}

/*
 * Issue 14 items 4 and 8, second part: the frames of a conversation's end on deployments with
 * their own conversation settings (conversation-settings.ts), against the same Response.kt
 * fixtures. Each row names the fixture call it restates.
 */
const eventMessageShape = (extra: Record<string, string>): Shape => ({
  type: 'message',
  class: 'StructuredMessage',
  code: 200,
  body: {
    direction: 'string',
    id: 'string',
    channel: 'object',
    'channel.time': 'string',
    'channel.messageId': 'string',
    type: 'string',
    metadata: 'object',
    events: 'array',
    ...extra,
  },
});
export const LIFECYCLE_FIXTURES: Record<string, Shape> = {
  // structuredMessageWithEvents(presenceDisconnect) with the default metadata (correlationId)
  presenceDisconnect: eventMessageShape({ 'metadata.correlationId': 'string' }),
  // structuredMessageWithEvents(presenceDisconnect, metadata = mapOf("readOnly" to "true"))
  presenceDisconnectReadOnly: eventMessageShape({ 'metadata.readOnly': 'string' }),
  // the same frame, sent because a routing rule disconnected the conversation
  presenceDisconnectByRule: eventMessageShape({ 'metadata.correlationId': 'string' }),
  // configureSuccess(readOnly = true): configureSession on a read-only session
  configureSuccessReadOnly: FIXTURES['configureSuccess'],
  // configureSuccess(connected = false, readOnly = true): closeSession on a read-only session
  closeSessionReadOnly: FIXTURES['configureSuccess'],
  // configureSuccess(): configureSession with startNew after a read-only conversation
  configureSuccessStartNew: FIXTURES['configureSuccess'],
  // structuredMessageWithEvents(typingOn, Inbound): an accepted Typing event, echoed
  typingOnEcho: eventMessageShape({
    'events.0.eventType': 'string',
    'events.0.typing': 'object',
    'events.0.typing.type': 'string',
    'events.0.typing.duration': 'number',
  }),
  // clearConversationForbidden()
  clearConversationForbidden: { type: 'response', class: 'string', code: 403, body: 'string' },
};
