/*
 * The bootstrap stand-in's Guest API connection: one WebSocket per guest session token (kept in
 * localStorage per deployment by visitor-store.ts, as Genesys keeps its own), configureSession on
 * open, and request/answer matching by tracing id. Frames that answer no request go to `onFrame`.
 * With authenticated messaging (auth-messenger.ts) the handshake is configureAuthenticatedSession
 * with `data:{code:<jwt>}` (reference §5, MT, JV); any answer other than a connected
 * SessionResponse (the 401 `class:"string"` frame, 4017, a LogoutEvent) is a failure, and one 401
 * gets one renewal (refresh, else reAuthenticate) and one retry.
 */
import { uuid } from './database-helpers';
import type { VisitorStore } from './visitor-store';

/** The SessionResponse body fields the stand-in reads (reference §5). */
export interface SessionBody {
  connected?: boolean;
  newSession?: boolean;
  readOnly?: boolean;
}

/** A server → client frame (reference §5). */
export interface Frame {
  type: 'response' | 'message';
  class: string;
  code: number;
  body: unknown;
  tracingId?: string;
}

interface Pending {
  resolve: (frame: Frame) => void;
  reject: (reason: unknown) => void;
}

/** The stand-in Auth plugin's side of the handshake (auth-messenger.ts). */
export interface GuestAuth {
  /** The JWT to configure an authenticated session with, or undefined for an anonymous one. */
  jwt(): Promise<string | undefined>;
  /** The server refused the JWT: a new one (refresh, else reAuthenticate + a new code). */
  renew(): Promise<string>;
  /** The server pushed LogoutEvent. */
  serverLoggedOut(): void;
}

export interface GuestConnectionOptions {
  base: string;
  deploymentId: string;
  visitor: VisitorStore;
  publish(event: string, data?: unknown): void;
  /** Every frame after the session handshake; `waited` when it answered a pending request. */
  onFrame(frame: Frame, waited: boolean): void;
  auth?: GuestAuth;
}

export function createGuestConnection({
  base,
  deploymentId,
  visitor,
  publish,
  onFrame: handleFrame,
  auth,
}: GuestConnectionOptions) {
  let socket: WebSocket | null = null;
  let session: Promise<SessionBody> | null = null;
  /** Sockets closed on purpose (clear, purge): their close is no connection loss. */
  const dropped = new WeakSet<WebSocket>();
  let hadSession = false;
  const pending = new Map<string, Pending>();

  function onFrame(frame: Frame): void {
    const waiting = frame.tracingId ? pending.get(frame.tracingId) : undefined;
    if (waiting) {
      pending.delete(frame.tracingId!);
      waiting.resolve(frame);
    }
    handleFrame(frame, !!waiting);
  }

  /** Connects (or joins the connection under way) and resolves with the SessionResponse body. */
  function connect(): Promise<SessionBody> {
    if (session) return session;
    const token = visitor.ensureToken();
    const reconnecting = hadSession;
    if (reconnecting) publish('MessagingService.reconnecting');
    const attempt = (async () => {
      const jwt = auth ? await auth.jwt() : undefined;
      return open(token, reconnecting, jwt);
    })();
    session = attempt;
    attempt.catch(() => {
      if (session === attempt) session = null;
    });
    return attempt;
  }

  function open(
    token: string,
    reconnecting: boolean,
    jwt: string | undefined,
  ): Promise<SessionBody> {
    return new Promise<SessionBody>((resolve, reject) => {
      const ws = new WebSocket(
        `${base.replace(/^http/, 'ws')}/v1?deploymentId=${encodeURIComponent(deploymentId)}`,
      );
      socket = ws;
      let tracingId = '';
      let renewed = false;
      const configure = (code: string | undefined) => {
        tracingId = uuid();
        const frame = code
          ? {
              action: 'configureAuthenticatedSession',
              token,
              deploymentId,
              tracingId,
              data: { code },
            }
          : { action: 'configureSession', token, deploymentId, tracingId };
        ws.send(JSON.stringify(frame));
      };
      const fail = () => {
        if (socket === ws) socket = null;
        dropped.add(ws);
        ws.close();
        reject('Cannot start conversation');
      };
      ws.addEventListener('open', () => configure(jwt));
      ws.addEventListener('message', (event) => {
        const frame = JSON.parse(String(event.data)) as Frame;
        if (frame.class === 'LogoutEvent') {
          auth?.serverLoggedOut();
          if (frame.tracingId === tracingId || !hadSession) fail();
          return;
        }
        if (frame.tracingId === tracingId && frame.class !== 'SessionResponse') {
          tracingId = '';
          if (jwt && auth && frame.code === 401 && !renewed) {
            renewed = true;
            auth.renew().then(
              (code) => (ws.readyState === WebSocket.OPEN ? configure(code) : fail()),
              () => fail(),
            );
          } else fail();
          return;
        }
        if (frame.class === 'SessionResponse' && frame.tracingId === tracingId) {
          const body = frame.body as SessionBody;
          if (!body.connected) {
            reject('Cannot start conversation');
            return;
          }
          hadSession = true;
          visitor.markSessionActive();
          publish(reconnecting ? 'MessagingService.reconnected' : 'MessagingService.started', body);
          if (!reconnecting) publish('Conversations.started', body);
          resolve(body);
          return;
        }
        onFrame(frame);
      });
      ws.addEventListener('close', () => {
        if (dropped.has(ws)) return;
        if (socket === ws) socket = null;
        session = null;
        for (const [id, p] of pending) {
          pending.delete(id);
          p.reject({ code: 0, body: 'connection lost' });
        }
        reject('Cannot start conversation');
        publish('MessagingService.offline');
      });
    });
  }

  /**
   * Closes the socket on purpose and forgets the session, without `offline`: after a clear or a
   * purge the next connect is a first one again (a new token makes a new session).
   */
  function disconnect(): void {
    const ws = socket;
    socket = null;
    session = null;
    hadSession = false;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject({ code: 0, body: 'session ended' });
    }
    if (ws) {
      dropped.add(ws);
      ws.close();
    }
  }

  function sendFrame(message: Record<string, unknown>, tracingId: string): void {
    const ws = socket;
    if (!ws || ws.readyState !== WebSocket.OPEN) throw 'Not connected';
    const token = visitor.token();
    ws.send(JSON.stringify({ action: 'onMessage', token, tracingId, message }));
  }

  /** Sends one onMessage and waits for the server's answer that carries its tracing id. */
  async function request(message: Record<string, unknown>, expect: string): Promise<Frame> {
    const tracingId = uuid();
    const answer = new Promise<Frame>((resolve, reject) =>
      pending.set(tracingId, { resolve, reject }),
    );
    try {
      sendFrame(message, tracingId);
    } catch (error) {
      pending.delete(tracingId);
      throw error;
    }
    const frame = await answer;
    if (frame.class !== expect) throw { code: frame.code, body: frame.body };
    return frame;
  }

  return { connect, disconnect, sendFrame, request };
}
