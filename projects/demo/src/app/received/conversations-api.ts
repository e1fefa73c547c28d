import { Injectable, inject } from '@angular/core';
import { EMULATOR_URL } from '../demo-settings';

/** What the emulator verified from the sign-in (emulator-only `verifiedIdentity`; docs/genesys-api.md). */
export interface VerifiedIdentity {
  readonly subject: string;
  readonly externalId: string | null;
  readonly claimMismatch: boolean;
}

export interface ConversationView {
  readonly id: string;
  /** What the browser claimed. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly queueName: string | null;
  /**
   * Null for an anonymous conversation. Real Genesys gives the flow `Message.IsAuthenticated` and
   * `senderAddressInfo` instead of this field.
   */
  readonly verified: VerifiedIdentity | null;
}

interface Participant {
  purpose: string;
  attributes?: Record<string, string>;
  queueName?: string;
  verifiedIdentity?: VerifiedIdentity;
}

/**
 * The seed tutorial's Step 3, done against the real endpoints: find the conversation of a message
 * (`GET /api/v2/conversations/messages/{messageId}/details`), then read it
 * (`GET /api/v2/conversations/{id}`) and take the customer participant's attributes and the ACD
 * participant's queue. The emulator's demo OAuth client stands in for your server's credentials:
 * in production this runs server-side, never in the browser.
 */
@Injectable({ providedIn: 'root' })
export class ConversationsApi {
  private readonly base = inject(EMULATOR_URL);
  private token: Promise<string> | null = null;

  async conversationOfMessage(messageId: string): Promise<ConversationView> {
    const details = await this.get<{ conversationId: string }>(
      `/api/v2/conversations/messages/${encodeURIComponent(messageId)}/details`,
    );
    const conversation = await this.get<{ id: string; participants: Participant[] }>(
      `/api/v2/conversations/${encodeURIComponent(details.conversationId)}`,
    );
    const customer = conversation.participants.find((p) => p.purpose === 'customer');
    const acd = conversation.participants.find((p) => p.purpose === 'acd');
    return {
      id: conversation.id,
      attributes: customer?.attributes ?? {},
      queueName: acd?.queueName ?? null,
      verified: customer?.verifiedIdentity ?? null,
    };
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(this.base + path, {
      headers: { Authorization: `Bearer ${await this.accessToken()}` },
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  private accessToken(): Promise<string> {
    this.token ??= fetch(`${this.base}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secret',
    })
      .then((r) => r.json() as Promise<{ access_token: string }>)
      .then((body) => body.access_token);
    return this.token;
  }
}
