/**
 * A failure to verify at all: usage (bad arguments, refused host: nothing was sent), auth,
 * not found, network. The message states how to fix it and never contains a secret or a token.
 */
export class VerifyError extends Error {
  override readonly name = 'VerifyError';
  constructor(
    readonly kind: 'auth' | 'not-found' | 'network' | 'usage',
    message: string,
  ) {
    super(message);
  }
}
