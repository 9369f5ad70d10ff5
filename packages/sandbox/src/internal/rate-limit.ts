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

/** Crossbar's token buckets, one per (client IP, account id in the URL). */
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
    if (bucket.tokens < cost) return { allowed: false, consumed: 0, remaining: Math.floor(bucket.tokens) };
    bucket.tokens -= cost;
    return { allowed: true, consumed: cost, remaining: Math.floor(bucket.tokens) };
  }
}
