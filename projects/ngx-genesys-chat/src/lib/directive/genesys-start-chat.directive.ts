import { Directive, ElementRef, Input, NgZone, PLATFORM_ID, inject, output } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';
import type { StartChatResult } from '../service/genesys-chat-types';
import { type Activatable, registerActivation } from './delegated-activation';

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
 *
 * Pages render it by the thousand (a row per customer), so an instance holds plain fields, adds no
 * event listener of its own (activations are delegated, see `registerActivation`) and no binding
 * that needs change detection; the busy state is written to the DOM only when it changes.
 */
@Directive({
  selector: '[genesysStartChat]',
  exportAs: 'genesysStartChat',
  // A static class: set once at creation, for styling and for GenesysStartChatHarness.
  host: { class: 'genesys-start-chat' },
})
export class GenesysStartChatDirective implements Activatable {
  private readonly chat = inject(GenesysChatService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly zone = inject(NgZone);
  private starting = false;
  private wasDisabled = false;

  /** The customer: a `CrmCustomer` or a CRM id string. */
  @Input({ alias: 'genesysStartChat', required: true }) customer!: CrmCustomer | string;
  /** Attributes added for this chat, such as `{ source: 'web-portal' }`. */
  @Input('genesysChatAttributes') attributes: GenesysAttributes | undefined;
  /** An optional first message sent on the customer's behalf. */
  @Input('genesysChatMessage') message: string | undefined;

  /** Emits once Genesys confirmed the attributes and Messenger opened. */
  readonly chatStarted = output<StartChatResult>();
  /** Emits the typed error when the chat could not start. */
  readonly chatError = output<GenesysChatError>();

  constructor() {
    if (!this.isButton()) {
      if (!this.host.hasAttribute('role')) this.host.setAttribute('role', 'button');
      if (!this.host.hasAttribute('tabindex')) this.host.setAttribute('tabindex', '0');
    }
    // No listeners on the server: nothing is ever clicked there.
    if (isPlatformBrowser(inject(PLATFORM_ID))) registerActivation(this.host, this, this.zone);
  }

  /** True while a chat is starting. */
  get busy(): boolean {
    return this.starting;
  }

  /** Starts the chat; ignored while one is starting. */
  start(): void {
    if (this.starting) return;
    this.setBusy(true);
    const options = { attributes: this.attributes, message: this.message };
    // Outcomes are delivered inside the zone so (chatStarted) handlers re-render zone.js apps.
    this.chat.startChat(this.customer, options).then(
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

  /** @internal Called by the delegated listener for a click or a key press on the host or inside it. */
  activate(event: Event): void {
    if (event.type === 'click') {
      this.start();
      return;
    }
    // A button already turns Enter and Space into a click.
    const key = (event as KeyboardEvent).key;
    if ((key !== 'Enter' && key !== ' ') || this.isButton()) return;
    event.preventDefault();
    this.start();
  }

  private isButton(): boolean {
    return this.host.tagName === 'BUTTON';
  }

  private setBusy(busy: boolean): void {
    this.starting = busy;
    if (busy) this.host.setAttribute('aria-busy', 'true');
    else this.host.removeAttribute('aria-busy');
    if (!this.isButton()) return;
    const button = this.host as HTMLButtonElement;
    if (busy) {
      this.wasDisabled = button.disabled;
      button.disabled = true;
    } else {
      button.disabled = this.wasDisabled;
    }
  }
}
