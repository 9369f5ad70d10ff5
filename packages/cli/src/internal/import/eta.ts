import type { RateLimitOptions } from '@audian/core';

/** What an estimate of the time left is made from. */
export interface EtaInput {
  /** Rows still to settle. */
  readonly remaining: number;
  /** Seconds since this run started. */
  readonly elapsed: number;
  /** Rows settled by this run. */
  readonly settled: number;
  /** Requests this run has sent (each takes a token). */
  readonly sent: number;
  /** The client's token bucket, or `false` when there is none. */
  readonly bucket: RateLimitOptions | false;
}

/**
 * Seconds left, the slower of two bounds: the pace observed so far, and the token bucket's (once
 * the tokens still in the bucket are spent, one request per refill). The observed pace alone is
 * wrong at the start of a run, when the bucket's burst makes it look many times faster than it
 * can last. `undefined` until either bound is known.
 */
export function estimateSeconds({ remaining, elapsed, settled, sent, bucket }: EtaInput): number | undefined {
  if (remaining <= 0) return 0;
  const observed = settled > 0 && elapsed > 0 ? remaining / (settled / elapsed) : undefined;
  if (!bucket) return observed;
  const tokens = Math.max(0, Math.min(bucket.capacity, bucket.capacity - sent + bucket.refillPerSecond * elapsed));
  const paced = Math.max(0, remaining - tokens) / bucket.refillPerSecond;
  return Math.max(observed ?? 0, paced);
}
