/** A value Genesys will receive as a string. */
export type GenesysAttributeValue = string | number | boolean;

/** A flat map of custom attributes. Values are coerced to strings before they are sent. */
export type GenesysAttributes = Record<string, GenesysAttributeValue>;

/** The signed-in customer, as your CRM knows them. */
export interface CrmCustomer {
  /** The CRM id, sent as the `crmCustomerId` attribute (see `crmAttributeKey`). */
  id: string;
  /** Optional tier for routing, such as `premium`, sent as `customerTier` (see `tierAttributeKey`). */
  tier?: string;
  /** Further attributes for this customer. */
  attributes?: GenesysAttributes;
}
