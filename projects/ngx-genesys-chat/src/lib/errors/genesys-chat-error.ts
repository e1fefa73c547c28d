/** Every way the library can fail. Each code has a documented fix in the README. */
export type GenesysChatErrorCode =
  | 'INVALID_CONFIG'
  | 'NOT_BROWSER'
  | 'SCRIPT_LOAD_FAILED'
  | 'READY_TIMEOUT'
  | 'INVALID_CUSTOMER_ID'
  | 'INVALID_ATTRIBUTES'
  | 'ATTRIBUTES_TOO_LARGE'
  | 'PII_REJECTED'
  | 'COMMAND_REJECTED'
  | 'COMMAND_TIMEOUT'
  | 'MESSENGER_ERROR'
  | 'SUPERSEDED'
  | 'TRUSTED_TYPES_BLOCKED'
  | 'AUTH_FAILED'
  | 'AUTH_CODE_UNAVAILABLE';

/** Extra, machine-readable context. None of it ever holds a customer attribute value. */
export interface GenesysChatErrorDetails {
  /** The Genesys command that failed, for `COMMAND_REJECTED` and `COMMAND_TIMEOUT`. */
  readonly command?: string;
  /** The attribute or config key at fault. Keys are named; values never are. */
  readonly key?: string;
  /** What Genesys passed to the reject callback or published with the error event. */
  readonly reason?: unknown;
}

/**
 * The only error type the library throws, rejects with or emits.
 * `message` says what to check; `code` is stable and meant for `switch` statements.
 */
export class GenesysChatError extends Error {
  override readonly name = 'GenesysChatError';
  readonly command?: string;
  readonly key?: string;
  readonly reason?: unknown;

  constructor(
    readonly code: GenesysChatErrorCode,
    message: string,
    details: GenesysChatErrorDetails = {},
  ) {
    super(`[${code}] ${message}`);
    this.command = details.command;
    this.key = details.key;
    this.reason = details.reason;
  }
}

/** Narrows an unknown caught value, for consumers' `catch` blocks. */
export function isGenesysChatError(value: unknown): value is GenesysChatError {
  return value instanceof GenesysChatError;
}
