import { randomUUID } from 'node:crypto';

export interface StoredMessage {
  readonly id: string;
  readonly direction: 'Inbound' | 'Outbound';
  readonly text: string;
  readonly time: string;
}

/** Who the web-messaging JWT says the customer is: checked by the emulator, not claimed by the page. */
export interface VerifiedIdentity {
  /** The IdP's `sub`. */
  readonly sub: string;
  /** The external id identity resolution keys on (the IdP's `crm_customer_id` claim), if any. */
  readonly externalId: string | undefined;
}

export interface Conversation {
  readonly id: string;
  readonly deploymentId: string;
  readonly startTime: string;
  state: 'connected' | 'disconnected';
  readonly customerParticipantId: string;
  /** The customer participant's attributes, as the Conversations API reports them. */
  readonly attributes: Record<string, string>;
  /** The verified identity, beside the claimed attributes; undefined for an anonymous session. */
  verified: VerifiedIdentity | undefined;
  /** A claimed id attribute disagreed with the verified external id (routing's mismatch check). */
  verificationMismatch: boolean;
  readonly queueName: string;
  readonly queueId: string;
  readonly messages: StoredMessage[];
  readonly sessionToken: string;
  /** When (ms since epoch) the customer last sent an accepted Typing event; cleared by their next message. */
  customerTypingAt?: number;
}

/** What the emulator remembers: conversations, and which guest session owns which. */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly messageToConversation = new Map<string, string>();

  create(
    deploymentId: string,
    sessionToken: string,
    queueName: string,
    attributes: Record<string, string>,
    verified?: VerifiedIdentity,
    verificationMismatch = false,
  ): Conversation {
    const conversation: Conversation = {
      id: randomUUID(),
      deploymentId,
      startTime: new Date().toISOString(),
      state: 'connected',
      customerParticipantId: randomUUID(),
      attributes: { ...attributes },
      verified: verified && { sub: verified.sub, externalId: verified.externalId },
      verificationMismatch,
      queueName,
      queueId: queueIdFor(queueName),
      messages: [],
      sessionToken,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  get(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  byMessageId(messageId: string): Conversation | undefined {
    const id = this.messageToConversation.get(messageId);
    return id ? this.conversations.get(id) : undefined;
  }

  addMessage(conversation: Conversation, message: StoredMessage): void {
    conversation.messages.push(message);
    this.messageToConversation.set(message.id, conversation.id);
  }

  all(): Conversation[] {
    return [...this.conversations.values()];
  }

  clear(): void {
    this.conversations.clear();
    this.messageToConversation.clear();
  }
}

/** A stable id per queue name, shaped like a Genesys queue id. */
export function queueIdFor(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}
