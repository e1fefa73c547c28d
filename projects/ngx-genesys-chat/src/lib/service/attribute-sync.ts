import { assertWithinLimit, type CustomAttributes } from '../attributes/build-attributes';
import { superseded } from '../errors/errors';
import { never, sameMap, type AttributeDriver } from './attribute-driver';
import { newStart, type Start, type Waiter } from './attribute-sync-start';

export type { AttributeDriver } from './attribute-driver';

/** The key of an `open()` start: no customer key (a JSON map) can equal it. */
const OPEN_KEY = 'open()';

/**
 * The one ordering model for everything that touches the custom attributes (see the README's
 * identity section). Calls change the desired map D synchronously, in call order; one serial loop
 * brings the target to D. An identity-changing call (identify, clearIdentity, a start for another
 * customer) starts a new generation: whatever an older generation still waits for rejects with
 * SUPERSEDED and can never be written or opened again. Driver-agnostic and timer-free, so the
 * model-based tests drive it directly.
 */
export class AttributeSync {
  private desired: CustomAttributes;
  /** What the target holds, as far as we know; null after a failed or unanswered write. */
  private held: CustomAttributes | null = {};
  private replace: boolean;
  private gen = 0;
  private version = 0;
  private failedVersion = -1;
  private openable = false;
  private destroyed = false;
  private running = false;
  private kickScheduled = false;
  private waiters: Waiter[] = [];
  private start: Start<unknown> | null = null;

  constructor(
    private readonly driver: AttributeDriver,
    initial: CustomAttributes | null,
    private writable: boolean,
  ) {
    // The stored identity is only the initial D: a later call always replaces it.
    this.desired = initial ?? {};
    this.replace = initial !== null;
  }

  /** True while a start has not settled (the status shows `starting`). */
  get starting(): boolean {
    return this.start !== null;
  }

  /** The map the target must hold, for diagnostics and tests. */
  get target(): CustomAttributes {
    return this.desired;
  }

  /** D becomes the customer's map (a new identity); resolves once the target holds it. */
  identify(attributes: CustomAttributes): Promise<void> {
    if (this.destroyed) return never();
    this.replaceDesired(attributes, 'identify()');
    return this.whenSynced('identify()');
  }

  /** D becomes empty (logout); resolves once the target holds no attributes. */
  clear(): Promise<void> {
    if (this.destroyed) return never();
    this.replaceDesired(Object.freeze({}), 'clearIdentity()');
    return this.whenSynced('clearIdentity()');
  }

  /** Merges into D; the merged map must fit, or nothing changes and ATTRIBUTES_TOO_LARGE is thrown. */
  merge(attributes: CustomAttributes): Promise<void> {
    if (this.destroyed) return never();
    const merged: Record<string, string> = { ...this.desired, ...attributes };
    assertWithinLimit(merged);
    this.desired = Object.freeze(merged);
    this.version++;
    return this.whenSynced('setAttributes()', true);
  }

  /**
   * Sets D to the start's map and opens once the target holds it. An identical start joins only
   * while it is still the latest identity; any other identity-changing call supersedes it.
   */
  startChat<R>(
    attributes: CustomAttributes,
    key: string,
    open: (snapshot: CustomAttributes) => Promise<R>,
  ): Promise<R> {
    if (this.destroyed) return never();
    const current = this.start;
    if (current && current.key === key && current.gen === this.gen) {
      return current.promise as Promise<R>;
    }
    this.replaceDesired(attributes, 'startChat()');
    return this.begin('startChat()', key, open);
  }

  /**
   * Opens with D as it is (`open()`, a page without a customer): no identity change, so it
   * supersedes nothing. It joins a start under way; otherwise it is a start of the current
   * generation: it opens only once the target holds D (a stored identity included), and a later
   * identity-changing call supersedes it like any start.
   */
  openCurrent(open: (snapshot: CustomAttributes) => Promise<unknown>): Promise<void> {
    if (this.destroyed) return never();
    const current = this.start;
    const joined = current && current.gen === this.gen ? current : null;
    return (joined?.promise ?? this.begin('open()', OPEN_KEY, open)).then(() => undefined);
  }

