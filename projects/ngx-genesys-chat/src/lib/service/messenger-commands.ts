import type { CustomAttributes } from '../attributes/build-attributes';
import type { GenesysChatMode } from '../config/genesys-chat-config';
import type { GenesysChatError } from '../errors/genesys-chat-error';

/** Runs one Genesys command (reference §2) and resolves with its answer. */
export type CommandRunner = (name: string, payload: object) => Promise<unknown>;

const CUSTOM_ATTRIBUTES = 'messaging.customAttributes';

/**
 * Messenger's custom attributes become exactly `to`. `Database.set` shallow-merges (reference §3),
 * so when what Messenger holds is unknown, or keys must go (another customer, a logout, keys left
 * by other code on the page), the map is removed first. When Messenger is known to hold `from`
 * and `to` only adds or changes keys, one `Database.set` of the change is enough.
 */
export async function messengerWrite(
  command: CommandRunner,
  from: CustomAttributes | null,
  to: CustomAttributes,
): Promise<void> {
  let change: Record<string, string> = { ...to };
  if (from === null) {
    await command('Database.remove', { name: CUSTOM_ATTRIBUTES });
  } else {
    change = {};
    for (const [key, value] of Object.entries(to)) {
      if (!Object.prototype.hasOwnProperty.call(from, key) || from[key] !== value)
        change[key] = value;
    }
  }
  if (Object.keys(change).length > 0) {
    await command('Database.set', { messaging: { customAttributes: change } });
  }
}

/** Opens the chat: `Messenger.open`, or headless `MessagingService.startConversation`; then the first message. */
export async function openMessenger(
  command: CommandRunner,
  mode: GenesysChatMode,
  message: string | undefined,
): Promise<void> {
  if (mode === 'messenger') await command('Messenger.open', {});
  else await startHeadlessConversation(command);
  if (message !== undefined) await command('MessagingService.sendMessage', { message });
}

/**
 * UNCONFIRMED (reference §4, source S only): `startConversation` rejects with "There is already an
 * active conversation" when one is running. That case is a started chat, not a failure; the
 * reason text is matched here and nowhere else.
 */
async function startHeadlessConversation(command: CommandRunner): Promise<void> {
  try {
    await command('MessagingService.startConversation', {});
  } catch (error) {
    const reason = (error as GenesysChatError).reason;
    const text =
      typeof reason === 'string'
        ? reason
        : String((reason as { message?: unknown })?.message ?? '');
    if (!/already an active conversation/i.test(text)) throw error;
  }
}
