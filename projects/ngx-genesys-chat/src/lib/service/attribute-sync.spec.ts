import type { CustomAttributes } from '../attributes/build-attributes';
import { AttributeSync } from './attribute-sync';

/** A driver whose every write and open waits until the test answers it. */
function manual() {
  const pending: { what: string; answer: (ok?: boolean) => void }[] = [];
  let db: Record<string, string> = {};
  let loaded!: () => void;
  let failLoad!: (e: unknown) => void;
  const load = new Promise<void>((res, rej) => ((loaded = res), (failLoad = rej)));
  load.catch(() => undefined);
  const wait = (what: string, effect: () => void) =>
    new Promise<void>((res, rej) =>
      pending.push({
        what,
        answer: (ok = true) => (ok ? (effect(), res()) : rej(new Error('COMMAND_REJECTED'))),
      }),
    );
  const sync = new AttributeSync(
    {
      write: (_from, to) => wait(`write ${JSON.stringify(to)}`, () => (db = { ...to })),
      load: () => load,
    },
    null,
    true,
  );
  const start = (id: string) =>
    sync.startChat({ crmCustomerId: id }, id, (snapshot: CustomAttributes) =>
      wait(`open ${snapshot['crmCustomerId']}`, () => undefined).then(() => snapshot),
    );
  const flush = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  const next = async (ok = true) => {
    await flush();
    const item = pending.shift();
    if (!item) throw new Error('nothing pending');
    item.answer(ok);
    await flush();
    return item.what;
  };
  return { sync, start, next, flush, loaded, failLoad, db: () => db, pending };
}

const outcome = (p: Promise<unknown>) => {
  const seen: { v?: string } = {};
  p.then(
    () => (seen.v = 'resolved'),
    (e: { code?: string; message?: string }) => (seen.v = e.code ?? e.message),
  );
  return seen;
};

describe('AttributeSync regressions (counterexamples and adversarial orderings)', () => {
  // fast-check counterexample 1: [set, destroy, identify] with Database ready after destroy.
  it('CE1: a call made after the app is destroyed settles nothing made before it', async () => {
    const m = manual();
    const merged = outcome(m.sync.merge({ page: '2' }));
    m.sync.destroy();
    const identified = outcome(m.sync.identify({ crmCustomerId: 'B' }));
    await m.flush();
    expect(merged.v).toBeUndefined();
    expect(identified.v).toBeUndefined();
    expect(m.pending).toEqual([]);
  });

  // fast-check counterexample 2: [set] pending on the load, destroy, then the load fails.
  it('CE2: a load that fails after the app is destroyed rejects nothing', async () => {
    const m = manual();
    const sync = new AttributeSync(
      { write: async () => undefined, load: () => Promise.reject(new Error('READY_TIMEOUT')) },
      null,
      false,
    );
    const merged = outcome(sync.merge({ page: '2' }));
    sync.destroy();
    await m.flush();
    expect(merged.v).toBeUndefined();
  });

  it('never joins an older in-flight start once a different identity came in between (A opening, identify B, A again)', async () => {
    const m = manual();
    m.loaded();
    const first = m.start('A');
    expect(await m.next()).toBe('write {"crmCustomerId":"A"}');
    await m.flush();
    expect(m.pending.map((p) => p.what)).toEqual(['open A']); // A is opening: committed
    const identified = outcome(m.sync.identify({ crmCustomerId: 'B' }));
    const again = m.start('A');
    expect(again).not.toBe(first);
    expect(await m.next()).toBe('open A');
    await expect(first).resolves.toEqual({ crmCustomerId: 'A' });
    expect(await m.next()).toBe('write {"crmCustomerId":"A"}');
    expect(identified.v).toBe('SUPERSEDED');
    expect(await m.next()).toBe('open A');
    await expect(again).resolves.toEqual({ crmCustomerId: 'A' });
    expect(m.db()).toEqual({ crmCustomerId: 'A' });
  });

  it('a failed write leaves the target dirty: it is not retried by itself, and the next call rewrites everything', async () => {
    const m = manual();
    const identified = outcome(m.sync.identify({ crmCustomerId: 'A' }));
    await m.next(false);
    expect(identified.v).toBe('COMMAND_REJECTED');
    await m.flush();
    expect(m.pending).toEqual([]);
    const merged = m.sync.merge({ page: '1' });
    expect(await m.next()).toBe('write {"crmCustomerId":"A","page":"1"}');
    await expect(merged).resolves.toBeUndefined();
  });

  it('clearIdentity() cancels a start still waiting for the load: it rejects SUPERSEDED and never opens', async () => {
    const m = manual();
    const started = outcome(m.start('A'));
    expect(await m.next()).toBe('write {"crmCustomerId":"A"}');
    const cleared = m.sync.clear();
    expect(await m.next()).toBe('write {}');
    await expect(cleared).resolves.toBeUndefined();
    m.loaded();
    await m.flush();
    expect(started.v).toBe('SUPERSEDED');
    expect(m.pending).toEqual([]);
    expect(m.db()).toEqual({});
  });
});
