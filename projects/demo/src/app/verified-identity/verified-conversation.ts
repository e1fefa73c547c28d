import { Injectable, inject } from '@angular/core';
import { EMULATOR_URL } from '../demo-settings';

/** What Genesys verified (the web-messaging JWT's subject and mapped CRM id) and what the browser claimed. */
export interface VerifiedView {
  readonly conversationId: string;
  readonly queueName: string | null;
  /** Null for an anonymous conversation. */
  readonly verified: {
    readonly subject: string;
    readonly externalId: string | null;
    readonly claimMismatch: boolean;
  } | null;
  readonly claimed: Readonly<Partial<Record<string, string>>>;
}

interface Participant {
  purpose: string;
  attributes?: Record<string, string>;
  queueName?: string;
  verifiedIdentity?: { subject: string; externalId: string | null; claimMismatch: boolean };
}

/**
 * Reads a conversation from the emulator's Conversations API stand-in, which shows the verified
 * identity beside the claimed attributes (`verifiedIdentity`, an emulator-only field: real Genesys
 * gives the flow `Message.IsAuthenticated` and `senderAddressInfo` instead; docs/genesys-api.md).
 * The demo OAuth client stands in for your server's credentials: in production this runs server-side.
 */
@Injectable({ providedIn: 'root' })
export class VerifiedConversation {
  private readonly base = inject(EMULATOR_URL);
  private token: Promise<string> | null = null;

  async ofMessage(messageId: string): Promise<VerifiedView> {
    const { conversationId } = await this.get<{ conversationId: string }>(
      `/api/v2/conversations/messages/${encodeURIComponent(messageId)}/details`,
    );
    const c = await this.get<{ id: string; participants: Participant[] }>(
      `/api/v2/conversations/${encodeURIComponent(conversationId)}`,
    );
    const customer = c.participants.find((p) => p.purpose === 'customer');
    const acd = c.participants.find((p) => p.purpose === 'acd');
    return {
      conversationId: c.id,
      queueName: acd?.queueName ?? null,
      verified: customer?.verifiedIdentity ?? null,
      claimed: customer?.attributes ?? {},
    };
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(this.base + path, {
      headers: { Authorization: `Bearer ${await this.accessToken()}` },
    });
    if (!response.ok)
      throw new Error(`${path.split('/').slice(0, 4).join('/')}… answered ${response.status}`);
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
