import { InjectionToken, inject, provideEnvironmentInitializer } from '@angular/core';
import type { GenesysChatFeature } from '../config/genesys-chat-feature';
import { invalidConfig } from '../errors/invalid-config';
import { GENESYS_AUTH_CODE_SOURCE, type GenesysAuthCodeSourceRef } from './auth-code-source';
import { ɵGENESYS_AUTH_SETTINGS } from './auth-settings';
import { GenesysChatAuth } from './genesys-chat-auth';

/** Options of {@link withAuthenticatedMessaging}. */
export interface AuthenticatedMessagingOptions {
  /** Where the codes come from: an injectable class or a token for a {@link GenesysAuthCodeSource}. */
  readonly source: GenesysAuthCodeSourceRef;
  /**
   * Headless mode with autoStart: only configure the session, and join with
   * `GenesysChatAuth.joinConversation()` when your chat UI opens.
   * UNCONFIRMED (reference §4a, source S): `AuthProvider.data('settings', {headless:{configureOnly:true}})`.
   */
  readonly headless?: { readonly configureOnly?: boolean };
}

/**
 * Verified identity: registers Messenger's `AuthProvider` plugin once per page (browser only,
 * before Messenger loads), answers `getAuthCode` / `reAuthenticate` from `options.source`, and
 * provides {@link GenesysChatAuth}. The deployment must have Authentication on (reference §4a).
 *
 * ```ts
 * provideGenesysChat({ deploymentId, region: 'eu-west-1' },
 *   withAuthenticatedMessaging({ source: MyOidcAuthCodeSource }));
 * ```
 * Throws `INVALID_CONFIG` at once when `source` is not a class or an InjectionToken.
 */
export function withAuthenticatedMessaging(
  options: AuthenticatedMessagingOptions,
): GenesysChatFeature {
  const source = (options as Partial<AuthenticatedMessagingOptions> | null)?.source;
  if (typeof source !== 'function' && !(source instanceof InjectionToken)) {
    throw invalidConfig(
      'source',
      'of withAuthenticatedMessaging() must be an injectable class or an InjectionToken of a GenesysAuthCodeSource.',
    );
  }
  return {
    kind: 'authenticated-messaging',
    providers: [
      { provide: GENESYS_AUTH_CODE_SOURCE, useFactory: () => inject(source) },
      {
        provide: ɵGENESYS_AUTH_SETTINGS,
        useValue: { configureOnly: options.headless?.configureOnly === true },
      },
      GenesysChatAuth,
      provideEnvironmentInitializer(() => inject(GenesysChatAuth).ɵregister()),
    ],
  };
}
