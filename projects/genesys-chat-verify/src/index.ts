export {
  verifyConversation,
  VerifyError,
  type VerifyOptions,
  type VerifyResult,
  type VerifyRow,
  type VerifyTarget,
} from './verify';
export { formatResult } from './format';
export { resolveTarget, isLoopback, HOST_RULE, type Endpoint } from './target';
export { API_REGIONS, type ApiRegion } from './regions';
export { escapeControl } from './sanitize';
