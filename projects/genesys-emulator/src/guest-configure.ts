import type { WebSocket } from 'ws';
import { unauthorizedFrame } from './auth/guest-auth-frames';
import type { AuthRuntime } from './auth/types';
import type { DeploymentAuth } from './config';
import { attachRefusal, authenticationOffFrame, type SessionIdentity } from './guest-auth';
import type { GuestSession } from './guest-conversations';
import { type ClientRequest, send, stringError } from './guest-frames';
import { sessionResponse } from './guest-messages';

/** Distinct guest sessions one socket may configure (Genesys' clients use one). */
export const MAX_SESSIONS_PER_SOCKET = 8;

export interface GuestConfiguratorDeps {
  readonly sessions: Map<string, GuestSession>;
  auth(): AuthRuntime | undefined;
  authSettings(deploymentId: string): DeploymentAuth | undefined;
}

/**
 * configureSession and configureAuthenticatedSession (reference §5; MT ConfigureSessionRequest,
 * JV): the token's session is created or joined, and answered with a SessionResponse that says
 * whether it is new and whether it is read-only.
 */
export class GuestConfigurator {
  private readonly perSocketSessions = new WeakMap<WebSocket, Set<string>>();

  constructor(private readonly deps: GuestConfiguratorDeps) {}

  /** configureAuthenticatedSession: `data.code` is the web-messaging JWT (reference §5, MT, JV). */
  async configureAuthenticated(
    ws: WebSocket,
    deploymentId: string,
    request: ClientRequest,
    tracingId?: string,
  ): Promise<GuestSession | undefined> {
    const runtime = this.deps.auth();
    if (!runtime || this.deps.authSettings(deploymentId)?.enabled !== true) {
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

  configure(
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
    let session = this.deps.sessions.get(token);
    const refusal = attachRefusal(
      session,
      identity,
      this.deps.authSettings(deploymentId),
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
        readOnly: false,
      };
      this.deps.sessions.set(token, session);
    }
    // A new sign-in of the same person (or an allowed upgrade) carries the newest auth session.
    if (identity) session.identity = identity;
    session.sockets.add(ws);
    // startNew on a read-only session: a new chat (MT startNewChat → configureSession(startNew = true)).
    const fresh = newSession || (session.readOnly && request.startNew === true);
    if (fresh) session.readOnly = false;
    send(ws, sessionResponse(true, fresh, tracingId, session.readOnly));
    return session;
  }
}
