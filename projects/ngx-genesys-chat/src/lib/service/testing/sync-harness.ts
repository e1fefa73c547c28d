// Test-only (excluded from the library build): a fake Genesys whose Database really holds the
// map, driven by fast-check's scheduler, and the model the ordering invariants are checked against.
import fc from 'fast-check';
import type { CustomAttributes } from '../../attributes/build-attributes';
import { utf8Bytes } from '../../attributes/attribute-rules';
import { commandRejected, commandTimeout } from '../../errors/errors';
import { AttributeSync } from '../attribute-sync';
import { startKey } from '../chat-input';
import { messengerWrite, openMessenger } from '../messenger-commands';

export type Outcome = 'ok' | 'reject' | 'late' | 'timeoutApplied' | 'timeoutLost';
export type Call =
  | { kind: 'identify'; id: string; tier?: string }
  | { kind: 'start'; id: string; tier?: string; source?: string; message?: string }
  | { kind: 'clear' }
  | { kind: 'open' }
  | { kind: 'set'; attrs: Record<string, string> };
export type PageEvent = 'databaseReady' | 'messengerReady' | 'loadFails' | 'destroy';

const CRM = 'crmCustomerId';
const TIER = 'customerTier';
const big = 'x'.repeat(700);
const customer = {
  id: fc.constantFrom('A', 'B', 'C'),
  tier: fc.option(fc.constantFrom('gold', 'std'), { nil: undefined }),
};

export const callArb: fc.Arbitrary<Call> = fc.oneof(
  fc.record(
    { kind: fc.constant('identify' as const), ...customer },
    { requiredKeys: ['kind', 'id'] },
  ),
  fc.record(
    {
      kind: fc.constant('start' as const),
      ...customer,
      source: fc.option(fc.constantFrom('web', 'app'), { nil: undefined }),
      message: fc.option(fc.constant('hi'), { nil: undefined }),
    },
    { requiredKeys: ['kind', 'id'] },
  ),
  fc.record({ kind: fc.constant('clear' as const) }),
  fc.record({ kind: fc.constant('open' as const) }),
  fc.record({
    kind: fc.constant('set' as const),
    attrs: fc.dictionary(fc.constantFrom('page', 'step', 'blob'), fc.constantFrom('1', '2', big), {
      maxKeys: 2,
    }),
  }),
);
export const outcomeArb: fc.Arbitrary<Outcome> = fc.oneof(
  { arbitrary: fc.constant('ok' as const), weight: 6 },
  {
    arbitrary: fc.constantFrom<Outcome>('reject', 'late', 'timeoutApplied', 'timeoutLost'),
    weight: 2,
  },
);

export function mapOf(call: Extract<Call, { id: string }>): CustomAttributes {
  const out: Record<string, string> = { [CRM]: call.id };
  if (call.tier) out[TIER] = call.tier;
  if (call.kind === 'start' && call.source) out['source'] = call.source;
  return Object.freeze(out);
}

export function bytes(map: CustomAttributes): number {
  return Object.entries(map).reduce((n, [k, v]) => n + utf8Bytes(k) + utf8Bytes(v), 0);
}

/** The fake page: Database holds the map; every command's answer is released by the scheduler. */
export class FakePage {
  db: Record<string, string> = {};
  readonly opens: CustomAttributes[] = [];
  readonly sets: { attrs: Record<string, string>; clock: number }[] = [];
  lastDatabaseOutcome: Outcome | null = null;
  clock = 0;
  destroyed = false;
  sentAfterDestroy = 0;
  settledAfterDestroy = 0;
  allOk = false;
  databaseReady = false;
  messengerReady = false;
  private n = 0;
  private attempt: { promise: Promise<void>; resolve(): void; reject(e: unknown): void } | null =
    null;

  constructor(
    private readonly s: fc.Scheduler,
    private readonly outcomes: readonly Outcome[],
  ) {}

