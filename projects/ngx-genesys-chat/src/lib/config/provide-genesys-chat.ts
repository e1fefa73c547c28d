import {
  type EnvironmentProviders,
  type Provider,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { GENESYS_CHAT_CONFIG, type GenesysChatConfig } from './genesys-chat-config';
import { GenesysChatService } from '../service/genesys-chat.service';

/** An optional feature for {@link provideGenesysChat}, made by a `with...()` function. */
export interface GenesysChatFeature {
  readonly kind: string;
  readonly providers: readonly (Provider | EnvironmentProviders)[];
}

/**
 * Configures the page's Messenger deployment and starts its load strategy.
 *
 * ```ts
 * bootstrapApplication(App, { providers: [provideGenesysChat({ deploymentId, region: 'eu-west-1' })] });
 * ```
 * The config is validated when first used; a mistake surfaces as `INVALID_CONFIG` from `ready$`,
 * `load()` and `startChat()` instead of breaking the app's bootstrap.
 */
export function provideGenesysChat(
  config: GenesysChatConfig,
  ...features: GenesysChatFeature[]
): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: GENESYS_CHAT_CONFIG, useValue: config },
    ...features.flatMap((feature) => feature.providers),
    provideEnvironmentInitializer(() => inject(GenesysChatService).scheduleConfiguredLoad()),
  ]);
}
