import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import {
  type GenesysChatFeature,
  type ɵChatEngineHost,
  ɵGENESYS_CHAT_ENGINE,
  ɵloadEngineKit,
} from 'ngx-genesys-chat';

import { GENESYS_MESSAGING_WIDGET, type MessagingWidgetFactory } from './messaging-widget-types';

export type { MessagingWidgetFactory, MessagingWidgetLike } from './messaging-widget-types';

/**
 * Drives an object of the tutorial's `MessagingWidget` shape instead of Genesys Messenger:
 *
 * ```ts
 * import { withMessagingWidget } from 'ngx-genesys-chat/messaging-widget';
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
    // The driver's chunk is imported on first use, like the Messenger engine, with the engine
    // kit (its run-time helpers; see docs/performance.md on why they are not value exports).
    {
      provide: ɵGENESYS_CHAT_ENGINE,
      useValue: () =>
        Promise.all([import('./messaging-widget-engine'), ɵloadEngineKit()]).then(
          ([m, kit]) =>
            (host: ɵChatEngineHost) =>
              new m.MessagingWidgetEngine(host, kit),
        ),
    },
  ]);
  return { kind: 'messaging-widget', providers: [providers] };
}
