// (c) The same feature the way the Angular chat-widget wrappers do it: @supy-io/ngx-intercom
// (the maintained fork of ng-intercom). forRoot config, boot with the identity, then show;
// status from its callbacks.
import { ChangeDetectionStrategy, Component, importProvidersFrom, inject, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { Intercom, IntercomModule } from '@supy-io/ngx-intercom';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Checkout</h1>
    <p>Chat: {{ status() }}</p>
    <button type="button" (click)="open()">Chat with us</button>`,
})
class App {
  private readonly intercom = inject(Intercom);
  protected readonly status = signal('idle');

  constructor() {
    this.intercom.onShow(() => this.status.set('open'));
    this.intercom.onHide(() => this.status.set('ready'));
  }

  open(): void {
    this.status.set('starting');
    this.intercom.boot({ app_id: 'abc123', user_id: 'CRM-12345-XYZ', tier: 'premium', source: 'web-portal' } as never);
    this.intercom.show();
  }
}

performance.mark('bootstrap-start');
bootstrapApplication(App, {
  providers: [importProvidersFrom(IntercomModule.forRoot({ appId: 'abc123', updateOnRouterChange: false }))],
}).then(() => performance.measure('bootstrap', 'bootstrap-start'));
