import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import {
  authenticationRequiredFrame,
  logoutEventFrame,
  unauthorizedFrame,
} from './auth/guest-auth-frames';
import type { AuthRuntime } from './auth/types';
import type { DeploymentAuth, DeploymentFaults, RoutingConfig } from './config';
import { attachRefusal, authenticationOffFrame, type SessionIdentity } from './guest-auth';
export type { ServerFrame } from './guest-frames';
import {
  agentDisconnect,
  agentText,
  guestTextEcho,
  healthCheckEcho,
  joinEcho,
  MAX_CUSTOM_DATA_BYTES,
  rateLimited,
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
import { claimMismatch, routeDecision } from './routing';
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
/** Distinct guest sessions one socket may configure (Genesys' clients use one). */
export const MAX_SESSIONS_PER_SOCKET = 8;
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
}

interface GuestSession {
  readonly token: string;
  readonly deploymentId: string;
  readonly sockets: Set<WebSocket>;
  conversationId: string | undefined;
  recent: number[];
  /** Set by configureAuthenticatedSession; an authenticated session never goes back (4017). */
  identity: SessionIdentity | undefined;
  /** Revoked (token/revoke): the token's session is gone; its sockets hear 4007 from now on. */
  loggedOut: boolean;
}

/**
 * The Web Messaging Guest API over one WebSocket per guest connection (reference §5):
 * configureSession, onMessage (text and events), echo and closeSession, with the documented
 * error frames for oversized attributes (4013), oversized text (4011) and the rate limit (429/4029).
 */
export class GuestApi {
  private readonly sessions = new Map<string, GuestSession>();
  private readonly perSocketCount = new WeakMap<WebSocket, number>();
  private readonly perSocketSessions = new WeakMap<WebSocket, Set<string>>();

