// (d) No library: the deployment snippet by hand, plus Genesys() calls.
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

type GenesysFn = ((...args: unknown[]) => void) & { q?: unknown[]; t?: number; c?: object };
const w = window as unknown as { Genesys?: GenesysFn; _genesysJs?: string };

function loadGenesys(src: string, environment: string, deploymentId: string): void {
  w._genesysJs = 'Genesys';
  w.Genesys =
    w.Genesys ||
    (function (this: unknown) {
      // eslint-disable-next-line prefer-rest-params
      (w.Genesys!.q = w.Genesys!.q || []).push(arguments);
    } as GenesysFn);
  w.Genesys.t = Date.now();
  w.Genesys.c = { environment, deploymentId };
  const script = document.createElement('script');
  script.async = true;
  script.src = src;
  script.charset = 'utf-8';
  document.head.appendChild(script);
}

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Checkout</h1>
    <p>Chat: {{ status() }}</p>
    <button type="button" (click)="open()">Chat with us</button>`,
})
class App {
  protected readonly status = signal('idle');

  constructor() {
    const emulator = new URLSearchParams(location.search).get('emulator') ?? 'http://127.0.0.1:8787';
    const load = () => {
      loadGenesys(`${emulator}/genesys-bootstrap/genesys.min.js`, 'prod-euw1', '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f');
      w.Genesys!('subscribe', 'Messenger.ready', () => this.status.set('ready'));
      w.Genesys!('subscribe', 'Messenger.opened', () => this.status.set('open'));
    };
    if (document.readyState === 'complete') load();
    else addEventListener('load', load, { once: true });
  }

  open(): void {
    this.status.set('starting');
    w.Genesys!(
      'command',
      'Database.set',
      { messaging: { customAttributes: { crmCustomerId: 'CRM-12345-XYZ', customerTier: 'premium', source: 'web-portal' } } },
      () => w.Genesys!('command', 'Messenger.open', {}),
      () => this.status.set('failed'),
    );
  }
}

performance.mark('bootstrap-start');
bootstrapApplication(App).then(() => performance.measure('bootstrap', 'bootstrap-start'));
