import type { RateLimitSettings } from '../sandbox-options';

interface Bucket {
  tokens: number;
  at: number;
}

/** What one request did to its bucket (reported as the envelope's `tokens`). */
export interface TokenReport {
  readonly allowed: boolean;
  readonly consumed: number;
  readonly remaining: number;
}

/** KAZOO's bucket defaults (`system_config/token_buckets`: `max_bucket_tokens` 100, `tokens_fill_rate` 10 a second). */
export const KAZOO_BUCKET: RateLimitSettings = { capacity: 100, refillPerSecond: 10 };

/**
 * Crossbar's token buckets, one per (client IP, account id in the URL)
 * (`cb_modules_util:bucket_name/2`). A request reports its cost as `consumed` whether or not the
 * bucket had it (`api_util:get_token_obj/1`).
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly settings: RateLimitSettings;

  constructor(settings: RateLimitSettings) {
    this.settings = settings;
  }

  consume(key: string, nowMs: number, cost = 1): TokenReport {
    const { capacity, refillPerSecond } = this.settings;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size > 50_000) this.#buckets.clear();
      bucket = { tokens: capacity, at: nowMs };
      this.#buckets.set(key, bucket);
    } else {
      const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
      bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond);
      bucket.at = nowMs;
    }
    if (bucket.tokens < cost) return { allowed: false, consumed: cost, remaining: Math.floor(bucket.tokens) };
    bucket.tokens -= cost;
    return { allowed: true, consumed: cost, remaining: Math.floor(bucket.tokens) };
  }
}
