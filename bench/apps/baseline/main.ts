// (a) Baseline: the same page with no chat at all.
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Checkout</h1>
    <p>Chat: {{ status() }}</p>
    <button type="button">Chat with us</button>`,
})
class App {
  protected readonly status = signal('unavailable');
}

performance.mark('bootstrap-start');
bootstrapApplication(App).then(() => performance.measure('bootstrap', 'bootstrap-start'));
