import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  DOCUMENT,
  computed,
  inject,
  signal,
} from '@angular/core';
import { type GenesysChatError, GenesysChatService } from 'ngx-genesys-chat';
import { CUSTOMERS, type DemoCustomer } from '../customers/customers';

/** The demo's own record of who is logged in, per tab (the library keeps its own copy of the identity). */
const LOGGED_IN_KEY = 'demo:logged-in';

/**
 * The portal's login and logout, as a host app would wire them: "Log in as" calls `identify()`;
 * "Log out" calls `clearIdentity({ endConversation: true })`, the shared-computer logout, which
 * also ends the conversation on the Genesys side and forgets the visitor, so the next person at
 * this browser sees no transcript. Unticking the box logs out with plain `clearIdentity()`, which
 * only forgets the attributes: the demo keeps that choice to show the difference.
 */
@Component({
  selector: 'demo-session-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 10px;
      align-items: center;
      margin-bottom: 14px;
      font-size: 14px;
    }
    select {
      font: inherit;
      padding: 4px 6px;
    }
    .who {
      font-weight: 600;
    }
  `,
  template: `
    @if (current(); as customer) {
      <span data-testid="logged-in"
        >Logged in as <span class="who">{{ customer.name }}</span></span
      >
      <label
        ><input
          type="checkbox"
          data-testid="end-conversation"
          [checked]="endConversation()"
          (change)="endConversation.set($any($event.target).checked)"
        />
        End the conversation at logout (shared computer)</label
      >
      <button type="button" data-testid="log-out" [disabled]="busy()" (click)="logOut()">
        Log out
      </button>
    } @else {
      <label
        >Log in as
        <select data-testid="login-customer" (change)="choice.set($any($event.target).value)">
          @for (customer of customers; track customer.crm.id) {
            <!-- An attribute binding: the server's DOM has no option.selected property. -->
            <option
              [value]="customer.crm.id"
              [attr.selected]="customer.crm.id === choice() ? '' : null"
            >
              {{ customer.name }}
            </option>
          }
        </select></label
      >
      <button type="button" data-testid="log-in" [disabled]="busy()" (click)="logIn()">
        Log in
      </button>
    }
    <span role="status" data-testid="session-outcome">{{ outcome() }}</span>
  `,
})
export class SessionBar {
  private readonly chat = inject(GenesysChatService);
  private readonly storage = sessionStorageOf(inject(DOCUMENT));
  protected readonly customers = CUSTOMERS;
  protected readonly choice = signal(CUSTOMERS[0].crm.id);
  private readonly loggedInId = signal<string | null>(this.storage?.getItem(LOGGED_IN_KEY) ?? null);
  protected readonly current = computed(
    () => CUSTOMERS.find((c) => c.crm.id === this.loggedInId()) ?? null,
  );
  protected readonly endConversation = signal(true);
  protected readonly busy = signal(false);
  protected readonly outcome = signal('');

  constructor() {
    // What the shared-computer logout did: the library reports it as an event (key names only).
    const subscription = this.chat.events$.subscribe((event) => {
      if (event.type === 'identityCleared')
        this.outcome.set(`Logged out. Conversation: ${event.conversation}.`);
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected async logIn(): Promise<void> {
    const customer = CUSTOMERS.find((c) => c.crm.id === this.choice());
    if (!customer) return;
    await this.run(async () => {
      await this.chat.identify(customer.crm);
      this.remember(customer);
      this.outcome.set('');
    });
  }

  protected async logOut(): Promise<void> {
    const endConversation = this.endConversation();
    await this.run(async () => {
      await this.chat.clearIdentity({ endConversation });
      this.remember(null);
      if (!endConversation) this.outcome.set('Logged out. Conversation: kept.');
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      const e = error as GenesysChatError;
      this.outcome.set(`${e.code ?? 'ERROR'}: ${e.message}`);
    } finally {
      this.busy.set(false);
    }
  }

  private remember(customer: DemoCustomer | null): void {
    this.loggedInId.set(customer?.crm.id ?? null);
    if (customer) this.storage?.setItem(LOGGED_IN_KEY, customer.crm.id);
    else this.storage?.removeItem(LOGGED_IN_KEY);
  }
}

/** The tab's sessionStorage, or null on the server and where storage is blocked. */
function sessionStorageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.sessionStorage ?? null;
  } catch {
    return null;
  }
}
