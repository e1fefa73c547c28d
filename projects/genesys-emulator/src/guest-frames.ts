import type { RawData, WebSocket } from 'ws';

/** A server → client frame, as the Guest API sends it. */
export interface ServerFrame {
  type: 'response' | 'message';
  class: string;
  code: number;
  body: unknown;
  tracingId?: string;
}

/** One presence or typing event of an `Event` message, reduced to what the emulator reads. */
export interface ClientEvent {
  readonly eventType: string | undefined;
  readonly presenceType: string | undefined;
}

/**
 * A client request after the boundary check: every field the emulator reads has a known type,
 * so nothing downstream can meet `null` where it expects an object. Shapes follow reference §5.
 */
export interface ClientRequest {
  readonly action: string | undefined;
  readonly token: unknown;
  readonly deploymentId: unknown;
  readonly tracingId: string | undefined;
  /** configureSession's `startNew` (MT ConfigureSessionRequest): a new chat after a read-only one. */
  readonly startNew: boolean;
  /** configureAuthenticatedSession's `data.code`: the web-messaging JWT (reference §5, MT, JV). */
  readonly code: unknown;
  readonly message: {
    readonly type: string | undefined;
    readonly text: unknown;
    /** `invalid` when `events` is present but not a list of objects. */
    readonly events: readonly ClientEvent[] | 'invalid';
    /** From `message.channel.metadata`, or the deprecated top-level `channel.metadata`. */
    readonly customAttributes: unknown;
  };
}

type Json = Record<string, unknown>;
const record = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A frame's text: ws hands over a Buffer, a list of fragments, or an ArrayBuffer. */
function rawText(raw: RawData): string {
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw).toString('utf8');
}

/** Parses one frame; `undefined` for anything that is not a JSON object (Genesys answers 400). */
export function parseClientRequest(raw: RawData): ClientRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawText(raw));
  } catch {
    return undefined;
  }
  const request = record(parsed);
  if (!request) return undefined;
  const message = record(request['message']) ?? {};
  const attributesIn = (node: unknown) => record(record(node)?.['metadata'])?.['customAttributes'];
  const rawEvents = message['events'];
  const events =
    rawEvents === undefined
      ? []
      : Array.isArray(rawEvents) && rawEvents.every((e) => record(e))
        ? rawEvents.map((e: Json) => ({
            eventType: str(e['eventType']),
            presenceType: str(record(e['presence'])?.['type']),
          }))
        : ('invalid' as const);
  return {
    action: str(request['action']),
    token: request['token'],
    deploymentId: request['deploymentId'],
    tracingId: str(request['tracingId']),
    startNew: request['startNew'] === true,
    code: record(request['data'])?.['code'],
    message: {
      type: str(message['type']),
      text: message['text'],
      events,
      customAttributes: attributesIn(message['channel']) ?? attributesIn(request['channel']),
    },
  };
}

/** Custom attributes as a string map; `invalid` for a non-object or a non-string value. */
export function readAttributes(value: unknown): Record<string, string> | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  const input = record(value);
  if (!input) return 'invalid';
  const entries = Object.entries(input);
  if (entries.some(([, v]) => typeof v !== 'string')) return 'invalid';
  // fromEntries defines own properties, so a "__proto__" key stays a key and sets no prototype.
  return Object.fromEntries(entries) as Record<string, string>;
}

/** UTF-8 bytes of keys and values, the measure Genesys applies to the 2048-byte limit. */
export function attributeBytes(attributes: Record<string, string>): number {
  let bytes = 0;
  for (const [k, v] of Object.entries(attributes))
    bytes += Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8');
  return bytes;
}

export function send(ws: WebSocket, frame: ServerFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

/** An error answer of class `string`, as Genesys sends 4007, 4011, 4013, 4020 and 400 (reference §5). */
export function stringError(ws: WebSocket, code: number, body: string, tracingId?: string): void {
  send(ws, { type: 'response', class: 'string', code, body, tracingId });
}

/** Genesys' generic refusal: `{class:"string", code:400, body:"Request failed."}` (reference §5, MT-fx). */
export function requestFailed(ws: WebSocket, tracingId?: string): void {
  send(ws, { type: 'response', class: 'string', code: 400, body: 'Request failed.', tracingId });
}

export function now(): string {
  return new Date().toISOString();
}
