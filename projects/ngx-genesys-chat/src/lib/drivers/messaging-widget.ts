import { type EnvironmentProviders, InjectionToken, makeEnvironmentProviders } from '@angular/core';
import type { ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import type { GenesysChatFeature } from '../config/provide-genesys-chat';

/**
 * The widget shape the "inject CRM customer IDs via startChat()" tutorial describes. No public
 * package has it (`@genesys-cloud/messaging-widget` is not on the registry); a team may have a
 * private one. Typed structurally: the library imports nothing from any such package.
 */
export interface MessagingWidgetLike {
  /** Registers a listener for the widget's `ready` or `error` event. */
  on(event: 'ready' | 'error', listener: (arg?: unknown) => void): void;
  /** True once the widget can start chats. */
  isReady(): boolean;
  /** Starts a chat carrying the custom attributes and the user id. */
  startChat(payload: {
    customAttributes: Record<string, string>;
    user?: { id: string };
  }): Promise<unknown> | unknown;
  /** Tears the widget down; called when the Angular app is destroyed. */
  destroy(): void;
}

/** Creates the widget from the resolved config (called once, on first use, outside Angular's zone). */
export type MessagingWidgetFactory = (config: ResolvedGenesysChatConfig) => MessagingWidgetLike;

/** @internal The factory `withMessagingWidget()` registers; the service picks the widget driver when it is set. */
export const GENESYS_MESSAGING_WIDGET = new InjectionToken<MessagingWidgetFactory>(
  'GENESYS_MESSAGING_WIDGET',
);

/**
 * Drives an object of the tutorial's `MessagingWidget` shape instead of Genesys Messenger:
 *
 * ```ts
 * import { MessagingWidget } from '@your-org/messaging-widget';
 * provideGenesysChat({ deploymentId, region: 'us-east-1' }, withMessagingWidget((config) => new MessagingWidget({ ... })));
 * ```
 * `startChat` then calls `widget.startChat({ customAttributes, user: { id } })` with the same
 * validated attributes, `ready$` still has its timeout, and `widget.destroy()` runs when the app
 * is destroyed.
 */
export function withMessagingWidget(factory: MessagingWidgetFactory): GenesysChatFeature {
  const providers: EnvironmentProviders = makeEnvironmentProviders([
    { provide: GENESYS_MESSAGING_WIDGET, useValue: factory },
  ]);
  return { kind: 'messaging-widget', providers: [providers] };
}
