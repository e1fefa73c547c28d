import { type ModuleWithProviders, NgModule } from '@angular/core';
import { GenesysStartChatDirective } from '../directive/genesys-start-chat.directive';
import type { GenesysChatConfig } from './genesys-chat-config';
import type { GenesysChatFeature } from './genesys-chat-feature';
import { provideGenesysChat } from './provide-genesys-chat';

/**
 * For NgModule apps: `GenesysChatModule.forRoot(config)` once in the root module, plain
 * `GenesysChatModule` wherever the `[genesysStartChat]` directive is used.
 */
@NgModule({
  imports: [GenesysStartChatDirective],
  exports: [GenesysStartChatDirective],
})
export class GenesysChatModule {
  /** Configures the page's Messenger deployment once, in the root module; see `provideGenesysChat`. */
  static forRoot(
    config: GenesysChatConfig,
    ...features: GenesysChatFeature[]
  ): ModuleWithProviders<GenesysChatModule> {
    return { ngModule: GenesysChatModule, providers: [provideGenesysChat(config, ...features)] };
  }
}
