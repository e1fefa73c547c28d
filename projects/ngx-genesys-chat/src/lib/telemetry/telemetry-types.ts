import type { GenesysChatErrorCode } from '../errors/genesys-chat-error';

/** The calls whose outcome `withChatTelemetry()` reports. */
export type GenesysChatOperation =
  'load' | 'startChat' | 'open' | 'setAttributes' | 'identify' | 'clearIdentity';

/**
 * What `withChatTelemetry()` reports, for the host's own monitoring. Durations in milliseconds
 * (`performance.now()`); never an attribute value, a customer id or a message text.
 */
export type GenesysChatTelemetryEvent =
  /** Messenger became ready: from the start of the load attempt. */
  | { readonly type: 'ready'; readonly ms: number }
  /** A retry: a load started again after a failed one (`attempt` counts from 1). */
  | { readonly type: 'retry'; readonly attempt: number }
  /** `startChat()` or `open()` opened Messenger: from the call (the click) to the panel opening. */
  | { readonly type: 'opened'; readonly operation: 'startChat' | 'open'; readonly ms: number }
  /** A call failed: its typed error's code only. */
  | {
      readonly type: 'failed';
      readonly operation: GenesysChatOperation;
      readonly code: GenesysChatErrorCode;
      readonly ms: number;
    };

/** Receives the telemetry events; an exception it throws is caught and ignored. */
export type GenesysChatTelemetryHandler = (event: GenesysChatTelemetryEvent) => void;
