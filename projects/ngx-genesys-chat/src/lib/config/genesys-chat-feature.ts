import { InjectionToken, type EnvironmentProviders, type Provider } from '@angular/core';
import type { ChatEngine, ChatEngineHost } from '../service/chat-engine';

/** An optional feature for `provideGenesysChat`, made by a `with...()` function. */
export interface GenesysChatFeature {
  readonly kind: string;
  readonly providers: readonly (Provider | EnvironmentProviders)[];
}

/** Imports a driver's chunk and returns how to create it. */
export type ɵChatEngineLoader = () => Promise<(host: ChatEngineHost) => ChatEngine>;

/**
 * @internal Replaces the default Messenger driver. Set by a feature such as
 * `withMessagingWidget()` from `ngx-genesys-chat/messaging-widget`; the core knows no driver but its own.
 */
export const ɵGENESYS_CHAT_ENGINE = new InjectionToken<ɵChatEngineLoader>('ɵGENESYS_CHAT_ENGINE');

/**
 * @internal When true, every public async call of `GenesysChatService` is an Angular pending task,
 * so `await fixture.whenStable()` waits for it. Set by `provideGenesysChatTesting()` only: an app
 * must not let chat calls hold its stability (and hydration).
 */
export const ɵGENESYS_CHAT_PENDING_TASKS = new InjectionToken<boolean>(
  'ɵGENESYS_CHAT_PENDING_TASKS',
  { factory: () => false },
);
