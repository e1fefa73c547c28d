// The runtime lab: click-to-open A/B, 1,000 buttons, mount/unmount and whole-app create/destroy.
// Driven from bench/*.mjs through window.benchLab.
import {
  type ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  Directive,
  ElementRef,
  Injector,
  Input,
  afterNextRender,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import {
  GenesysChatService,
  GenesysStartChatDirective,
  provideGenesysChat,
} from 'ngx-genesys-chat';

type GenesysFn = (...args: unknown[]) => void;
type Kind = 'directive' | 'surface' | 'bare' | 'plain';
const noop = () => undefined;
const customer = { id: 'CRM-12345-XYZ', tier: 'premium' };
const attributes = { source: 'web-portal' };

@Component({
  selector: 'lab-chat-row',
  imports: [GenesysStartChatDirective],
  template: `<button type="button" [genesysStartChat]="'CRM-ROW-1'">Chat</button>`,
})
class ChatRow {}

/**
 * The floor for the scale benchmark: the least any attribute directive costs per element (an
 * instance, its node-injector slots and one plain input), so the report can tell what Angular
 * itself adds from what the library's directive adds on top.
 */
@Directive({ selector: '[labBare]' })
class BareDirective {
  @Input() labBare = '';
}

/**
 * The second floor: the public surface issue 10 item 3 requires of `[genesysStartChat]` and
 * nothing else (`input.required` and two aliased `input`s, two `output()`s, the service and the
 * host injected), with no behaviour. What it costs beyond a plain button is what Angular charges
 * for that API; no implementation of it can cost less.
 */
@Directive({ selector: '[labSurface]' })
class SurfaceDirective {
  readonly customer = input.required<string>({ alias: 'labSurface' });
  readonly attributes = input<Record<string, string> | undefined>(undefined, {
    alias: 'labSurfaceAttributes',
  });
  readonly message = input<string | undefined>(undefined, { alias: 'labSurfaceMessage' });
  readonly chatStarted = output<unknown>();
  readonly chatError = output<unknown>();
  protected readonly chat = inject(GenesysChatService);
  protected readonly host: HTMLElement = inject(ElementRef).nativeElement;
}

/** The control for the leak benchmark: the same row without the directive. */
@Component({
  selector: 'lab-plain-row',
  template: `<button type="button">Chat</button>`,
})
class PlainRow {}

/** The control app for the create/destroy benchmark: no chat at all. */
@Component({
  selector: 'app-root',
  template: `<p>no chat</p>`,
})
class PlainLab {}

@Component({
  selector: 'app-root',
  imports: [GenesysStartChatDirective, SurfaceDirective, BareDirective, ChatRow, PlainRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p id="status">{{ chat.status() }}</p>
    <button
      id="directive"
      type="button"
      [genesysStartChat]="customer"
      [genesysChatAttributes]="attributes"
    >
      Directive
    </button>
    <button id="manual" type="button" (click)="handWritten()">Hand-written</button>
    @if (mounted() === 'directive') {
      <lab-chat-row />
    } @else if (mounted() === 'plain') {
      <lab-plain-row />
    }
    <div id="grid">
      @for (i of items(); track i) {
        @if (kind() === 'directive') {
          <button type="button" [genesysStartChat]="'CRM-' + i">Chat {{ i }}</button>
        } @else if (kind() === 'surface') {
          <button type="button" [labSurface]="'CRM-' + i">Chat {{ i }}</button>
        } @else if (kind() === 'bare') {
          <button type="button" [labBare]="'CRM-' + i">Chat {{ i }}</button>
        } @else {
          <button type="button">Chat {{ i }}</button>
        }
      }
    </div>
  `,
})
class Lab {
  protected readonly chat = inject(GenesysChatService);
  private readonly injector = inject(Injector);
  protected readonly customer = customer;
  protected readonly attributes = attributes;
  protected readonly items = signal<number[]>([]);
  protected readonly kind = signal<Kind>('plain');
  protected readonly mounted = signal<'directive' | 'plain' | null>(null);

  /** The same sequence written by hand: Database.set, then Messenger.open once it resolved. */
  handWritten(): void {
    const genesys = () => (window as unknown as { Genesys: GenesysFn }).Genesys;
    genesys()(
      'command',
      'Database.set',
      {
        messaging: {
          customAttributes: {
            crmCustomerId: customer.id,
            customerTier: customer.tier,
            ...attributes,
          },
        },
      },
      () => genesys()('command', 'Messenger.open', {}, noop, noop),
      noop,
    );
  }

  render(kind: Kind, n: number): Promise<number> {
    const t0 = performance.now();
    this.kind.set(kind);
    this.items.set(Array.from({ length: n }, (_, i) => i));
    return new Promise((resolve) =>
      afterNextRender(() => resolve(performance.now() - t0), { injector: this.injector }),
    );
  }

  toggleRow(row: 'directive' | 'plain' | null): Promise<void> {
    this.mounted.set(row);
    return new Promise((resolve) => afterNextRender(() => resolve(), { injector: this.injector }));
  }
}

const emulator = new URLSearchParams(location.search).get('emulator') ?? 'http://127.0.0.1:8787';
let app: ApplicationRef | null = null;

async function create(withChat = true): Promise<void> {
  if (!document.querySelector('app-root')) document.body.append(document.createElement('app-root'));
  if (!withChat) {
    app = await bootstrapApplication(PlainLab);
    return;
  }
  app = await bootstrapApplication(Lab, {
    providers: [
      provideGenesysChat({
        deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
        region: 'eu-west-1',
        load: 'interaction',
        scriptUrl: `${emulator}/genesys-bootstrap/genesys.min.js`,
      }),
    ],
  });
}

function lab(): Lab {
  return app!.components[0].instance as Lab;
}

(window as unknown as { benchLab: unknown }).benchLab = {
  create,
  destroy: () => {
    app?.destroy();
    app = null;
  },
  load: () => app!.injector.get(GenesysChatService).load(),
  render: (kind: Kind, n: number) => lab().render(kind, n),
  toggleRow: (row: 'directive' | 'plain' | null) => lab().toggleRow(row),
};

void create();
