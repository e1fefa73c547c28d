import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import {
  type GenesysChatError,
  GenesysStartChatDirective,
  type StartChatResult,
} from 'ngx-genesys-chat';
import { CUSTOMERS, type DemoCustomer } from './customers';

interface RowOutcome {
  readonly ok: boolean;
  readonly text: string;
}

@Component({
  selector: 'demo-customer-table',
  imports: [GenesysStartChatDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="search"
      >Find a customer
      <input type="search" [value]="query()" (input)="query.set($any($event.target).value)"
    /></label>
    <table>
      <thead>
        <tr>
          <th>Customer</th>
          <th>CRM id</th>
          <th>Tier</th>
          <th>Notes</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        @for (customer of shown(); track customer.crm.id) {
          <tr [attr.data-customer]="customer.crm.id">
            <td>{{ customer.name }}</td>
            <td>
              <code>{{ customer.crm.id }}</code>
            </td>
            <td>
              <span class="tier" [class.premium]="customer.crm.tier === 'premium'">{{
                customer.crm.tier
              }}</span>
            </td>
            <td>{{ customer.notes }}</td>
            <td>
              <button
                type="button"
                [genesysStartChat]="customer.crm"
                [genesysChatAttributes]="{ source: 'web-portal' }"
                (chatStarted)="started(customer, $event)"
                (chatError)="failed(customer, $event)"
              >
                Chat
              </button>
            </td>
          </tr>
          @if (outcome()[customer.crm.id]; as o) {
            <tr class="outcome" [class.error]="!o.ok">
              <td colspan="5" role="status">{{ o.text }}</td>
            </tr>
          }
        }
      </tbody>
    </table>
  `,
})
export class CustomerTable {
  protected readonly query = signal('');
  protected readonly shown = computed(() => {
    const q = this.query().trim().toLowerCase();
    return q
      ? CUSTOMERS.filter(
          (c) => c.name.toLowerCase().includes(q) || c.crm.id.toLowerCase().includes(q),
        )
      : CUSTOMERS;
  });
  protected readonly outcome = signal<Record<string, RowOutcome>>({});

  protected started(customer: DemoCustomer, result: StartChatResult): void {
    const keys = Object.keys(result.attributes).join(', ');
    this.set(customer, { ok: true, text: `Chat open. Genesys confirmed the attributes ${keys}.` });
  }

  protected failed(customer: DemoCustomer, error: GenesysChatError): void {
    this.set(customer, { ok: false, text: `${error.code}: ${error.message}` });
  }

  private set(customer: DemoCustomer, outcome: RowOutcome): void {
    this.outcome.update((all) => ({ ...all, [customer.crm.id]: outcome }));
  }
}
