import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import fc from 'fast-check';
import { GenesysChatService, type StartChatResult } from 'ngx-genesys-chat';
import { FakeGenesys, provideGenesysChatTesting } from 'ngx-genesys-chat/testing';
import { withRouterContext } from './with-router-context';

@Component({ template: '' })
class Blank {}

type Action =
  | { kind: 'navigate'; path: string }
  | { kind: 'start' | 'identify'; id: string }
  | { kind: 'clear' }
  | { kind: 'ready' }
  | { kind: 'destroy' };

const CUSTOMERS = ['CRM-1', 'CRM-2', 'CRM-3'];
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('navigate' as const), path: fc.constantFrom('/a', '/b', '/c') }),
  fc.record({
    kind: fc.constantFrom('start' as const, 'identify' as const),
    id: fc.constantFrom(...CUSTOMERS),
  }),
  fc.constant({ kind: 'clear' as const }),
  fc.constant({ kind: 'ready' as const }),
  fc.constant({ kind: 'destroy' as const }),
);

const flush = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Generated interleavings of navigations, starts, identify/clearIdentity, the ready events and
 * destruction, each followed by 0 to 2 macrotask turns so calls overlap. Checked after every run:
 * a navigation alone never loads Messenger; a resolved start opens with exactly its own customer;
 * a route navigated to before any identity rides with the first identity's Database.set; once settled, Messenger holds the last identity (or none after a clear)
 * and, while an identity is set, the latest route; nothing is sent after destruction; no call
 * rejects with anything but a GenesysChatError.
 */
describe('withRouterContext: generated interleavings', () => {
  it('keeps the ordering model and never loads Messenger by itself', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(actionArb, fc.integer({ min: 0, max: 2 })), { maxLength: 10 }),
        async (steps) => {
          TestBed.resetTestingModule();
          TestBed.configureTestingModule({
            providers: [
              provideRouter([{ path: '**', component: Blank }]),
              provideGenesysChatTesting({
                autoReady: false,
                features: [withRouterContext({ throttleMs: 0 })],
              }),
            ],
          });
          const router = TestBed.inject(Router);
          const chat = TestBed.inject(GenesysChatService);
          const genesys = TestBed.inject(FakeGenesys);
          const routesSoFar: string[] = [];
          const starts: { id: string; promise: Promise<StartChatResult> }[] = [];
          const others: Promise<unknown>[] = [];
          let loads = false;
          let destroyed = false;
          let commandsAtDestroy = 0;
          let identity: string | null | undefined; // undefined: no identity call yet
          let latestRoute: string | null = null;
          let routedBeforeAnyIdentity = false;

          for (const [action, turns] of steps) {
            if (destroyed) break;
            switch (action.kind) {
              case 'navigate':
                await router.navigateByUrl(action.path);
                routesSoFar.push(action.path);
                if (identity === undefined) routedBeforeAnyIdentity = true;
                latestRoute = action.path;
                break;
              case 'start':
                loads = true;
                identity = action.id;
                starts.push({ id: action.id, promise: chat.startChat(action.id) });
                break;
              case 'identify':
                identity = action.id;
                others.push(chat.identify(action.id));
                break;
              case 'clear':
                identity = null;
                others.push(chat.clearIdentity());
                break;
              case 'ready':
                if (genesys.commands.length > 0 || loads) genesys.emitReady();
                break;
              case 'destroy':
                await flush(1);
                commandsAtDestroy = genesys.commands.length;
                destroyed = true;
                TestBed.resetTestingModule();
                break;
            }
            await flush(turns);
          }
          if (!loads && !destroyed) {
            await flush(3);
            expect(genesys.commands).toEqual([]);
          }
          if (!destroyed) {
            genesys.emitReady();
            await flush(8);
          }
          // A destroyed app settles nothing (by design), so outcomes are read, not awaited.
          const results: PromiseSettledResult<unknown>[] = [];
          [...starts.map((x) => x.promise), ...others].forEach((p, i) =>
            p.then(
              (value) => (results[i] = { status: 'fulfilled', value }),
              (reason: unknown) => (results[i] = { status: 'rejected', reason }),
            ),
          );
          await flush(2);
          for (const r of results)
            if (r?.status === 'rejected')
              expect((r.reason as { name?: string }).name).toBe('GenesysChatError');
          starts.forEach((x, i) => {
            const r = results[i];
            if (r?.status !== 'fulfilled') return;
            const attributes = (r.value as StartChatResult).attributes;
            // A route never overwrites a start: the start opens with exactly its own customer,
            // and at most a route that was really navigated to (one that arrived while the
            // engine was still loading may ride along: it is the newer page).
            expect(attributes['crmCustomerId']).toBe(x.id);
            if (attributes['pageRoute'] !== undefined)
              expect(routesSoFar).toContain(attributes['pageRoute']);
          });
          // The route rides with the first Database.set that carries an identity, not a later one.
          const firstSet = genesys.commands.find(
            (c) => c.name === 'Database.set' && JSON.stringify(c.payload).includes('crmCustomerId'),
          );
          if (firstSet && routedBeforeAnyIdentity)
            expect(JSON.stringify(firstSet.payload)).toContain('pageRoute');
          if (destroyed) {
            await flush(3);
            expect(genesys.commands.length).toBe(commandsAtDestroy);
            return;
          }
          if (!loads) return;
          if (identity === null) expect(genesys.attributes['crmCustomerId']).toBeUndefined();
          if (typeof identity === 'string') {
            expect(genesys.attributes['crmCustomerId']).toBe(identity);
            if (latestRoute !== null) expect(genesys.attributes['pageRoute']).toBe(latestRoute);
          }
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);
});
