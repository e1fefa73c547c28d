// (e) The floor: what issue 10's own requirements put into an app's initial chunk, with no chat
// logic at all. The same page as (b), built from what the issue asks the library's public surface
// to be: a root service with a status signal, a BehaviorSubject status$ and a ready$ composed with
// defer/switchMap over a lazy chunk (item 1) that bounds readiness with RxJS `timeout` (item 6);
// a provideX() returning EnvironmentProviders with an initializer; a directive with
// input.required, two aliased inputs and two output()s (item 3). Whatever (e) adds over (a), no
// implementation of that surface can add less under the Angular CLI's esbuild.
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  ElementRef,
  Injectable,
  inject,
  input,
  makeEnvironmentProviders,
  output,
  provideEnvironmentInitializer,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { BehaviorSubject, defer, switchMap, type Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
class FloorChat {
  readonly status = signal('idle');
  readonly status$ = new BehaviorSubject('idle');
  readonly ready$: Observable<void> = defer(() => import('./lazy')).pipe(
    switchMap((lazy) => lazy.ready$()),
  );
  async startChat(customer: unknown): Promise<void> {
    (await import('./lazy')).startChat(customer);
  }
}

@Directive({ selector: '[floorStartChat]' })
class FloorStartChat {
  readonly customer = input.required<{ id: string; tier: string }>({ alias: 'floorStartChat' });
  readonly attributes = input<Record<string, string> | undefined>(undefined, {
    alias: 'floorChatAttributes',
  });
  readonly message = input<string | undefined>(undefined, { alias: 'floorChatMessage' });
  readonly chatStarted = output<unknown>();
  readonly chatError = output<unknown>();
  protected readonly chat = inject(FloorChat);
  protected readonly host: HTMLElement = inject(ElementRef).nativeElement;
}

function provideFloorChat() {
  return makeEnvironmentProviders([provideEnvironmentInitializer(() => void inject(FloorChat))]);
}

@Component({
  selector: 'app-root',
  imports: [FloorStartChat],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Checkout</h1>
    <p>Chat: {{ chat.status() }}</p>
    <button
      type="button"
      [floorStartChat]="customer"
      [floorChatAttributes]="{ source: 'web-portal' }"
    >
      Chat with us
    </button>`,
})
class App {
  protected readonly chat = inject(FloorChat);
  protected readonly customer = { id: 'CRM-12345-XYZ', tier: 'premium' };
}

performance.mark('bootstrap-start');
bootstrapApplication(App, { providers: [provideFloorChat()] }).then(() =>
  performance.measure('bootstrap', 'bootstrap-start'),
);
