// Test identities for the demo and e2e: the first matches the demo's premium CRM id, so a verified
// chat routes as premium; the second is an ordinary customer whose id a forger might try to claim.
import type { TestUser } from './types';

export const DEFAULT_TEST_USERS: readonly TestUser[] = [
  {
    sub: 'idp-user-premium',
    email: 'pat.premium@example.test',
    given_name: 'Pat',
    family_name: 'Premium',
    crm_customer_id: 'CRM-12345-XYZ',
  },
  {
    sub: 'idp-user-standard',
    email: 'sam.standard@example.test',
    given_name: 'Sam',
    family_name: 'Standard',
    crm_customer_id: 'CRM-20002-BCA',
  },
];
