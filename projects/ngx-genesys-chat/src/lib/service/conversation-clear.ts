import type { GenesysEventEnvelope } from '../messenger/genesys-global';
import type { CommandRunner } from './messenger-commands';
import type { GenesysChatEvent, GenesysConversationEnd } from './genesys-chat-types';

/** What ending the conversation needs from the engine. */
export interface ConversationClearHost {
  readonly command: CommandRunner;
  listen(name: string, listener: (envelope: GenesysEventEnvelope) => void): () => void;
  /** The whole step, configuration read included, ends within this (commandTimeoutMs). */
  readonly timeoutMs: number;
  /** Aborted when the app is destroyed: the step then never settles and leaves no timer. */
  readonly signal: AbortSignal;
}

/**
 * Whether the deployment allows `MessagingService.clearConversation`: true, false, or null when
 * the page cannot tell.
 *
 * `GenesysJS.configuration` is confirmed (reference §2: IBM, DC-hl) and resolves with the
 * "trimmed" deployment config. The field `messenger.apps.conversations.conversationClear.enabled`
 * is the config.json shape (MT `DeploymentConfig.kt`, DC-hl). UNCONFIRMED (reference §1/§2): that
 * the trimmed config keeps this field, and whether it comes bare or as `{deploymentConfig}` (the
 * shape of `GenesysJS.configurationReceived`, BP-okta); both are read here and nowhere else.
 */
export async function conversationClearAllowed(command: CommandRunner): Promise<boolean | null> {
  let value: unknown;
  try {
    value = await command('GenesysJS.configuration', {});
  } catch {
    return null;
  }
  const root = value as { deploymentConfig?: unknown } | null | undefined;
  const config = (root?.deploymentConfig ?? root) as
    | { messenger?: { apps?: { conversations?: { conversationClear?: { enabled?: unknown } } } } }
    | null
    | undefined;
  const enabled = config?.messenger?.apps?.conversations?.conversationClear?.enabled;
  return typeof enabled === 'boolean' ? enabled : null;
}

/**
 * Ends the conversation on the Genesys side while the socket is still up (reference §4 "Clear",
 * "Logout on a shared computer"): `MessagingService.clearConversation`, then waits for
 * `MessagingService.conversationCleared` (both confirmed: UKHO; wire side MT-uml). Only where the
 * deployment allows it; when the page cannot tell it tries, because a deployment that does not
 * allow clear answers with an error (MT-uml) and a shared computer is better served by trying.
 * Never rejects: a logout must go on, so the outcome is a value.
 */
export function clearConversation(host: ConversationClearHost): Promise<GenesysConversationEnd> {
  return new Promise<GenesysConversationEnd>((resolve) => {
    let done = false;
    let read = false;
    let off: (() => void) | null = null;
    // The configuration read gets a quarter of the time: a Messenger that does not answer it
    // through the page's Genesys() must not cost the clear itself.
    let timer = setTimeout(() => allowedIs(null), Math.max(1, Math.floor(host.timeoutMs / 4)));
    const stop = () => {
      done = true;
      clearTimeout(timer);
      off?.();
      host.signal.removeEventListener('abort', stop);
    };
    const finish = (outcome: GenesysConversationEnd) => {
      if (done) return;
      stop();
      resolve(outcome);
    };
    const allowedIs = (allowed: boolean | null) => {
      if (done || read) return;
      read = true;
      clearTimeout(timer);
      if (allowed === false) return finish('notAllowed');
      // The wait for the confirmation is bounded by commandTimeoutMs from the command.
      timer = setTimeout(() => finish('timedOut'), host.timeoutMs);
      host.command('MessagingService.clearConversation', {}).then(
        () => undefined, // the outcome is the event (or the deadline)
        () => finish('failed'),
      );
    };
    if (host.signal.aborted) return stop();
    // Subscribed before the command, so an event published during its answer is not missed.
    off = host.listen('MessagingService.conversationCleared', () => finish('cleared'));
    host.signal.addEventListener('abort', stop, { once: true });
    void conversationClearAllowed(host.command).then(allowedIs);
  });
}

/** What `forgetBrowserState` removed (key names only, never values). */
export interface ForgottenBrowserState {
  readonly identifiersPurged: boolean;
  readonly removedKeys: readonly string[];
}

/**
 * Removes what the page can of Messenger's browser state, as Genesys' sample resets a visitor
 * (reference §4 "No destroy", GS): `Identifiers.purgeAll` (confirmed, GS) when Messenger is loaded,
 * then the host page's two keys (see `removeMessengerHostKeys`, whose location is UNCONFIRMED).
 * What lives under Genesys' own origin, and Messenger's in-memory state until the next page load,
 * stay: the README says to reload after logout, as the sample does.
 */
export async function forgetBrowserState(
  command: CommandRunner | null,
  removeKeys: () => string[],
): Promise<ForgottenBrowserState> {
  let identifiersPurged = false;
  if (command) {
    identifiersPurged = await command('Identifiers.purgeAll', {}).then(
      () => true,
      () => false,
    );
  }
  return { identifiersPurged, removedKeys: removeKeys() };
}

/** The development-mode warning for a conversation that may outlive the logout, or null. */
export function conversationKeptWarning(conversation: GenesysConversationEnd): string | null {
  if (conversation === 'cleared' || conversation === 'notLoaded') return null;
  const why =
    conversation === 'notAllowed'
      ? 'the deployment does not allow conversation clear'
      : conversation === 'failed'
        ? 'Genesys refused MessagingService.clearConversation'
        : 'Genesys did not confirm MessagingService.clearConversation in time';
  return (
    `[ngx-genesys-chat] clearIdentity({ endConversation: true }): ${why}, so the conversation may ` +
    'stay on the server and be restored in this browser. Fix: turn on conversation clear in the ' +
    'Messenger configuration (deployment config messenger.apps.conversations.conversationClear.' +
    'enabled; Terraform conversation_clear_enabled).'
  );
}

/** What `endSession` needs: the clear's host, whether Messenger is loaded, and the key removal. */
export interface EndSessionHost extends ConversationClearHost {
  readonly loaded: boolean;
  removeKeys(): string[];
}

/**
 * The shared-computer sequence after D = {} was set (`cleared` is that write): the conversation
 * is ended first, while the socket is up; then the write settles; then the browser state goes.
 * Resolves with the `identityCleared` event and the write's failure (null if none), never rejects.
 */
export async function endSession(
  host: EndSessionHost,
  cleared: Promise<void>,
): Promise<{
  event: Extract<GenesysChatEvent, { type: 'identityCleared' }>;
  failure: unknown;
}> {
  // Observed now, so a SUPERSEDED or failed write is never an unhandled rejection meanwhile.
  const synced = cleared.then(
    () => null,
    (error: unknown) => error,
  );
  const conversation: GenesysConversationEnd = host.loaded
    ? await clearConversation(host)
    : 'notLoaded';
  const failure = await synced;
  const wiped = await forgetBrowserState(host.loaded ? host.command : null, () =>
    host.removeKeys(),
  );
  return { event: { type: 'identityCleared', conversation, ...wiped }, failure };
}
