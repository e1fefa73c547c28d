import type { WebSocket } from 'ws';
import type { RoutingConfig } from './config';
import type { ConversationSettings } from './conversation-settings';
import type { SessionIdentity } from './guest-auth';
import { send, stringError } from './guest-frames';
import { agentDisconnect, clearForbidden, typingEcho } from './guest-messages';
import { claimMismatch, routeDecision } from './routing';
import type { Conversation, ConversationStore } from './store';

/** One guest session (one client token), with the sockets configured on it. */
export interface GuestSession {
  readonly token: string;
  readonly deploymentId: string;
  readonly sockets: Set<WebSocket>;
  conversationId: string | undefined;
  recent: number[];
  /** Set by configureAuthenticatedSession; an authenticated session never goes back (4017). */
  identity: SessionIdentity | undefined;
  /** Revoked (token/revoke): the token's session is gone; its sockets hear 4007 from now on. */
  loggedOut: boolean;
  /**
   * Its conversation was disconnected on a deployment whose disconnect type is ReadOnly: it
   * cannot send until the client configures again with `startNew` (MT `State.ReadOnly`,
   * `startNewChat`).
   */
  readOnly: boolean;
}

export interface GuestConversationsDeps {
  readonly store: ConversationStore;
  readonly sessions: ReadonlyMap<string, GuestSession>;
  routing(): RoutingConfig;
  settings(deploymentId: string): ConversationSettings;
}

/** What the emulator's deployments do with a disconnect, a clear and typing (conversation-settings.ts). */
export class GuestConversations {
  /** Conversations a routing rule with `action: 'disconnect'` ends once their first message is echoed. */
  private readonly flowDisconnects = new Set<string>();

  constructor(private readonly deps: GuestConversationsDeps) {}

  /** The session's open conversation, created (and routed) on its first inbound message. */
  conversationFor(session: GuestSession, attributes: Record<string, string>): Conversation {
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
    const decision = routeDecision(attributes, this.deps.routing(), verified);
    const created = this.deps.store.create(
      session.deploymentId,
      session.token,
      decision.queue,
      attributes,
      verified,
      decision.verificationMismatch,
    );
    if (decision.disconnect) this.flowDisconnects.add(created.id);
    session.conversationId = created.id;
    return created;
  }

  /** After the echo of an inbound message: a routing rule's disconnect happens now. */
  afterInbound(conversation: Conversation): void {
    if (this.flowDisconnects.delete(conversation.id)) this.disconnect(conversation);
  }

  /**
   * The agent or a flow ends the conversation. With conversation disconnect on, the guest gets an
   * outbound presence Disconnect event (fixture structuredMessageWithEvents + presenceDisconnect),
   * carrying `metadata.readOnly: "true"` where the type is ReadOnly; the session is then
   * read-only. With `Send` the next message starts a new conversation. With conversation
   * disconnect off no frame is sent (our reading of reference §4: the event arrives "when
   * Conversation Disconnect is enabled") and the next message also starts a new conversation.
   */
  disconnect(conversation: Conversation): void {
    if (conversation.state === 'disconnected') return;
    conversation.state = 'disconnected';
    this.flowDisconnects.delete(conversation.id);
    const session = this.deps.sessions.get(conversation.sessionToken);
    if (!session || session.conversationId !== conversation.id) return;
    session.conversationId = undefined;
    const { disconnect } = this.deps.settings(session.deploymentId);
    if (!disconnect.enabled) return;
    session.readOnly = disconnect.type === 'ReadOnly';
    const frame = agentDisconnect(session.readOnly);
    for (const ws of session.sockets) send(ws, frame);
  }

  /**
   * Presence Clear: refused with Genesys' 403 (fixture clearConversationForbidden) where the
   * deployment does not allow it; otherwise the conversation ends, the session's state is dropped
   * and every socket of the session hears SessionClearedEvent (MT-uml, fixture sessionClearedEvent).
   * Allowed on a read-only session too (MT: clearConversation in Configured or ReadOnly).
   */
  clear(ws: WebSocket, session: GuestSession, tracingId?: string): boolean {
    if (!this.deps.settings(session.deploymentId).clearEnabled) {
      send(ws, clearForbidden(tracingId));
      return false;
    }
    const conversation = session.conversationId
      ? this.deps.store.get(session.conversationId)
      : undefined;
    if (conversation) conversation.state = 'disconnected';
    session.conversationId = undefined;
    session.readOnly = false;
    for (const socket of session.sockets)
      send(socket, { type: 'message', class: 'SessionClearedEvent', code: 200, body: {} });
    return true;
  }

  /**
   * A Typing event: where the deployment has `showUserTypingIndicator` off, Genesys answers 403
   * (fixture typingIndicatorForbidden). Where on, it is echoed and the agent sees the customer
   * typing for the event's 5 seconds (the fixture's `duration`).
   */
  typing(ws: WebSocket, session: GuestSession, tracingId?: string): void {
    if (!this.deps.settings(session.deploymentId).userTyping) {
      stringError(ws, 403, 'Turn on the Feature Toggle or fix the configuration.', tracingId);
      return;
    }
    const conversation = session.conversationId
      ? this.deps.store.get(session.conversationId)
      : undefined;
    if (conversation?.state === 'connected') conversation.customerTypingAt = Date.now();
    send(ws, typingEcho(tracingId));
  }
}
