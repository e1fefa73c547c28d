import { InjectionToken } from '@angular/core';
import type { ResolvedGenesysChatConfig } from 'ngx-genesys-chat';

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

/** @internal The factory `withMessagingWidget()` registers, read by the widget driver. */
export const GENESYS_MESSAGING_WIDGET = new InjectionToken<MessagingWidgetFactory>(
  'GENESYS_MESSAGING_WIDGET',
);
