import { InjectionToken } from '@angular/core';
import type { GenesysChatOperation } from './telemetry-types';

/** How the service hands a call to the telemetry feature. */
export interface TelemetryTracker {
  track<T>(operation: GenesysChatOperation, call: Promise<T>): Promise<T>;
}

/**
 * Set only by `withChatTelemetry()`. The service reads this token and nothing else of the
 * telemetry code, so an app without the feature ships none of it.
 */
export const ɵGENESYS_CHAT_TELEMETRY = new InjectionToken<TelemetryTracker>(
  'ɵGENESYS_CHAT_TELEMETRY',
);
