import type { GenesysEventEnvelope } from '../messenger/genesys-global';
import type { CommandRunner } from './messenger-commands';

/**
 * UNCONFIRMED (reference §2 and §4 "Launcher control", sources T/S): `Launcher.show` /
 * `Launcher.hide`. What is confirmed is the setting they depend on (TF, HELP-cfg): the
 * deployment's launcher visibility `OnDemand` ("Hide until triggered by business logic"); a
 * launcher shown that way then stays visible while a conversation is active.
 */
export function setLauncherVisible(command: CommandRunner, visible: boolean): Promise<unknown> {
  return command(visible ? 'Launcher.show' : 'Launcher.hide', {});
}

/**
 * UNCONFIRMED (reference §4 "Open state", sources T/S): `Messenger.opened` / `Messenger.closed`.
 * A fallback only: the open state follows `Conversations.opened` / `.closed` (confirmed, DC-conv);
 * these drive the same idempotent state, for a Messenger that publishes only them.
 */
export function listenMessengerOpenFallback(
  listen: (name: string, listener: (envelope: GenesysEventEnvelope) => void) => () => void,
  changed: (open: boolean) => void,
): () => void {
  const offs = [
    listen('Messenger.opened', () => changed(true)),
    listen('Messenger.closed', () => changed(false)),
  ];
  return () => offs.forEach((off) => off());
}
