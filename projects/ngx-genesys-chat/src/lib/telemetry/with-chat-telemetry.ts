import { DestroyRef, inject, provideEnvironmentInitializer } from '@angular/core';
import type { GenesysChatFeature } from '../config/genesys-chat-feature';
import { isGenesysChatError } from '../errors/genesys-chat-error';
import { GenesysChatService } from '../service/genesys-chat.service';
import { ɵGENESYS_CHAT_TELEMETRY, type TelemetryTracker } from './telemetry-token';
import type { GenesysChatTelemetryEvent, GenesysChatTelemetryHandler } from './telemetry-types';

/**
 * Reports time to ready, time from a start (the click) to the open panel, failure codes and
 * retries to `handler`, for the host's own monitoring. Codes, operation names and durations
 * only: never an attribute value.
 *
 * ```ts
 * provideGenesysChat({ deploymentId, region: 'eu-west-1' },
 *   withChatTelemetry((e) => myMonitoring.record('genesys-chat', e)));
 * ```
 */
export function withChatTelemetry(handler: GenesysChatTelemetryHandler): GenesysChatFeature {
  const emit = (event: GenesysChatTelemetryEvent) => {
    try {
      handler(event);
    } catch {
      // The host's monitoring must never break its chat.
    }
  };
  const tracker: TelemetryTracker = {
    track(operation, call) {
      const t0 = performance.now();
      call.then(
        () => {
          if (operation === 'startChat' || operation === 'open')
            emit({ type: 'opened', operation, ms: performance.now() - t0 });
        },
        (error: unknown) => {
          if (isGenesysChatError(error))
            emit({ type: 'failed', operation, code: error.code, ms: performance.now() - t0 });
        },
      );
      return call;
    },
  };
  return {
    kind: 'chat-telemetry',
    providers: [
      { provide: ɵGENESYS_CHAT_TELEMETRY, useValue: tracker },
      provideEnvironmentInitializer(() => {
        let previous = 'idle';
        let loadingSince = 0;
        let retries = 0;
        const subscription = inject(GenesysChatService).status$.subscribe((status) => {
          if (status === 'loading') {
            loadingSince = performance.now();
            if (previous === 'failed') emit({ type: 'retry', attempt: ++retries });
          } else if (status === 'ready' && previous === 'loading') {
            emit({ type: 'ready', ms: performance.now() - loadingSince });
          }
          previous = status;
        });
        inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
      }),
    ],
  };
}
