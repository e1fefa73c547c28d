import type { GenesysEventEnvelope } from '../messenger/genesys-global';

/** What the panel state needs from the engine. */
export interface PanelStateHost {
  listen(name: string, listener: (envelope: GenesysEventEnvelope) => void): () => void;
  /** The page's document, for `visibilityState`; null on the server. */
  readonly document: Document | null;
  /** Registers a teardown run when the app is destroyed. */
  onDestroy(teardown: () => void): void;
  openChanged(open: boolean): void;
  unreadChanged(count: number): void;
}

/**
 * Whether Messenger's panel is open, and how many agent messages the customer has not seen.
 *
 * Open state: `Conversations.opened` / `Conversations.closed` (confirmed, reference §4 "Open
 * state", DC-conv). Unread (reference §4 "Unread count"; no Genesys event gives a count): an
 * outbound message of `MessagingService.messagesReceived` (`direction: "Outbound"`; IBM, UKHO, MT)
 * counts when it arrives while the panel is closed or the tab is hidden; history
 * (`MessagingService.restored`, `.oldMessages`; IBM, UKHO) never counts, and each message id counts
 * once, because `restored` fires again after a reconnect. Opening the panel, or the tab becoming
 * visible with the panel open, resets the count; so does a cleared conversation.
 */
export class PanelState {
  private open = false;
  private unread = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly host: PanelStateHost) {
    const offs = [
      host.listen('Conversations.opened', () => this.setOpen(true)),
      host.listen('Conversations.closed', () => this.setOpen(false)),
      host.listen('MessagingService.messagesReceived', (e) => this.received(e.data)),
      host.listen('MessagingService.restored', (e) => this.history(e.data)),
      host.listen('MessagingService.oldMessages', (e) => this.history(e.data)),
      host.listen('MessagingService.conversationCleared', () => this.reset()),
    ];
    const onVisibility = () => {
      if (this.open && this.visible()) this.reset();
    };
    host.document?.addEventListener('visibilitychange', onVisibility);
    host.onDestroy(() => {
      offs.forEach((off) => off());
      host.document?.removeEventListener('visibilitychange', onVisibility);
    });
  }

  get isOpen(): boolean {
    return this.open;
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    this.host.openChanged(open);
    if (open) this.reset();
  }

  /** Forgets the count (a logout: the next customer inherits no badge). */
  reset(): void {
    if (this.unread === 0) return;
    this.unread = 0;
    this.host.unreadChanged(0);
  }

  private received(data: unknown): void {
    const seenNow = this.open && this.visible();
    let added = 0;
    for (const message of messagesOf(data)) {
      if (!this.firstTime(message)) continue;
      if (!seenNow && message.direction === 'Outbound') added++;
    }
    if (added === 0) return;
    this.unread += added;
    this.host.unreadChanged(this.unread);
  }

  private history(data: unknown): void {
    for (const message of messagesOf(data)) this.firstTime(message);
  }

  /** True the first time a message id is met; a message without an id is always new. */
  private firstTime(message: { id?: unknown }): boolean {
    if (typeof message.id !== 'string') return true;
    if (this.seen.has(message.id)) return false;
    this.seen.add(message.id);
    return true;
  }

  private visible(): boolean {
    return this.host.document?.visibilityState !== 'hidden';
  }
}

/** `{messages: [...]}` (IBM, UKHO read `data.messages`); the `restored` payload may be the bare list. */
function messagesOf(data: unknown): { id?: unknown; direction?: unknown }[] {
  const messages = Array.isArray(data)
    ? data
    : (data as { messages?: unknown } | undefined)?.messages;
  return Array.isArray(messages)
    ? messages.filter((m): m is { id?: unknown } => typeof m === 'object' && m !== null)
    : [];
}
