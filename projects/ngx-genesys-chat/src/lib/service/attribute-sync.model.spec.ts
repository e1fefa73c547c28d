import fc from 'fast-check';
import type { CustomAttributes } from '../attributes/build-attributes';
import type { GenesysChatError } from '../errors/genesys-chat-error';
import {
  CRM,
  TIER,
  FakePage,
  bytes,
  callArb,
  mapOf,
  messengerSync,
  openOn,
  widgetSync,
  outcomeArb,
  startOn,
  type Call,
  type Outcome,
  type PageEvent,
} from './testing/sync-harness';

interface Record_ {
  call: Call;
  index: number;
  promise?: Promise<unknown>;
  settled?: 'resolved' | 'rejected';
  value?: unknown;
  error?: unknown;
  joined?: boolean;
  dbAtResolve?: Record<string, string>;
  clockAtResolve?: number;
  /** open(): the CRM id and tier D held when it was called, and what its own open saw. */
  identityAtCall?: [string | undefined, string | undefined];
  ownOpen?: { attributes: CustomAttributes; opened: CustomAttributes | undefined };
}

/**
 * One generated run: the calls in order, the ready events, a load failure and app destruction at
 * any point between them, every Genesys answer released in an order the scheduler picks, each
 * command answering ok, rejecting, answering late, or timing out (applied or not).
 */
async function run(
  s: fc.Scheduler,
  calls: readonly Call[],
  events: readonly PageEvent[],
  outcomes: readonly Outcome[],
  stored: string | null,
  widget = false,
): Promise<void> {
  const page = new FakePage(s, outcomes);
  // The stored identity (already re-validated by IdentityStore) is only the initial D.
  const initial = stored === null ? null : mapOf({ kind: 'identify', id: stored });
  const sync = widget ? widgetSync(page) : messengerSync(page, initial);
  if (widget) page.databaseReady = true; // no Database: always writable
  const records: Record_[] = [];
  const problems: string[] = [];
  let expected: CustomAttributes = (!widget && initial) || {};
  /** The last identity-changing call: an identical start joins it only while it is a pending start. */
  let lastIdentity: Record_ | null = null;

  const perform = (call: Call, index: number) => {
    const rec: Record_ = { call, index };
    records.push(rec);
    if (page.destroyed) {
      // A destroyed app's calls change nothing and never settle (checked below).
      rec.promise =
        call.kind === 'clear'
          ? sync.clear()
          : call.kind === 'open'
            ? sync.openCurrent(async () => undefined)
            : sync.identify({ [CRM]: 'Z' });
      rec.promise.then(
        () => page.settledAfterDestroy++,
        () => page.settledAfterDestroy++,
      );
      return;
    }
    try {
      if (call.kind === 'set') {
        const merged = { ...expected, ...call.attrs };
        if (bytes(merged) > 2048) {
          expect(() => sync.merge(call.attrs)).toThrow(
            expect.objectContaining({ code: 'ATTRIBUTES_TOO_LARGE' }),
          );
          return;
        }
        rec.promise = sync.merge(call.attrs);
        expected = merged;
      } else if (call.kind === 'clear') {
        rec.promise = sync.clear();
        expected = {};
      } else if (call.kind === 'open') {
        // No identity change: D stays, and nothing is superseded by it.
        rec.identityAtCall = [expected[CRM], expected[TIER]];
        rec.promise = openOn(sync, page, (seen) => (rec.ownOpen = seen), widget);
      } else if (call.kind === 'identify') {
        rec.promise = sync.identify(mapOf(call));
        expected = mapOf(call);
      } else {
        const last = lastIdentity;
        const joinable =
          last?.call.kind === 'start' &&
          !last.settled &&
          JSON.stringify([mapOf(last.call), last.call.message]) ===
            JSON.stringify([mapOf(call), call.message]);
        rec.promise = startOn(sync, page, mapOf(call), call.message, widget);
        rec.joined = last?.promise === rec.promise;
        expect(rec.joined).toBe(joinable);
        if (!joinable) expected = mapOf(call);
      }
      if (call.kind !== 'set' && call.kind !== 'open' && !rec.joined) lastIdentity = rec;
    } catch (error) {
      // The scheduler swallows a failing step, so failures are collected and checked at the end.
      problems.push(`call ${index} (${call.kind}): ${String(error)}`);
      return;
    }
    rec.promise.then(
      (value) => {
        if (page.destroyed) page.settledAfterDestroy++;
        Object.assign(rec, {
          settled: 'resolved',
          value,
          dbAtResolve: { ...page.db },
          clockAtResolve: page.clock,
        });
      },
      (error: unknown) => {
        if (page.destroyed) page.settledAfterDestroy++;
        Object.assign(rec, { settled: 'rejected', error });
      },
    );
  };

  s.scheduleSequence(
    calls.map((call, i) => ({ builder: async () => perform(call, i), label: call.kind })),
  );
  for (const event of events)
    void s.schedule(Promise.resolve(event), event).then(() => page.event(sync, event));
  await s.waitIdle();

  expect(problems).toEqual([]);
  // "Nothing more is sent" once the app is destroyed, and nothing settles for it.
  expect(page.sentAfterDestroy).toBe(0);
  expect(page.settledAfterDestroy).toBe(0);

  // (2) A start that resolves reports exactly what Messenger held when it opened.
  for (const rec of records.filter((r) => r.call.kind === 'start' && r.settled === 'resolved')) {
    const { attributes, opened } = rec.value as {
      attributes: CustomAttributes;
      opened: CustomAttributes;
    };
    expect(opened).toEqual(attributes);
  }
  // (4) open() without a customer never opens before Messenger holds D: what it opened with is
  // what Messenger held, and it carries the identity of its moment (a stored one included).
  for (const rec of records.filter((r) => r.call.kind === 'open' && r.ownOpen)) {
    const own = rec.ownOpen!;
    if (!widget) expect(own.opened).toEqual(own.attributes);
    if (rec.settled === 'resolved') {
      expect([own.attributes[CRM], own.attributes[TIER]]).toEqual(rec.identityAtCall);
    }
  }
  // A superseded start rejects with SUPERSEDED; nothing else supersedes.
  for (const rec of records.filter((r) => r.settled === 'rejected')) {
    const code = (rec.error as GenesysChatError).code ?? (rec.error as Error).message;
    expect(['SUPERSEDED', 'COMMAND_REJECTED', 'COMMAND_TIMEOUT', 'READY_TIMEOUT']).toContain(code);
  }

  // (3) After clearIdentity() resolves, no CRM id or tier is left, and no earlier call puts one back.
  for (const clear of records.filter((r) => r.call.kind === 'clear' && r.settled === 'resolved')) {
    if (clear.dbAtResolve) {
      expect(Object.keys(clear.dbAtResolve)).not.toContain(CRM);
      expect(Object.keys(clear.dbAtResolve)).not.toContain(TIER);
    }
    const laterIds = new Set(
      records
        .filter((r) => r.index > clear.index && 'id' in r.call)
        .map((r) => (r.call as { id: string }).id),
    );
    for (const set of page.sets.filter((x) => x.clock > (clear.clockAtResolve ?? Infinity))) {
      if (set.attrs[CRM] !== undefined) expect(laterIds).toContain(set.attrs[CRM]);
    }
  }

  if (widget) {
    // The desired map is the last identity-changing call plus later merges, whatever the widget answered.
    if (!page.destroyed) expect(sync.target).toEqual(expected);
    return;
  }
  if (page.destroyed || !page.databaseReady) return;
  // (1) Once everything settles Messenger holds exactly D: the last identity-changing call plus later merges ...
  if (page.lastDatabaseOutcome === 'ok' || page.lastDatabaseOutcome === 'late')
    expect(page.db).toEqual(expected);
  // ... and after a failed or unanswered write the next call rewrites everything.
  page.allOk = true;
  const heal = sync.merge({});
  await s.waitIdle();
  await expect(heal).resolves.toBeUndefined();
  expect(page.db).toEqual(expected);
  // Nothing is left hanging once Messenger is fully ready.
  if (page.messengerReady) expect(records.filter((r) => r.promise && !r.settled)).toEqual([]);
}