  constructor(private readonly deps: GuestApiDeps) {}

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
      return this.configure(ws, deploymentId, request, tracingId, undefined);
    }
    if (request.action === 'configureAuthenticatedSession') {
      return this.configureAuthenticated(ws, deploymentId, request, tracingId);
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

  /**
   * The agent ends the conversation: the guest gets an outbound presence Disconnect event (MT
   * Response.kt, structuredMessageWithEvents with presenceDisconnect) and the conversation is
   * disconnected, so the guest's next message starts a new one (disconnect type `Send`).
   */
  disconnect(conversation: Conversation): void {
    conversation.state = 'disconnected';
    const session = this.sessions.get(conversation.sessionToken);
    if (session?.conversationId === conversation.id) session.conversationId = undefined;
    const frame = agentDisconnect();
    for (const ws of session?.sockets ?? []) {
      send(ws, frame);
    }
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

  /** configureAuthenticatedSession: `data.code` is the web-messaging JWT (reference §5, MT, JV). */
  private async configureAuthenticated(
    ws: WebSocket,
    deploymentId: string,
    request: ClientRequest,
    tracingId?: string,
  ): Promise<GuestSession | undefined> {
    const runtime = this.deps.auth?.();
    if (!runtime || this.deps.authSettings?.(deploymentId)?.enabled !== true) {
      send(ws, authenticationOffFrame(tracingId));
      return undefined;
    }
    const code = request.code;
    if (typeof code !== 'string' || !code || code.length > 8192) {
      stringError(ws, 4020, 'Missing parameter: data.code.', tracingId);
      return undefined;
    }
    const verified = await runtime.verifyMessagingJwt(code, deploymentId);
    if (!verified.ok) {
      // MT-fx `unauthorized`; the reason (expired, signature, …) stays on the server, as on Genesys.
      send(ws, unauthorizedFrame(tracingId));
      return undefined;
    }
    const identity: SessionIdentity = {
      sub: verified.sub,
      externalId: verified.externalId,
      claims: verified.claims,
      authSessionId: verified.sessionId,
    };
    return this.configure(ws, deploymentId, request, tracingId, identity);
  }

  private configure(
    ws: WebSocket,
    deploymentId: string,
    request: ClientRequest,
    tracingId: string | undefined,
    identity: SessionIdentity | undefined,
  ): GuestSession | undefined {
    const token = request.token;
    if (typeof token !== 'string' || !token || token.length > 2048) {
      stringError(ws, 4020, 'Missing parameter: token.', tracingId);
      return undefined;
    }
    if (request.deploymentId !== undefined && request.deploymentId !== deploymentId) {
      stringError(ws, 400, 'Request failed.', tracingId);
      return undefined;
    }
    const mine = this.perSocketSessions.get(ws) ?? new Set<string>();
    this.perSocketSessions.set(ws, mine);
    if (!mine.has(token) && mine.size >= MAX_SESSIONS_PER_SOCKET) {
      stringError(
        ws,
        429,
        `Too many sessions on this connection (at most ${MAX_SESSIONS_PER_SOCKET}).`,
        tracingId,
      );
      return undefined;
    }
    let session = this.sessions.get(token);
    const refusal = attachRefusal(
      session,
      identity,
      this.deps.authSettings?.(deploymentId),
      tracingId,
    );
    if (refusal) {
      send(ws, refusal);
      return undefined;
    }
    mine.add(token);
    const newSession = !session;
    if (!session) {
      session = {
        token,
        deploymentId,
        sockets: new Set(),
        conversationId: undefined,
        recent: [],
        identity: undefined,
        loggedOut: false,
      };
      this.sessions.set(token, session);
    }
    // A new sign-in of the same person (or an allowed upgrade) carries the newest auth session.
    if (identity) session.identity = identity;
    session.sockets.add(ws);
    send(ws, sessionResponse(true, newSession, tracingId));
    return session;
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
      const conversation = this.conversationFor(session, attributes ?? {});
      const id = randomUUID();
      this.deps.store.addMessage(conversation, { id, direction: 'Inbound', text, time: now() });
      send(ws, guestTextEcho(id, text, tracingId));
    } else if (message.type === 'Event') {
      for (const event of message.events) {
        if (event.eventType === 'Typing') {
          // The emulator's deployments have the typing indicator off (showUserTypingIndicator:
          // false), and Genesys refuses typing events then (reference §5, MT-fx).
          stringError(ws, 403, 'Turn on the Feature Toggle or fix the configuration.', tracingId);
          continue;
        }
        if (event.eventType !== 'Presence') continue;
        if (event.presenceType === 'Join') {
          this.conversationFor(session, attributes ?? {});
          send(ws, joinEcho(tracingId));
        } else if (event.presenceType === 'Clear') {
          const conversation = session.conversationId
            ? this.deps.store.get(session.conversationId)
            : undefined;
          if (conversation) conversation.state = 'disconnected';
          session.conversationId = undefined;
          for (const socket of session.sockets) {
            send(socket, { type: 'message', class: 'SessionClearedEvent', code: 200, body: {} });
          }
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

  /** The session's open conversation, created (and routed) on its first inbound message. */
  private conversationFor(session: GuestSession, attributes: Record<string, string>): Conversation {
    const current = session.conversationId
      ? this.deps.store.get(session.conversationId)
      : undefined;
    const verified = session.identity && {
      sub: session.identity.sub,
      externalId: session.identity.externalId,
    };
    if (current && current.state === 'connected') {
      Object.assign(current.attributes, attributes);
      // The queue was chosen when the conversation started; a later forged claim still raises the flag.
      if (claimMismatch(current.attributes, this.deps.routing(), verified))
        current.verificationMismatch = true;
      return current;
    }
    const { queue, verificationMismatch } = routeDecision(
      attributes,
      this.deps.routing(),
      verified,
    );
    const created = this.deps.store.create(
      session.deploymentId,
      session.token,
      queue,
      attributes,
      verified,
      verificationMismatch,
    );
    session.conversationId = created.id;
    return created;
  }

  private close(ws: WebSocket, session: GuestSession, tracingId?: string): void {
    send(ws, sessionResponse(false, false, tracingId));
    for (const other of session.sockets) {
      if (other === ws) continue;
      send(other, { type: 'message', class: 'ConnectionClosedEvent', code: 200, body: {} });
      other.close();
    }
    session.sockets.clear();
  }
}
