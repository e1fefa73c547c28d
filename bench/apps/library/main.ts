// (b) This library: the provider, one [genesysStartChat] button and the status signal.
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { GenesysChatService, GenesysStartChatDirective, provideGenesysChat } from 'ngx-genesys-chat';

@Component({
  selector: 'app-root',
  imports: [GenesysStartChatDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Checkout</h1>
    <p>Chat: {{ chat.status() }}</p>
    <button type="button" [genesysStartChat]="customer" [genesysChatAttributes]="{ source: 'web-portal' }">Chat with us</button>`,
})
class App {
  protected readonly chat = inject(GenesysChatService);
  protected readonly customer = { id: 'CRM-12345-XYZ', tier: 'premium' };
}

const emulator = new URLSearchParams(location.search).get('emulator') ?? 'http://127.0.0.1:8787';
performance.mark('bootstrap-start');
bootstrapApplication(App, {
  providers: [
    provideGenesysChat({
      deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
      region: 'eu-west-1',
      scriptUrl: `${emulator}/genesys-bootstrap/genesys.min.js`,
    }),
  ],
}).then(() => performance.measure('bootstrap', 'bootstrap-start'));
