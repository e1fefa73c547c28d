import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { GENESYS_CHAT_CONFIG, type GenesysChatConfig } from './genesys-chat-config';
import type { GenesysChatFeature } from './genesys-chat-feature';
import { GenesysChatService } from '../service/genesys-chat.service';

export type { GenesysChatFeature } from './genesys-chat-feature';

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
