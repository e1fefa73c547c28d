import type { RoutingConfig } from './config';
import { DEFAULT_MISMATCH_QUEUE, routeConversation, routeDecision } from './routing';

const routing: RoutingConfig = {
  rules: [
    { when: { attribute: 'customerTier', equals: 'premium' }, queue: 'Premium Support' },
    { when: { verified: true, externalId: 'CRM-1' }, queue: 'Known Premium' },
    { when: { verified: false }, queue: 'Anonymous' },
  ],
  defaultQueue: 'General',
};
const ada = { sub: 'user-ada', externalId: 'CRM-1' };
const bob = { sub: 'user-bob', externalId: 'CRM-2' };

describe('routing on the verified identity', () => {
  it('a claimed id that disagrees with the verified one goes to the default mismatch queue, whatever the tier says', () => {
    expect(
      routeDecision({ crmCustomerId: 'CRM-1', customerTier: 'premium' }, routing, bob),
    ).toEqual({
      queue: DEFAULT_MISMATCH_QUEUE,
      verificationMismatch: true,
      disconnect: false,
    });
    expect(DEFAULT_MISMATCH_QUEUE).toBe('Verification Mismatch');
  });

  it('the claimed attribute and the queue name are configurable', () => {
    const custom = {
      ...routing,
      verification: { claimedIdAttribute: 'accountId', mismatchQueue: 'Fraud' },
    };
    expect(routeConversation({ accountId: 'CRM-1' }, custom, bob)).toBe('Fraud');
    expect(routeConversation({ crmCustomerId: 'CRM-1' }, custom, bob)).toBe('General');
  });

  it('an empty or absent claim is no mismatch; a matching one follows the rules', () => {
    expect(routeConversation({ crmCustomerId: '' }, routing, bob)).toBe('General');
    expect(routeConversation({}, routing, ada)).toBe('Known Premium');
    expect(routeConversation({ crmCustomerId: 'CRM-1' }, routing, ada)).toBe('Known Premium');
  });

  it('verified rules never match an anonymous conversation; claimed rules work as before', () => {
    expect(routeConversation({}, routing)).toBe('Anonymous');
    expect(routeConversation({ crmCustomerId: 'CRM-1', customerTier: 'premium' }, routing)).toBe(
      'Premium Support',
    );
  });

  it('a rule with no condition never holds', () => {
    expect(
      routeConversation(
        {},
        { rules: [{ when: {}, queue: 'Everyone' }], defaultQueue: 'General' },
        ada,
      ),
    ).toBe('General');
  });
});

describe('a rule that disconnects', () => {
  const closing: RoutingConfig = {
    rules: [
      { when: { attribute: 'topic', equals: 'spam' }, queue: 'Closed', action: 'disconnect' },
      { when: { attribute: 'topic', exists: true }, queue: 'Topics' },
    ],
    defaultQueue: 'General',
  };

  it('the matching rule routes and asks for a disconnect; other rules and the default do not', () => {
    expect(routeDecision({ topic: 'spam' }, closing)).toEqual({
      queue: 'Closed',
      verificationMismatch: false,
      disconnect: true,
    });
    expect(routeDecision({ topic: 'billing' }, closing).disconnect).toBe(false);
    expect(routeDecision({}, closing)).toMatchObject({ queue: 'General', disconnect: false });
  });

  it('a forged claim goes to the mismatch queue and is never disconnected by a rule', () => {
    expect(routeDecision({ topic: 'spam', crmCustomerId: 'CRM-1' }, closing, bob)).toEqual({
      queue: DEFAULT_MISMATCH_QUEUE,
      verificationMismatch: true,
      disconnect: false,
    });
  });
});

describe("the repository's emulator.config.json", () => {
  // The config npm start runs: a signed-in customer must not buy premium with a claimed tier.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('../emulator.config.json') as { routing: RoutingConfig };
  const standard = { sub: 'idp-user-standard', externalId: 'CRM-20002-BCA' };
  const premium = { sub: 'idp-user-premium', externalId: 'CRM-12345-XYZ' };

  it('a verified standard customer who claims the premium tier under their own id is not routed as premium', () => {
    const claims = { crmCustomerId: 'CRM-20002-BCA', customerTier: 'premium' };
    expect(routeConversation(claims, config.routing, standard)).toBe('Known Customers');
    expect(routeConversation({ customerTier: 'premium' }, config.routing, standard)).toBe(
      'General',
    );
  });

  it('premium comes from the verified identity; without authentication the claimed tier still routes', () => {
    expect(routeConversation({}, config.routing, premium)).toBe('Premium Support');
    expect(routeConversation({ customerTier: 'premium' }, config.routing, undefined)).toBe(
      'Premium Support',
    );
  });
});
