import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { GenesysChatService } from 'ngx-genesys-chat';
import { filter, map } from 'rxjs';
import { DEMO_SIGN_IN } from '../auth/demo-auth';
import { ForgeButton } from './forge-button';
import { type ConversationView, ConversationsApi } from '../received/conversations-api';

interface InboundMessage {
  id?: string;
  direction?: string;
}

/**
 * The verified identity next to the claimed attributes, for the latest conversation (shown with
 * `?auth=`): what Genesys verified from the sign-in cannot be forged from the browser; the claimed
 * `crmCustomerId` and `customerTier` can, and the forge button shows what routing does with that.
 */
@Component({
  selector: 'demo-verified-identity-panel',
  imports: [ForgeButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (enabled) {
      <h2>Verified identity</h2>
      @if (view(); as v) {
        <table data-testid="verified-identity">
          <tbody>
            <tr>
              <th>Verified (from the sign-in)</th>
              <td data-testid="verified-subject">
                {{ v.verified?.subject ?? 'Not authenticated' }}
              </td>
            </tr>
            <tr>
              <th>Verified CRM id</th>
              <td data-testid="verified-crm-id">{{ v.verified?.externalId ?? '(none)' }}</td>
            </tr>
            <tr>
              <th>Claimed <code>crmCustomerId</code></th>
              <td data-testid="claimed-crm-id">{{ v.attributes['crmCustomerId'] || '(none)' }}</td>
            </tr>
            <tr>
              <th>Claimed <code>customerTier</code></th>
              <td data-testid="claimed-tier">{{ v.attributes['customerTier'] || '(none)' }}</td>
            </tr>
            <tr>
              <th>Routed to</th>
              <td>
                <strong data-testid="verified-queue">{{ v.queueName ?? '(no queue)' }}</strong>
                @if (v.verified?.claimMismatch) {
                  <span class="badge error" data-testid="claim-mismatch"
                    >flagged: the claim disagrees with the verified identity</span
                  >
                }
              </td>
            </tr>
          </tbody>
        </table>
      } @else {
        <p class="hint">Sign in, start a chat and send a message.</p>
      }
      @if (error()) {
        <p class="error">{{ error() }}</p>
      }
      <demo-forge-button />
    }
  `,
})
export class VerifiedIdentityPanel {
  protected readonly enabled = inject(DEMO_SIGN_IN, { optional: true }) !== null;
  private readonly api = inject(ConversationsApi);
  protected readonly view = signal<ConversationView | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    if (!this.enabled) return;
    const chat = inject(GenesysChatService);
    const subscription = chat.events$
      .pipe(
        filter((e) => e.type === 'messagesReceived'),
        map((e) => (e.messages as InboundMessage[]).find((m) => m.direction === 'Inbound' && m.id)),
        filter((m): m is InboundMessage & { id: string } => !!m),
      )
      .subscribe((message) => void this.load(message.id));
    const cleared = chat.events$
      .pipe(filter((e) => e.type === 'identityCleared'))
      .subscribe(() => this.view.set(null));
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      cleared.unsubscribe();
    });
  }

  private async load(messageId: string): Promise<void> {
    try {
      this.view.set(await this.api.conversationOfMessage(messageId));
      this.error.set(null);
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : String(e));
    }
  }
}