  private begin<R>(
    call: string,
    key: string,
    open: (snapshot: CustomAttributes) => Promise<R>,
  ): Promise<R> {
    const start = newStart<R>({ call, gen: this.gen, version: this.version, key, open });
    this.start = start as Start<unknown>;
    this.driver.load().then(
      () => ((this.openable = true), this.kick()),
      (error: unknown) => {
        if (!start.committed) this.settleStart(start, () => start.reject(error));
      },
    );
    this.kick();
    return start.promise;
  }

  /** The target can take writes now (Messenger: `Database.ready`). */
  markWritable(): void {
    this.writable = true;
    this.kick();
  }

  /** The app is gone: nothing more is sent, and nothing pending settles. */
  destroy(): void {
    this.destroyed = true;
  }

  private replaceDesired(attributes: CustomAttributes, by: string): void {
    this.desired = attributes;
    this.gen++;
    this.version++;
    this.replace = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(superseded(waiter.call, by));
    const start = this.start;
    if (start && !start.committed) {
      this.start = null;
      start.reject(superseded(start.call, by));
    }
  }

  private whenSynced(call: string, loads = false): Promise<void> {
    // Before the target is writable nothing of ours is in it; D is applied once it is.
    if (!this.writable && !loads) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { call, gen: this.gen, version: this.version, resolve, reject };
      this.waiters.push(waiter);
      if (!this.writable) {
        this.driver.load().catch((error: unknown) => {
          if (this.destroyed || this.writable || !this.waiters.includes(waiter)) return;
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(error);
        });
      }
      this.kick();
    });
  }

  /** Batches the calls of one turn into one pass of the loop. */
  private kick(): void {
    if (this.kickScheduled || this.running || this.destroyed) return;
    this.kickScheduled = true;
    // A promise job, not queueMicrotask: fake timers (jest, sinon) replace queueMicrotask.
    void Promise.resolve().then(() => {
      this.kickScheduled = false;
      return this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let step = this.nextStep(); step; step = this.nextStep()) await step();
    } finally {
      this.running = false;
    }
  }

  /** The one decision point: write until the target holds D, then settle, then open. */
  private nextStep(): (() => Promise<void>) | null {
    if (this.destroyed || !this.writable) return null;
    const inSync = !this.replace && this.held !== null && sameMap(this.held, this.desired);
    if (!inSync) {
      // A failed write was reported to its callers; the next call writes everything again.
      return this.failedVersion === this.version ? null : () => this.write();
    }
    for (const waiter of this.waiters.splice(0)) waiter.resolve(undefined as never);
    const start = this.start;
    if (start && !start.committed && start.gen === this.gen && this.openable) {
      return () => this.open(start);
    }
    return null;
  }

  private async write(): Promise<void> {
    const to = this.desired;
    const version = this.version;
    const from = this.replace ? null : this.held;
    this.held = null; // unknown until Genesys confirms
    this.replace = false;
    try {
      await this.driver.write(from, to);
      this.held = to;
    } catch (error) {
      if (this.destroyed) return;
      this.failedVersion = version;
      const failed = this.waiters.filter((w) => w.version <= version);
      this.waiters = this.waiters.filter((w) => w.version > version);
      failed.forEach((w) => w.reject(error));
      const start = this.start;
      if (start && !start.committed && start.version <= version) {
        this.settleStart(start, () => start.reject(error));
      }
    }
  }

  private async open(start: Start<unknown>): Promise<void> {
    start.committed = true;
    const snapshot = this.held as CustomAttributes;
    try {
      const result = await start.open(snapshot);
      this.settleStart(start, () => start.resolve(result as never));
    } catch (error) {
      this.settleStart(start, () => start.reject(error));
    }
  }

  private settleStart(start: Start<unknown>, settle: () => void): void {
    if (this.start === start) this.start = null;
    if (!this.destroyed) settle();
  }
}
