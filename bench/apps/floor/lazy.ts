// The lazy half of the floor app (main.ts): readiness bounded by RxJS `timeout`, as issue 10
// item 6 requires of the library's engine.
import { Observable, timeout } from 'rxjs';

const ready = new Observable<void>((subscriber) => {
  const w = window as unknown as { floorReady?: () => void };
  w.floorReady = () => subscriber.next();
});

export function ready$(): Observable<void> {
  return ready.pipe(timeout(15000));
}

export function startChat(customer: unknown): void {
  (window as unknown as { floorCustomer?: unknown }).floorCustomer = customer;
}
