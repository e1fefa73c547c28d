/*
 * The bootstrap stand-in's conversation lifecycle across page loads: restore on load, clear
 * (`MessagingService.clearConversation`) and purge (`Identifiers.purgeAll`). The threat this
 * models is the shared computer: what the next visitor in the same browser can still see.
 *
 * - Restore (reference §4 "Restore"): with a stored token the stand-in reconnects with the same
 *   token and publishes `MessagingService.restored` with the latest 25 messages; again after a
 *   reconnect. The payload shape `{ messages }` is the emulator's choice (UNCONFIRMED, §2 says only
 *   "recent messages"); it mirrors `messagesReceived`.
 * - Clear (reference §4 "Clear", MT-uml): only when the deployment has
 *   `messenger.apps.conversations.conversationClear.enabled`; sends the presence `Clear` event,
 *   waits for `SessionClearedEvent`, then drops the token and the kept transcript, empties the
 *   panel and publishes `MessagingService.conversationCleared`.
 * - Purge (reference §2 `Identifiers.purgeAll`, GS): forgets the visitor (token, transcript) and
 *   closes the socket. The panel in memory is left alone: GS reloads the page right after.
 * - Disconnect (reference §4 "Disconnect / read-only", MT): an outbound presence `Disconnect`
 *   event ends the conversation; with `metadata.readOnly: "true"` (disconnect type ReadOnly) the
 *   conversation is read-only, as it is when a reconnect's SessionResponse says `readOnly: true`.
 *   The page events for both are secondary-only names, published by one function
 *   (`publishUnconfirmed`). The Disconnect event itself is not a message of the transcript.
 */
import { disconnectEvent, publishUnconfirmed } from './conversation-end';
import { uuid } from './database-helpers';
import type { Frame, SessionBody } from './guest-connection';
import type { MessengerUi } from './messenger-ui';
import { type MessageBody, RESTORE_LIMIT, type VisitorStore } from './visitor-store';

/** How long a clear waits for the server's SessionClearedEvent. */
const CLEAR_TIMEOUT_MS = 10_000;

/** For tests: whether the load's restore is still under way, found a session, or had none. */
export type RestoreState = 'pending' | 'restored' | 'none' | 'failed';

export interface LifecycleDeps {
  visitor: VisitorStore;
  connect(): Promise<SessionBody>;
  disconnect(): void;
  sendFrame(message: Record<string, unknown>, tracingId: string): void;
  publish(event: string, data?: unknown): void;
  ui(): MessengerUi | null;
  /** Whether a conversation is under way (startConversation refuses a second one). */
  setActive(active: boolean): void;
  /** Test hook: where the restore state is shown (window.genesysEmulator). */
  report(state: RestoreState): void;
}

interface Clearing {
  tracingId: string;
  resolve(): void;
  reject(reason: unknown): void;
}

