import { type AttemptFailure, backoffDelay, type HttpMethod, isRetryable, type ResolvedRetryOptions } from '../retry';

/** Everything the retry decision looks at. */
export interface RetryState {
  readonly method: HttpMethod;
  /** What went wrong with the attempt that just ended. */
  readonly failure: AttemptFailure;
  /** Retries already made (0 after the first attempt). */
  readonly retries: number;
  readonly options: ResolvedRetryOptions;
  /** A `Retry-After` the answer carried, in ms. */
  readonly retryAfter?: number | undefined;
  /** `false` when the body can be sent only once (a stream). */
  readonly repeatable: boolean;
}

/**
 * How long to wait before the next attempt, or `undefined` when there is none: the limit is
 * reached, the policy forbids repeating this failure for this method, the body cannot be sent
 * twice, or a `Retry-After` asks for longer than `maxRetryAfter`.
 */
export function retryDelay(state: RetryState): number | undefined {
  const { options, retries, retryAfter } = state;
  if (retries >= options.limit || !state.repeatable || !isRetryable(state.method, state.failure)) return undefined;
  if (retryAfter !== undefined) return retryAfter <= options.maxRetryAfter ? retryAfter : undefined;
  return backoffDelay(retries, options);
}
