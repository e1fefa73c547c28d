import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { authenticationRequiredFrame, logoutEventFrame } from './auth/guest-auth-frames';
import type { AuthRuntime } from './auth/types';
import type { DeploymentAuth, DeploymentFaults, RoutingConfig } from './config';
import { type DeploymentConversations, conversationSettings } from './conversation-settings';
import { GuestConfigurator } from './guest-configure';
import { type GuestSession, GuestConversations } from './guest-conversations';
export type { ServerFrame } from './guest-frames';
import {
  agentText,
  guestTextEcho,
  healthCheckEcho,
  joinEcho,
  MAX_CUSTOM_DATA_BYTES,
  rateLimited,
  readOnlyRefused,
  sessionResponse,
} from './guest-messages';
import {
  type ClientRequest,
  attributeBytes,
  now,
  parseClientRequest,
  readAttributes,
  requestFailed,
  send,
  stringError,
} from './guest-frames';
import type { Conversation, ConversationStore } from './store';

export { MAX_CUSTOM_DATA_BYTES } from './guest-messages';
/** Inbound text limit (error 4011 above it). */
export const MAX_TEXT_BYTES = 4096;
/**
 * Largest WebSocket frame the emulator accepts (ws `maxPayload`; above it the socket closes with
 * 1009). Sixteen times Genesys' 4,096-byte text limit plus its 2,048-byte attribute limit and the
 * JSON around them, so no real client comes near it, while a page cannot make the emulator parse
 * ws's default 100 MiB.
 */
export const MAX_FRAME_BYTES = 64 * 1024;
export { MAX_SESSIONS_PER_SOCKET } from './guest-configure';
/** The tracing id Genesys' own clients use for the health-check echo. */
export const ECHO_TRACING_ID = 'SGVhbHRoQ2hlY2tNZXNzYWdlSWQ=';

export interface GuestApiDeps {
  readonly store: ConversationStore;
  routing(): RoutingConfig;
  faults(deploymentId: string): DeploymentFaults;
  defaultRatePerSecond(): number;
  /** The auth side, when a deployment has auth on (verifies configureAuthenticatedSession's JWT). */
  auth?(): AuthRuntime | undefined;
  authSettings?(deploymentId: string): DeploymentAuth | undefined;
  /** The deployment's `messenger.apps.conversations` settings (conversation-settings.ts). */
  conversations?(deploymentId: string): DeploymentConversations | undefined;
}

/**
 * The Web Messaging Guest API over one WebSocket per guest connection (reference §5):
 * configureSession, onMessage (text and events), echo and closeSession, with the documented
 * error frames for oversized attributes (4013), oversized text (4011) and the rate limit (429/4029).
 */
export class GuestApi {
  private readonly sessions = new Map<string, GuestSession>();
  private readonly perSocketCount = new WeakMap<WebSocket, number>();
  private readonly lifecycle: GuestConversations;
  private readonly configurator: GuestConfigurator;

  constructor(private readonly deps: GuestApiDeps) {
    this.lifecycle = new GuestConversations({
      store: deps.store,
      sessions: this.sessions,
      routing: () => deps.routing(),
      settings: (id) => conversationSettings(deps.conversations?.(id)),
    });
    this.configurator = new GuestConfigurator({
      sessions: this.sessions,
      auth: () => deps.auth?.(),
      authSettings: (id) => deps.authSettings?.(id),
    });
  }

  /** Serves one accepted WebSocket for a deployment. */
  accept(ws: WebSocket, deploymentId: string): void {
    let session: GuestSession | undefined;
    // One request at a time, in arrival order: configureAuthenticatedSession awaits the JWT check,
    // and a message sent right behind it must see its outcome.
    let queue: Promise<void> = Promise.resolve();
    // Without a listener, a protocol error (bad opcode, invalid UTF-8, a frame over maxPayload)
    // would be thrown as an uncaught 'error' and end the process; ws closes the socket itself.
    ws.on('error', () => undefined);
    ws.on('message', (raw) => {
      queue = queue.then(async () => {
        const request = parseClientRequest(raw);
        if (!request) return requestFailed(ws);
        try {
          session = await this.handle(ws, deploymentId, session, request);
        } catch {
          // Last line of defence: a bug here costs this request, never the process.
          requestFailed(ws, request.tracingId);
        }
      });
    });
    ws.on('close', () => session?.sockets.delete(ws));
  }

  /** One request on a socket; returns the socket's session afterwards. */
  private async handle(
    ws: WebSocket,
    deploymentId: string,
    current: GuestSession | undefined,
    request: ClientRequest,
  ): Promise<GuestSession | undefined> {
    const session = current;
    const tracingId = request.tracingId;
    if (request.action === 'configureSession') {
      return this.configurator.configure(ws, deploymentId, request, tracingId, undefined);
    }
    if (request.action === 'configureAuthenticatedSession') {
      return this.configurator.configureAuthenticated(ws, deploymentId, request, tracingId);
    }
    if (!session || session.loggedOut || request.token !== session.token) {
      stringError(ws, 4007, 'Session not found.', tracingId);
      return session;
    }
    switch (request.action) {
      case 'onMessage':
        this.onMessage(ws, session, request, tracingId);
        break;
      case 'echo':
        send(ws, healthCheckEcho(tracingId ?? ECHO_TRACING_ID));
        break;
      case 'closeSession':
        this.close(ws, session, tracingId);
        break;
      default:
        requestFailed(ws, tracingId);
    }
    return session;
  }

