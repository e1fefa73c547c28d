import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { GenesysChatService } from 'ngx-genesys-chat';
import { filter, map } from 'rxjs';
import { type ConversationView, ConversationsApi } from './conversations-api';

interface InboundMessage {
  id?: string;
  direction?: string;
}

/** Shows what reached Genesys: the customer participant's attributes and the queue routing picked. */
@Component({
  selector: 'demo-received-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>What Genesys received</h2>
    @if (conversation(); as c) {
      <p>
        Conversation <code>{{ c.id.slice(0, 8) }}</code> routed to
        <strong class="queue" data-testid="queue">{{ c.queueName ?? '(no queue)' }}</strong>
      </p>
      <table data-testid="received-attributes">
        <thead>
          <tr>
            <th>Customer attribute</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of entries(c); track entry[0]) {
            <tr>
              <td>
                <code>{{ entry[0] }}</code>
              </td>
              <td>{{ entry[1] }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p class="hint">
        Nothing yet. Start a chat and send a message: custom attributes reach Genesys with the
        customer's first message.
      </p>
    }
    @if (error()) {
      <p class="error">{{ error() }}</p>
    }
    <p class="hint">
      Read with <code>GET /api/v2/conversations/&#123;id&#125;</code> from the emulator. In
      production this call runs on your server.
    </p>
  `,
})
export class ReceivedPanel {
  private readonly api = inject(ConversationsApi);
  protected readonly conversation = signal<ConversationView | null>(null);
  protected readonly error = signal<string | null>(null);

  constructor() {
    const subscription = inject(GenesysChatService)
      .events$.pipe(
        filter((e) => e.type === 'messagesReceived'),
        map((e) => (e.messages as InboundMessage[]).find((m) => m.direction === 'Inbound' && m.id)),
        filter((m): m is InboundMessage & { id: string } => !!m),
      )
      .subscribe((message) => void this.load(message.id));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected entries(c: ConversationView): [string, string][] {
    return Object.entries(c.attributes);
  }

  private async load(messageId: string): Promise<void> {
    try {
      this.conversation.set(await this.api.conversationOfMessage(messageId));
      this.error.set(null);
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : String(e));
    }
  }
}
