import { Component, inject, signal } from '@angular/core';
import {
  type GenesysChatError,
  GenesysChatService,
  GenesysStartChatDirective,
} from 'ngx-genesys-chat';

@Component({
  selector: 'app-root',
  imports: [GenesysStartChatDirective],
  template: `
    <h1>ngx-genesys-chat</h1>
    <p>
      Messenger: <strong>{{ chat.status() }}</strong>
    </p>
    <button
      [genesysStartChat]="customer"
      [genesysChatAttributes]="{ source: 'web-portal' }"
      (chatError)="error.set($event.code)"
    >
      Chat with us
    </button>
    @if (error()) {
      <p role="alert">{{ error() }}</p>
    }
  `,
})
export class App {
  protected readonly chat = inject(GenesysChatService);
  protected readonly customer = { id: 'CRM-12345-XYZ', tier: 'premium' };
  protected readonly error = signal<GenesysChatError['code'] | null>(null);
}