  /** Sends an agent's reply to the guest, as an Outbound StructuredMessage. */
  deliverOutbound(conversation: Conversation, text: string): void {
    const id = randomUUID();
    this.deps.store.addMessage(conversation, { id, direction: 'Outbound', text, time: now() });
    const session = this.sessions.get(conversation.sessionToken);
    for (const ws of session?.sockets ?? []) {
      send(ws, agentText(id, text));
    }
  }

  /** The agent ends the conversation (guest-conversations.ts: the deployment's disconnect type). */
  disconnect(conversation: Conversation): void {
    this.lifecycle.disconnect(conversation);
  }

  /**
   * After token/revoke: every session signed in through `authSessionId` hears LogoutEvent (MT-fx,
   * MT-uml), its conversation ends and the session is forgotten, so the next visitor on the same
   * page, anonymous or signed in, inherits nothing of it.
   */
  logout(authSessionId: string): void {
    for (const [token, session] of this.sessions) {
      if (session.identity?.authSessionId !== authSessionId) continue;
      for (const ws of session.sockets) send(ws, logoutEventFrame());
      const conversation = session.conversationId
        ? this.deps.store.get(session.conversationId)
        : undefined;
      if (conversation) conversation.state = 'disconnected';
      session.conversationId = undefined;
      session.loggedOut = true;
      session.sockets.clear();
      this.sessions.delete(token);
    }
  }

  /** Every session and socket is forgotten (emulator reset). */
  reset(): void {
    for (const s of this.sessions.values()) for (const ws of s.sockets) ws.terminate();
    this.sessions.clear();
  }

  private onMessage(
    ws: WebSocket,
    session: GuestSession,
    request: ClientRequest,
    tracingId?: string,
  ): void {
    if (this.deps.authSettings?.(session.deploymentId)?.enabled === true && !session.identity) {
      send(ws, authenticationRequiredFrame(tracingId));
      return;
    }
    if (session.readOnly && !isClear(request)) {
      send(ws, readOnlyRefused(tracingId));
      return;
    }
    const faults = this.deps.faults(session.deploymentId);
    const rate = faults.rateLimitPerSecond ?? this.deps.defaultRatePerSecond();
    const t = Date.now();
    session.recent = session.recent.filter((at) => t - at < 1000);
    if (session.recent.length >= rate) {
      send(ws, rateLimited(tracingId));
      return;
    }
    session.recent.push(t);

    const message = request.message;
    const attributes = readAttributes(message.customAttributes);
    if (attributes === 'invalid' || message.events === 'invalid') {
      stringError(ws, 400, 'Request failed.', tracingId);
      return;
    }
    if (attributes && attributeBytes(attributes) > MAX_CUSTOM_DATA_BYTES) {
      stringError(
        ws,
        4013,
        `Custom Attributes in channel metadata is larger than ${MAX_CUSTOM_DATA_BYTES} bytes`,
        tracingId,
      );
      return;
    }

    if (message.type === 'Text') {
      const text = typeof message.text === 'string' ? message.text : '';
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > MAX_TEXT_BYTES) {
        stringError(
          ws,
          4011,
          `Message length ${bytes} is larger than ${MAX_TEXT_BYTES}`,
          tracingId,
        );
        return;
      }
      if (!text.trim()) {
        stringError(ws, 400, 'Request failed.', tracingId);
        return;
      }
      const conversation = this.lifecycle.conversationFor(session, attributes ?? {});
      const id = randomUUID();
      this.deps.store.addMessage(conversation, { id, direction: 'Inbound', text, time: now() });
      conversation.customerTypingAt = undefined;
      send(ws, guestTextEcho(id, text, tracingId));
      this.lifecycle.afterInbound(conversation);
    } else if (message.type === 'Event') {
      for (const event of message.events) {
        if (event.eventType === 'Typing') {
          this.lifecycle.typing(ws, session, tracingId);
        } else if (event.eventType === 'Presence' && event.presenceType === 'Join') {
          const conversation = this.lifecycle.conversationFor(session, attributes ?? {});
          send(ws, joinEcho(tracingId));
          this.lifecycle.afterInbound(conversation);
        } else if (event.eventType === 'Presence' && event.presenceType === 'Clear') {
          this.lifecycle.clear(ws, session, tracingId);
        }
      }
    } else {
      stringError(ws, 400, 'Request failed.', tracingId);
      return;
    }

    const count = (this.perSocketCount.get(ws) ?? 0) + 1;
    this.perSocketCount.set(ws, count);
    const dropAfter = faults.dropSocketAfterMessages;
    if (typeof dropAfter === 'number' && count >= dropAfter) ws.terminate();
  }

  private close(ws: WebSocket, session: GuestSession, tracingId?: string): void {
    // On a read-only session the answer says so (fixture configureSuccess(connected = false, readOnly = true)).
    send(ws, sessionResponse(false, false, tracingId, session.readOnly));
    for (const other of session.sockets) {
      if (other === ws) continue;
      send(other, { type: 'message', class: 'ConnectionClosedEvent', code: 200, body: {} });
      other.close();
    }
    session.sockets.clear();
  }
}

/** A request whose only events are presence Clear (allowed on a read-only session, MT). */
function isClear(request: ClientRequest): boolean {
  const { type, events } = request.message;
  return (
    type === 'Event' &&
    events !== 'invalid' &&
    events.length > 0 &&
    events.every((e) => e.eventType === 'Presence' && e.presenceType === 'Clear')
  );
}
