import type { CustomAttributes } from '../attributes/build-attributes';

/**
 * The bookkeeping records of the ordering model (`AttributeSync`): kept apart so the model file
 * holds only its decisions. A waiter is a call that resolves once the target holds D as of its
 * `version`, and rejects with SUPERSEDED if generation `gen` is replaced first.
 */
export interface Waiter {
  readonly call: string;
  readonly gen: number;
  readonly version: number;
  readonly resolve: (value: never) => void;
  readonly reject: (error: unknown) => void;
}

/** A pending start (`startChat()` / `open()`): a waiter that opens Messenger once in sync. */
export interface Start<R> extends Waiter {
  readonly key: string;
  readonly open: (snapshot: CustomAttributes) => Promise<R>;
  readonly promise: Promise<R>;
  /** Set when its open began: from then on no identity change can supersede it. */
  committed: boolean;
}

/** A new, uncommitted start with its own promise, settled through `resolve` / `reject`. */
export function newStart<R>(
  fields: Pick<Start<R>, 'call' | 'gen' | 'version' | 'key' | 'open'>,
): Start<R> {
  let resolve!: (value: R) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<R>((res, rej) => ((resolve = res), (reject = rej)));
  return {
    ...fields,
    promise,
    committed: false,
    resolve: resolve as (value: never) => void,
    reject,
  };
}
