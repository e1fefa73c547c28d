import type { CrmCustomer } from 'ngx-genesys-chat';

export interface DemoCustomer {
  readonly name: string;
  readonly notes: string;
  /** What the Chat button sends: the CRM id, the tier, and for one customer their notes. */
  readonly crm: CrmCustomer;
}

export const CUSTOMERS: readonly DemoCustomer[] = [
  {
    name: 'Ada Lovelace',
    notes: 'Renewal due in March',
    crm: { id: 'CRM-12345-XYZ', tier: 'premium' },
  },
  {
    name: 'Ben Carter',
    notes: 'Prefers morning calls',
    crm: { id: 'CRM-20002-BCA', tier: 'standard' },
  },
  {
    name: 'Dan Evans',
    notes: 'Asked about invoices',
    crm: { id: 'CRM-40004-DEV', tier: 'standard' },
  },
  {
    name: 'Eve Fischer',
    notes: 'Key account',
    crm: { id: 'CRM-50005-EFI', tier: 'premium' },
  },
  {
    // The notes hold an e-mail address: the personal-data guard refuses to send them.
    name: 'Cara Diaz',
    notes: 'Write to cara.diaz@example.com',
    crm: {
      id: 'CRM-30003-CDZ',
      tier: 'standard',
      attributes: { notes: 'Write to cara.diaz@example.com' },
    },
  },
];
