import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { GenesysChatService } from 'ngx-genesys-chat';
import { CustomerTable } from './customers/customer-table';
import { EventLog } from './event-log/event-log';
import { ReceivedPanel } from './received/received-panel';
import { DiagnosePanel } from './diagnose/diagnose-panel';
import { SessionBar } from './session/session-bar';
import { HelpControls } from './help/help-controls';
import { DEMO_SIGN_IN } from './auth/demo-auth';
import { SignInPanel } from './auth/sign-in-panel';
import { VerifiedIdentityPanel } from './verified-identity/verified-identity-panel';

@Component({
  selector: 'app-root',
  imports: [
    CustomerTable,
    EventLog,
    ReceivedPanel,
    DiagnosePanel,
    SessionBar,
    HelpControls,
    SignInPanel,
    VerifiedIdentityPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header>
      <h1>Acme CRM <small>customers</small></h1>
      <span class="badge" [attr.data-status]="chat.status()" data-testid="status"
        >Messenger: {{ chat.status() }}</span
      >
      @if (chat.unreadCount() > 0) {
        <!-- The library counts agent messages that arrived while the panel was closed. -->
        <span class="badge unread" data-testid="unread" role="status"
          >{{ chat.unreadCount() }} unread</span
        >
      }
    </header>
    <main>
      <section class="customers">
        <demo-session-bar />
        <demo-customer-table />
      </section>
      <aside>
        @if (signIn) {
          <!-- ?auth=oidc|oauth2-oidc: verified identity (auth/demo-auth.ts) -->
          <section class="card"><demo-sign-in-panel /></section>
          <section class="card"><demo-verified-identity-panel /></section>
        }
        <!-- First in the column, so Messenger's panel (bottom right) never covers it. -->
        <section class="card"><demo-help-controls /></section>
        <section class="card"><demo-received-panel /></section>
        <section class="card"><demo-event-log /></section>
        <section class="card"><demo-diagnose-panel /></section>
      </aside>
    </main>
  `,
})
export class App {
  protected readonly chat = inject(GenesysChatService);
  protected readonly signIn = inject(DEMO_SIGN_IN, { optional: true });
}
