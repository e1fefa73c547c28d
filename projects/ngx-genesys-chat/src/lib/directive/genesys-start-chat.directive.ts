import {
  Directive,
  ElementRef,
  NgZone,
  type OnDestroy,
  PLATFORM_ID,
  type Signal,
  type WritableSignal,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import type { CrmCustomer, GenesysAttributes } from '../attributes/crm-customer';
import { GenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';
import type { StartChatResult } from '../service/genesys-chat-types';
import { type Activatable, registerActivation, unregisterActivation } from './delegated-activation';
import { typedIntoField } from './typed-into-field';
import { enterZone } from '../service/zone-entry';

/**
 * Starts a CRM-attributed chat when its host is activated.
 *
 * ```html
 * <button [genesysStartChat]="customer" [genesysChatAttributes]="{ source: 'web-portal' }"
 *         (chatStarted)="onStarted($event)" (chatError)="onError($event)">Chat with us</button>
 * ```
 * While the chat starts it sets `aria-busy`, disables a button host and ignores further activations.
 * On a host that is not a button it also answers Enter and Space (not those typed into a field
 * inside it), and gets `role="button"` and `tabindex="0"` unless the host has its own. A host
 * with `aria-disabled="true"` does not start a chat.
 *
 * Pages render it by the thousand (a row per customer), so an instance holds plain fields and its
 * inputs and outputs, adds no event listener of its own (activations are delegated, see
 * `registerActivation`), no closure and no binding that needs change detection; the busy state is
 * written to the DOM only when it changes, and its signal exists only once something reads it.
 */
@Directive({
  selector: '[genesysStartChat]',
  exportAs: 'genesysStartChat',
  // A static class: set once at creation, for styling and for GenesysStartChatHarness.
  host: { class: 'genesys-start-chat' },
})
export class GenesysStartChatDirective implements Activatable, OnDestroy {
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

  private readonly chat = inject(GenesysChatService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly zone = inject(NgZone);
  private starting = false;
  private wasDisabled = false;
  private destroyed = false;
  private busySignal: WritableSignal<boolean> | undefined;

  constructor() {
    if (!this.isButton()) {
      if (!this.host.hasAttribute('role')) this.host.setAttribute('role', 'button');
      if (!this.host.hasAttribute('tabindex')) this.host.setAttribute('tabindex', '0');
    }
    // No listeners on the server: nothing is ever clicked there.
    if (isPlatformBrowser(inject(PLATFORM_ID))) registerActivation(this.host, this, this.zone);
  }

  /**
   * True while a chat is starting. A signal, so `{{ sc.busy() }}` (with `#sc="genesysStartChat"`)
   * updates under zoneless change detection. Created on first read: rows that never read it pay nothing.
   */
  get busy(): Signal<boolean> {
    return (this.busySignal ??= signal(this.starting)).asReadonly();
  }

  /** Starts the chat; ignored while one is starting, and on an `aria-disabled="true"` host. */
  start(): void {
    if (this.starting || this.destroyed || this.host.getAttribute('aria-disabled') === 'true') {
      return;
    }
    this.setBusy(true);
    const options = { attributes: this.attributes(), message: this.message() };
    this.chat.startChat(this.customer(), options).then(
      (result) => this.finish(() => this.chatStarted.emit(result)),
      (error: unknown) =>
        this.finish(() =>
          this.chatError.emit(
            error instanceof GenesysChatError
              ? error
              : new GenesysChatError('MESSENGER_ERROR', String(error)),
          ),
        ),
    );
  }

  /** @internal Called by the delegated listener for a click or a key press on the host or inside it. */
  activate(event: Event): void {
    if (event.type === 'click') {
      this.start();
      return;
    }
    // A button already turns Enter and Space into a click; keys typed into a field are the user's.
    const key = (event as KeyboardEvent).key;
    if ((key !== 'Enter' && key !== ' ') || this.isButton()) return;
    if (typedIntoField(event.target, this.host)) return;
    event.preventDefault(); // no page scroll on Space
    this.start();
  }

  /** @internal */
  ngOnDestroy(): void {
    // A lifecycle hook, not a DestroyRef callback: Angular keeps hooks per template, not per instance.
    this.destroyed = true;
    unregisterActivation(this.host);
  }

  /** Delivers an outcome inside the zone (so handlers re-render zone.js apps), unless destroyed meanwhile. */
  private finish(emit: () => void): void {
    // A destroyed directive's outputs throw away what they get, with NG0953; its host is gone.
    if (this.destroyed) return;
    enterZone(this.zone, () => {
      this.setBusy(false);
      emit();
    })();
  }

  private isButton(): boolean {
    return this.host.tagName === 'BUTTON';
  }

  private setBusy(busy: boolean): void {
    this.starting = busy;
    this.busySignal?.set(busy);
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
