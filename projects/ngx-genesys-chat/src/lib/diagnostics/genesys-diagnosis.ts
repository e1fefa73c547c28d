/** What `diagnose()` can find, each with a fix. */
export type GenesysDiagnosisCode =
  | 'CONFIG_INVALID'
  | 'SCRIPT_HOST_UNREACHABLE'
  | 'SCRIPT_NOT_FOUND'
  | 'AD_BLOCKER_SUSPECTED'
  | 'CSP_BLOCKED'
  | 'TRUSTED_TYPES_BLOCKED'
  | 'DEPLOYMENT_NOT_FOUND'
  | 'DEPLOYMENT_INACTIVE'
  | 'ORIGIN_NOT_ALLOWED'
  | 'DEPLOYMENT_CONFIG_UNREADABLE';

/** One problem found, in the terms of the tutorial's "Common Errors & Debugging". */
export interface GenesysDiagnosisFinding {
  readonly code: GenesysDiagnosisCode;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
}

/** The outcome of `GenesysChatService.diagnose()`. */
export interface GenesysDiagnosis {
  /** True when no check found a problem. */
  readonly ok: boolean;
  readonly findings: readonly GenesysDiagnosisFinding[];
  /** The checks that ran, in order, for the record. */
  readonly checked: readonly string[];
}
