import { InvalidArgumentError } from './errors/invalid-argument-error';
import { abortReason } from './internal/abort';

/** A token bucket: `capacity` tokens, refilled continuously at `refillPerSecond`. */
export interface RateLimitOptions {
  /** Bucket size: how many requests may go out at once. Crossbar's default is 100. */
  readonly capacity: number;
  /** Tokens added per second. Crossbar's default is 10. */
  readonly refillPerSecond: number;
}

/** Crossbar's stock bucket: 100 tokens, 10 per second. */
export const CROSSBAR_RATE_LIMIT: RateLimitOptions = Object.freeze({ capacity: 100, refillPerSecond: 10 });

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A client-side token bucket that mirrors Crossbar's, so bulk work runs at the server's pace
 * instead of bouncing off 429s. Waiters are served first come, first served.
 *
 * @example
 * ```ts
 * import { TokenBucket } from '@audian/core';
 *
 * const bucket = new TokenBucket({ capacity: 100, refillPerSecond: 10 });
 * await bucket.take();   // resolves at once while tokens remain, later when empty
 * bucket.sync(12);       // the server said 12 tokens remain
 * ```
 */
export class TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;
  #tokens: number;
  #last: number;
  #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  /**
   * @throws InvalidArgumentError when capacity or refill rate is not a positive number
   */
  constructor(options: RateLimitOptions, now: () => number = () => performance.now()) {
    const { capacity, refillPerSecond } = options ?? ({} as RateLimitOptions);
    if (typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 1) {
      throw new InvalidArgumentError('rateLimit.capacity', `rateLimit.capacity must be a number ≥ 1, got ${String(capacity)}`);
    }
    if (typeof refillPerSecond !== 'number' || !Number.isFinite(refillPerSecond) || refillPerSecond <= 0) {
      throw new InvalidArgumentError(
        'rateLimit.refillPerSecond',
        `rateLimit.refillPerSecond must be a positive number, got ${String(refillPerSecond)}`,
      );
    }
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.#now = now;
    this.#tokens = capacity;
    this.#last = now();
  }

  /** Tokens available now (fractional while refilling). */
  get available(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Requests waiting for a token. */
  get waiting(): number {
    return this.#queue.length;
  }

  /**
   * Takes one token, waiting for it when the bucket is empty.
   * Returns `undefined` (no promise, no tick) when a token was free, which keeps the hot path cheap.
   *
   * @throws the signal's reason when `signal` aborts while waiting
   */
  take(signal?: AbortSignal): Promise<void> | undefined {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    this.#refill();
    if (this.#queue.length === 0 && this.#tokens >= 1) {
      this.#tokens -= 1;
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.#queue.indexOf(waiter);
          if (i >= 0) this.#queue.splice(i, 1);
          reject(abortReason(signal));
          this.#schedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /**
   * Aligns the bucket with what the server reported (`tokens.remaining`): never more than the
   * server has left, since other clients of the same account drain the same server bucket.
   */
  sync(remaining: number): void {
    if (typeof remaining !== 'number' || !Number.isFinite(remaining)) return;
    this.#refill();
    this.#tokens = Math.max(0, Math.min(this.#tokens, remaining));
  }

  /** Empties the bucket (after a 429: the server's bucket is empty). */
  drain(): void {
    this.#refill();
    this.#tokens = 0;
  }

  #refill(): void {
    const now = this.#now();
    const elapsed = (now - this.#last) / 1000;
    this.#last = now;
    if (elapsed > 0) this.#tokens = Math.min(this.capacity, this.#tokens + elapsed * this.refillPerSecond);
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.length === 0) return;
    this.#refill();
    const wait = Math.max(0, ((1 - this.#tokens) / this.refillPerSecond) * 1000);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#refill();
      while (this.#queue.length > 0 && this.#tokens >= 1) {
        this.#tokens -= 1;
        const waiter = this.#queue.shift() as Waiter;
        if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
        waiter.resolve();
      }
      this.#schedule();
    }, Math.ceil(wait));
  }
}