export function createLifecycle(deps: LifecycleDeps) {
  const { visitor, publish } = deps;
  let clearEnabled = false;
  let clearing: Clearing | null = null;
  /** The conversation can no longer be written to (until it is cleared or the visitor purged). */
  let readOnly = false;

  function show(messages: MessageBody[]): void {
    for (const m of messages)
      if (m['type'] === 'Text' && typeof m['text'] === 'string')
        deps.ui()?.add(m['direction'] === 'Outbound' ? 'Outbound' : 'Inbound', m['text']);
  }

  /** The deployment's conversation clear setting (reference §4, MT; TF `conversation_clear_enabled`). */
  function configure(deployment: unknown): void {
    const apps = (deployment as { messenger?: { apps?: { conversations?: unknown } } }).messenger
      ?.apps?.conversations as { conversationClear?: { enabled?: unknown } } | undefined;
    clearEnabled = apps?.conversationClear?.enabled === true;
  }

  /** On load: reconnect with the stored token and restore the kept transcript. */
  async function restore(): Promise<void> {
    if (!visitor.token()) return deps.report('none');
    deps.report('pending');
    let body: SessionBody;
    try {
      body = await deps.connect();
    } catch {
      return deps.report('failed');
    }
    if (body.newSession) {
      // The server no longer knows this token: whatever was kept belongs to an ended session.
      visitor.forgetTranscript();
      return deps.report('none');
    }
    const messages = visitor.recent().slice(-RESTORE_LIMIT);
    readOnly = body.readOnly === true;
    deps.setActive(messages.length > 0 && !readOnly);
    deps.ui()?.clear();
    show(messages);
    publish('MessagingService.restored', { messages });
    // A session whose conversation was disconnected with type ReadOnly stays so (fixture
    // configureSuccess(readOnly = true)).
    if (readOnly) publishUnconfirmed(publish, 'readOnly', undefined, true);
    deps.report('restored');
  }

  /** After a WebSocket reconnect Genesys publishes `restored` again (reference §4; UKHO de-duplicates). */
  function restoredAgain(): void {
    publish('MessagingService.restored', { messages: visitor.recent().slice(-RESTORE_LIMIT) });
  }

  function forgetAll(): void {
    readOnly = false;
    visitor.forget();
    deps.disconnect();
    deps.setActive(false);
  }

  function cleared(): void {
    forgetAll();
    deps.ui()?.clear();
    publish('MessagingService.conversationCleared');
  }

  async function clearConversation(): Promise<void> {
    if (!clearEnabled)
      throw 'Conversation clear is not enabled for this deployment (messenger.apps.conversations.conversationClear.enabled)';
    if (clearing) throw 'A conversation clear is already in progress';
    if (visitor.token()) {
      await deps.connect();
      const tracingId = uuid();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          clearing = null;
          reject('No SessionClearedEvent from the server');
        }, CLEAR_TIMEOUT_MS);
        const done = (fn: () => void) => () => {
          clearTimeout(timer);
          clearing = null;
          fn();
        };
        clearing = {
          tracingId,
          resolve: done(resolve),
          reject: (reason) => done(() => reject(reason))(),
        };
        try {
          deps.sendFrame(
            { type: 'Event', events: [{ eventType: 'Presence', presence: { type: 'Clear' } }] },
            tracingId,
          );
        } catch (error) {
          clearing.reject(error);
        }
      });
    }
    // No stored token: nothing on the server to end; the local state is wiped all the same.
    cleared();
  }

  function purgeAll(): void {
    forgetAll();
  }

  /**
   * `MessagingService.resetConversation` (UNCONFIRMED command name, reference §4 "Disconnect /
   * read-only", S): a new conversation after a read-only one, refused otherwise (as MT's
   * `startNewChat`: "MessagingClient is not in ReadOnly state."). The stand-in starts the new chat
   * under a new guest token; MT instead sends closeSession and configureSession with `startNew`
   * on the same token (the emulator's server answers both; contract.spec.ts). Then
   * `MessagingService.conversationReset` (confirmed name, UKHO; payload `{}` is ours).
   */
  async function resetConversation(): Promise<void> {
    if (!readOnly) throw 'The conversation is not read-only: nothing to reset';
    forgetAll();
    deps.ui()?.clear();
    await deps.connect();
    publish('MessagingService.conversationReset', {});
  }

  /** The agent or a flow ended the conversation: no longer active; read-only if the event says so. */
  function disconnected(event: MessageBody): void {
    const isReadOnly =
      (event['metadata'] as { readOnly?: unknown } | undefined)?.readOnly === 'true';
    readOnly = isReadOnly;
    deps.setActive(false);
    deps
      .ui()
      ?.note(
        isReadOnly ? 'The conversation has ended (read-only).' : 'The conversation has ended.',
      );
    publishUnconfirmed(publish, 'disconnected', event, isReadOnly);
  }

  /**
   * Keeps the transcript, answers the clear and handles a Disconnect; returns true when the frame
   * was consumed here (a clear's, or the Disconnect event, which is no message of the transcript).
   */
  function onFrame(frame: Frame): boolean {
    const ended = disconnectEvent(frame);
    if (ended) {
      disconnected(ended);
      return true;
    }
    if (frame.class === 'StructuredMessage' && frame.type === 'message') {
      visitor.append(frame.body as MessageBody);
      return false;
    }
    if (frame.class === 'SessionClearedEvent') {
      // Answers our Clear, or another tab of the same visitor cleared: either way it is over.
      if (clearing) clearing.resolve();
      else cleared();
      return true;
    }
    if (clearing && frame.tracingId === clearing.tracingId && frame.code >= 400) {
      clearing.reject({ code: frame.code, body: frame.body });
      return true;
    }
    return false;
  }

  return {
    configure,
    restore,
    restoredAgain,
    clearConversation,
    purgeAll,
    resetConversation,
    onFrame,
    /** Whether the conversation is read-only (for a send to refuse early). */
    readOnly: () => readOnly,
  };
}