const eventsArb = fc
  .subarray(['databaseReady', 'messengerReady', 'loadFails', 'destroy'] as PageEvent[])
  .chain((events) =>
    fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
  );

describe('AttributeSync: the ordering model under generated interleavings', () => {
  // Nothing the model does may leave a rejection unhandled (every call's promise is observed above).
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('keeps the three identity invariants for any order of calls, ready events, answers and destruction', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(callArb, { minLength: 1, maxLength: 6 }),
        eventsArb,
        fc.array(outcomeArb, { minLength: 1, maxLength: 8 }),
        fc.option(fc.constantFrom('A', 'B'), { nil: null }),
        (s, calls, events, outcomes, stored) => run(s, calls, events, outcomes, stored),
      ),
      { numRuns: Number(process.env['MODEL_RUNS'] ?? 10_000) },
    );
  }, 120_000);

  it('drives the widget driver by the same model: each chat carries exactly what its start reported', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(callArb, { minLength: 1, maxLength: 6 }),
        eventsArb.map((events) => events.filter((e) => e !== 'databaseReady')),
        fc.array(outcomeArb, { minLength: 1, maxLength: 8 }),
        (s, calls, events, outcomes) => run(s, calls, events, outcomes, null, true),
      ),
      { numRuns: Math.ceil(Number(process.env['MODEL_RUNS'] ?? 10_000) / 5) },
    );
  }, 60_000);
});
