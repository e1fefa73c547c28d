import type { NgZone } from '@angular/core';
import { removeMessengerHostKeys } from '../messenger/messenger-browser-state';
import { conversationKeptWarning, endSession, type EndSessionHost } from './conversation-clear';
import { isDevBuild } from './engine-dev-log';
import type { GenesysChatEvent } from './genesys-chat-types';

/** What the logout glue needs from the engine. */
export interface LogoutHost extends Omit<EndSessionHost, 'removeKeys'> {
  readonly zone: NgZone;
  readonly window: Window | null;
  readonly deploymentId: string;
  /** The next customer inherits no unread badge. */
  resetPanel(): void;
  debugLog(text: string): void;
  /** Publishes the library's own event on `events$`. */
  emit(event: GenesysChatEvent): void;
}

/**
 * `clearIdentity({ endConversation: true })` after D = {} was written (`cleared`): ends the
 * session outside the zone, then reports it. A conversation that could not be ended is a visible
 * fact (event, dev warning), never a rejection that blocks logout; only the write's own failure
 * rejects.
 */
export async function logOut(host: LogoutHost, cleared: Promise<void>): Promise<void> {
  const { event, failure } = await host.zone.runOutsideAngular(() =>
    endSession(
      {
        command: host.command,
        listen: (name, listener) => host.listen(name, listener),
        timeoutMs: host.timeoutMs,
        signal: host.signal,
        loaded: host.loaded,
        removeKeys: () => removeMessengerHostKeys(host.window, host.deploymentId),
      },
      cleared,
    ),
  );
  const conversation = event.conversation;
  host.resetPanel();
  host.debugLog(`clearIdentity({ endConversation: true }): conversation ${conversation}`);
  const warning = conversationKeptWarning(conversation);
  if (warning && isDevBuild()) console.warn(warning);
  host.emit(event);
  if (failure !== null) throw failure;
}

/** `LogoutHost`, with Messenger's load state read after the load that logout may need. */
export interface ClearAtLogoutHost extends Omit<LogoutHost, 'loaded'> {
  loaded(): boolean;
  load(): Promise<void>;
}

/**
 * After D = {} was written: a conversation restored from an earlier page load can only be ended
 * by a loaded Messenger (its token may live under Genesys' own origin, out of the page's reach),
 * so this loads it first. A load that fails (blocked, timed out) still leaves the page's own part
 * of the reset to do.
 */
export async function endConversationAtLogout(
  host: ClearAtLogoutHost,
  cleared: Promise<void>,
): Promise<void> {
  // Observed at once: a clear superseded or failed during that load must not go unhandled;
  // logOut still hands its outcome to the caller.
  cleared.catch(() => undefined);
  if (!host.loaded()) await host.load().catch(() => undefined);
  return logOut({ ...host, loaded: host.loaded() }, cleared);
}
