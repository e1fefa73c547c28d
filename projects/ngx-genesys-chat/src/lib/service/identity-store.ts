import {
  buildAttributes,
  buildCustomerAttributes,
  type AttributeRules,
  type CustomAttributes,
} from '../attributes/build-attributes';

/** Every key this library writes starts with this; the testing entry's reset clears them all. */
import { STORAGE_PREFIX as KEY_PREFIX } from './storage-prefix';

/**
 * Keeps the signed-in customer's attributes in sessionStorage, under a key tied to the deployment:
 * Genesys holds custom attributes in page memory only, so without this a reload before the first
 * message would lose them, and two deployments on one origin must never share an identity.
 * sessionStorage is per tab and cleared when the tab closes; storage errors (private modes,
 * disabled storage) fall back to memory for this page.
 */
export class IdentityStore {
  private memory: CustomAttributes | null = null;
  private readonly key: string;

  constructor(
    private readonly win: Window | null,
    deploymentId: string,
  ) {
    this.key = `${KEY_PREFIX}identity.${deploymentId.toLowerCase()}`;
  }

  save(attributes: CustomAttributes): void {
    this.memory = attributes;
    this.storage((s) => s.setItem(this.key, JSON.stringify(attributes)));
  }

  /**
   * The stored identity, checked again with today's rules and config (they may have changed since
   * it was saved, and storage is writable by any script on the origin). The checked result is
   * what is returned, so only strings come out; anything invalid is dropped from storage.
   */
  restore(rules: AttributeRules): CustomAttributes | null {
    if (this.memory) return this.memory;
    const text = this.storage((s) => s.getItem(this.key));
    if (!text) return null;
    try {
      // Strings only, allowed keys, no personal data, within the size limit ...
      const checked = buildAttributes(JSON.parse(text) as unknown, rules);
      // ... and a CRM id that passes the customer rules, rebuilt the way identify() builds it.
      const { [rules.crmAttributeKey]: id, [rules.tierAttributeKey]: tier, ...rest } = checked;
      return (this.memory = buildCustomerAttributes(
        { id, tier, attributes: rest },
        undefined,
        rules,
      ));
    } catch {
      this.clear();
      return null;
    }
  }

  clear(): void {
    this.memory = null;
    this.storage((s) => s.removeItem(this.key));
  }

  private storage<T>(use: (storage: Storage) => T): T | undefined {
    try {
      return this.win?.sessionStorage ? use(this.win.sessionStorage) : undefined;
    } catch {
      return undefined;
    }
  }
}
