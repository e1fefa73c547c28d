export {
  verifyConversation,
  formatResult,
  VerifyError,
  type VerifyOptions,
  type VerifyResult,
  type VerifyRow,
  type VerifyTarget,
} from './verify';
