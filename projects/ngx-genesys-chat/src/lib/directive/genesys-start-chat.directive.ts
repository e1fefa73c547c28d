import {
  Directive,
  ElementRef,
  NgZone,
  Renderer2,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';
import type { StartChatResult } from '../service/genesys-chat-types';

/**
 * Starts a CRM-attributed chat when its host is activated.
 *
 * ```html
 * <button [genesysStartChat]="customer" [genesysChatAttributes]="{ source: 'web-portal' }"
 *         (chatStarted)="..." (chatError)="...">Chat with us</button>
 * ```
 * While the chat starts it sets `aria-busy`, disables a button host and ignores further activations.
 * On a host that is not a button it also answers Enter and Space, and gets `role="button"` and
 * `tabindex="0"` unless the host has its own.
 */
@Directive({
  selector: '[genesysStartChat]',
  exportAs: 'genesysStartChat',
  host: {
    '(click)': 'start()',
    '(keydown.enter)': 'onKey($event)',
    '(keydown.space)': 'onKey($event)',
    '[attr.aria-busy]': 'busy() ? "true" : null',
  },
})
export class GenesysStartChatDirective {
  private readonly chat = inject(GenesysChatService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly renderer = inject(Renderer2);
  private readonly zone = inject(NgZone);
  private readonly isButton = this.host.tagName === 'BUTTON';
  private wasDisabled = false;

  /** The customer: a `CrmCustomer` or a CRM id string. */
  readonly customer = input.required<CrmCustomer | string>({ alias: 'genesysStartChat' });
  /** Attributes added for this chat, such as `{ source: 'web-portal' }`. */
  readonly attributes = input<GenesysAttributes | undefined>(undefined, {
    alias: 'genesysChatAttributes',
  });
  /** An optional first message sent on the customer's behalf. */
  readonly message = input<string | undefined>(undefined, { alias: 'genesysChatMessage' });

  /** Emits once Genesys confirmed the attributes and Messenger opened. */
  readonly chatStarted = output<StartChatResult>();
  /** Emits the typed error when the chat could not start. */
  readonly chatError = output<GenesysChatError>();

  /** True while a chat is starting. */
  readonly busy = signal(false);

  constructor() {
    if (!this.isButton) {
      if (!this.host.hasAttribute('role')) this.renderer.setAttribute(this.host, 'role', 'button');
      if (!this.host.hasAttribute('tabindex'))
        this.renderer.setAttribute(this.host, 'tabindex', '0');
    }
  }

  /** Starts the chat; ignored while one is starting. */
  start(): void {
    if (this.busy()) return;
    this.setBusy(true);
    const options = { attributes: this.attributes(), message: this.message() };
    // Outcomes are delivered inside the zone so (chatStarted) handlers re-render zone.js apps.
    this.chat.startChat(this.customer(), options).then(
      (result) =>
        this.zone.run(() => {
          this.setBusy(false);
          this.chatStarted.emit(result);
        }),
      (error: unknown) =>
        this.zone.run(() => {
          this.setBusy(false);
          this.chatError.emit(
            error instanceof GenesysChatError
              ? error
              : new GenesysChatError('MESSENGER_ERROR', String(error)),
          );
        }),
    );
  }

  protected onKey(event: Event): void {
    // A button already turns Enter and Space into a click.
    if (this.isButton) return;
    event.preventDefault();
    this.start();
  }

  private setBusy(busy: boolean): void {
    this.busy.set(busy);
    if (!this.isButton) return;
    const button = this.host as HTMLButtonElement;
    if (busy) {
      this.wasDisabled = button.disabled;
      this.renderer.setProperty(button, 'disabled', true);
    } else {
      this.renderer.setProperty(button, 'disabled', this.wasDisabled);
    }
  }
}
