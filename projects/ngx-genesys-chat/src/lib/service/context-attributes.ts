import type { GenesysAttributes } from '../attributes/crm-customer';
import { assertWithinLimit, type CustomAttributes } from '../attributes/build-attributes';
import { isGenesysChatError } from '../errors/genesys-chat-error';
import type { AttributeSync } from './attribute-sync';
import { isDevBuild } from './engine-dev-log';

/** What `ContextAttributes` needs from the engine. */
export interface ContextHost {
  readonly sync: AttributeSync;
  /** Messenger is loaded (a context write must never be what loads it). */
  messengerLoaded(): boolean;
  /** The same checks as `setAttributes()`; throws a `GenesysChatError` naming the key. */
  check(attributes: GenesysAttributes): CustomAttributes;
}

/**
 * Page context (`withRouterContext()`'s route) kept beside the customer's attributes, inside the
 * ordering model: it rides under every start and identity (the customer's own keys win), and on
 * its own it is merged only while Messenger is loaded and no start is under way, so it never
 * loads Messenger and never changes a start in progress. A context that would push a start over
 * the 2048-byte budget is left out of that start; the customer's attributes never are.
 * Problems are dev-mode warnings naming keys, never values: the context is not the app's call.
 */
export class ContextAttributes {
  private value: CustomAttributes = Object.freeze({});
  private pending = false;
  /** The keys of the latest start's or identity's own map: the context never overrides them. */
  private customerKeys: ReadonlySet<string> = new Set();

  constructor(private readonly host: ContextHost) {}

  /** The context changed. */
  set(context: GenesysAttributes): void {
    try {
      this.value = this.host.check(context);
    } catch (error) {
      warn(`page context ${Object.keys(context).join(', ')} refused`, error);
      return;
    }
    this.pending = true;
    this.flush();
  }

  /** The customer's map with the context under it, if the two fit together. */
  under(attributes: CustomAttributes): CustomAttributes {
    this.customerKeys = new Set(Object.keys(attributes));
    const keys = Object.keys(this.value);
    if (keys.length === 0) return attributes;
    const merged = { ...this.value, ...attributes };
    try {
      assertWithinLimit(merged);
    } catch (error) {
      warn(`page context ${keys.join(', ')} left out of this start`, error);
      return attributes;
    }
    // Still pending: a start that joins one under way drops this map, and a write that already
    // holds the context makes the later merge a no-op.
    return Object.freeze(merged);
  }

  /** Writes a context change that still waits, when nothing forbids it (also after a start settles). */
  flush(): void {
    if (!this.pending || !this.host.messengerLoaded() || this.host.sync.starting) return;
    this.pending = false;
    const own = Object.entries(this.value).filter(([key]) => !this.customerKeys.has(key));
    if (own.length === 0) return;
    try {
      // Superseded or failed: the context waits for the next write.
      this.host.sync.merge(Object.fromEntries(own)).catch(() => (this.pending = true));
    } catch (error) {
      warn(`page context ${Object.keys(this.value).join(', ')} not written`, error);
    }
  }
}

function warn(what: string, error: unknown): void {
  if (isDevBuild())
    console.warn(`[ngx-genesys-chat] ${what}: ${isGenesysChatError(error) ? error.code : 'error'}`);
}
