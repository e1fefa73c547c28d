import type { CustomAttributes } from '../attributes/build-attributes';

const STORAGE_KEY = 'ngx-genesys-chat.identity';

/**
 * Keeps the signed-in customer's attributes in sessionStorage: Genesys holds custom attributes in
 * page memory only, so without this a reload before the first message would lose them.
 * sessionStorage is per tab and cleared when the tab closes; storage errors (private modes,
 * disabled storage) fall back to memory for this page.
 */
export class IdentityStore {
  private memory: CustomAttributes | null = null;

  constructor(private readonly win: Window | null) {}

  save(attributes: CustomAttributes): void {
    this.memory = attributes;
    this.storage((s) => s.setItem(STORAGE_KEY, JSON.stringify(attributes)));
  }

  load(): CustomAttributes | null {
    if (this.memory) return this.memory;
    const text = this.storage((s) => s.getItem(STORAGE_KEY));
    if (!text) return null;
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as CustomAttributes)
        : null;
    } catch {
      return null;
    }
  }

  clear(): void {
    this.memory = null;
    this.storage((s) => s.removeItem(STORAGE_KEY));
  }

  private storage<T>(use: (storage: Storage) => T): T | undefined {
    try {
      return this.win?.sessionStorage ? use(this.win.sessionStorage) : undefined;
    } catch {
      return undefined;
    }
  }
}