  readonly command = (name: string, payload: object): Promise<unknown> => {
    if (this.destroyed) this.sentAfterDestroy++;
    const outcome = this.allOk ? 'ok' : this.outcomes[this.n++ % this.outcomes.length];
    const apply = () => this.apply(name, payload as Record<string, unknown>);
    const answer = this.s.schedule(Promise.resolve(outcome), name).then(() => {
      if (name.startsWith('Database.')) this.lastDatabaseOutcome = outcome;
      if (outcome === 'ok' || outcome === 'late' || outcome === 'timeoutApplied') apply();
      if (outcome === 'late') return this.s.schedule(Promise.resolve(), `${name} answer`);
      return undefined;
    });
    // A destroyed app's commands are abandoned, as runGenesysCommand does on abort.
    return answer.then(() => {
      if (this.destroyed) return new Promise<never>(() => undefined);
      if (outcome === 'reject') throw commandRejected(name, 'no');
      if (outcome === 'timeoutApplied' || outcome === 'timeoutLost') throw commandTimeout(name, 10);
      return {};
    });
  };

  /** Joins the load attempt; it resolves once both ready events arrived, or fails on loadFails. */
  readonly load = (): Promise<void> => {
    if (!this.attempt) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.attempt = { promise, resolve, reject };
      this.checkLoaded();
    }
    return this.attempt.promise;
  };

  event(sync: AttributeSync, event: PageEvent): void {
    this.clock++;
    if (event === 'databaseReady') {
      this.databaseReady = true;
      sync.markWritable();
    } else if (event === 'messengerReady') this.messengerReady = true;
    else if (
      event === 'loadFails' &&
      this.attempt &&
      !(this.databaseReady && this.messengerReady)
    ) {
      const failed = this.attempt;
      this.attempt = null;
      failed.reject(new Error('READY_TIMEOUT'));
    } else if (event === 'destroy') {
      this.destroyed = true;
      sync.destroy();
    }
    this.checkLoaded();
  }

  private checkLoaded(): void {
    if (this.attempt && this.databaseReady && this.messengerReady) this.attempt.resolve();
  }

  private apply(name: string, payload: Record<string, unknown>): void {
    this.clock++;
    if (name === 'Database.remove') this.db = {};
    if (name === 'Database.set') {
      const attrs = (payload['messaging'] as { customAttributes: Record<string, string> })
        .customAttributes;
      this.db = { ...this.db, ...attrs };
      this.sets.push({ attrs: { ...attrs }, clock: this.clock });
    }
    if (name === 'Messenger.open') this.opens.push({ ...this.db });
    // The widget has no Database: the attributes travel with its startChat.
    if (name === 'Widget.startChat') this.opens.push({ ...(payload as Record<string, string>) });
  }
}

/** The sync under test, wired to the real Messenger writes and opens over the fake page. */
export function messengerSync(
  page: FakePage,
  initial: CustomAttributes | null = null,
): AttributeSync {
  return new AttributeSync(
    { write: (from, to) => messengerWrite(page.command, from, to), load: page.load },
    initial,
    false,
  );
}

/** The same model over the widget driver: writes are no-ops, opens carry the map. */
export function widgetSync(page: FakePage): AttributeSync {
  return new AttributeSync({ write: async () => undefined, load: page.load }, null, true);
}

export function startOn(
  sync: AttributeSync,
  page: FakePage,
  attrs: CustomAttributes,
  message?: string,
  widget = false,
) {
  return sync.startChat(attrs, startKey(attrs, message), async (snapshot) => {
    const at = page.opens.length;
    if (widget) await page.command('Widget.startChat', { ...snapshot });
    else await openMessenger(page.command, 'messenger', message);
    return { attributes: snapshot, opened: page.opens[at] };
  });
}

/** `open()` without a customer: opens with D as it is; `seen` gets what its own open saw. */
export function openOn(
  sync: AttributeSync,
  page: FakePage,
  seen: (opened: { attributes: CustomAttributes; opened: CustomAttributes | undefined }) => void,
  widget = false,
): Promise<void> {
  return sync.openCurrent(async (snapshot) => {
    const at = page.opens.length;
    if (widget) await page.command('Widget.startChat', { ...snapshot });
    else await openMessenger(page.command, 'messenger', undefined);
    seen({ attributes: snapshot, opened: page.opens[at] });
  });
}

export { CRM, TIER };
