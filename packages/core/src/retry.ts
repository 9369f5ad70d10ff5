import { InvalidArgumentError } from './errors/invalid-argument-error';

/** HTTP methods the transport sends. */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE' | 'HEAD';

/** The HTTP methods, for validation. */
export const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'HEAD']);

/** How retries are paced and bounded. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 2 */
  readonly limit?: number;
  /** Backoff base in ms: attempt n waits a random time in [0, min(maxDelay, baseDelay · 2ⁿ)]. @default 250 */
  readonly baseDelay?: number;
  /** Backoff cap in ms. @default 8000 */
  readonly maxDelay?: number;
  /** Longest `Retry-After` honoured, in ms; a longer one gives up instead. @default 60000 */
  readonly maxRetryAfter?: number;
}

/** Resolved retry options. */
export type ResolvedRetryOptions = Required<RetryOptions>;

/** What went wrong with one attempt, as far as the retry decision is concerned. */
export type AttemptFailure =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'network'; readonly sent: boolean }
  | { readonly kind: 'timeout' };

const IDEMPOTENT_RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * The Crossbar-safe retry rule. GET, HEAD and DELETE retry on network errors, timeouts and
 * 408/429/500/502/503/504. PUT, POST and PATCH retry **only** on 429 and on a connection that was
 * refused before anything was sent: after a 5xx, a timeout or a dropped connection the server
 * may have acted, and a repeated PUT creates a duplicate.
 *
 * @example
 * ```ts
 * import { isRetryable } from '@audian/core';
 *
 * isRetryable('GET', { kind: 'status', status: 503 }); // true
 * isRetryable('PUT', { kind: 'status', status: 500 }); // false
 * isRetryable('PUT', { kind: 'network', sent: false }); // true (connection refused)
 * ```
 */
export function isRetryable(method: HttpMethod, failure: AttemptFailure): boolean {
  const idempotent = method === 'GET' || method === 'HEAD' || method === 'DELETE';
  switch (failure.kind) {
    case 'status':
      return failure.status === 429 || (idempotent && IDEMPOTENT_RETRY_STATUSES.has(failure.status));
    case 'network':
      return !failure.sent || idempotent;
    case 'timeout':
      return idempotent;
  }
}

/**
 * Exponential backoff with full jitter: a random delay in `[0, min(maxDelay, baseDelay · 2^retry)]`.
 *
 * @param retry - 0 for the first retry
 * @param random - source of randomness in [0, 1) (tests pass a fixed one)
 *
 * @example
 * ```ts
 * import { backoffDelay } from '@audian/core';
 *
 * backoffDelay(3, { baseDelay: 250, maxDelay: 8000 }, () => 0.5); // 1000
 * ```
 */
export function backoffDelay(
  retry: number,
  options: Pick<ResolvedRetryOptions, 'baseDelay' | 'maxDelay'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelay, options.baseDelay * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}

/**
 * Reads a `Retry-After` header (seconds or an HTTP date) as milliseconds from now.
 * Crossbar never sends one; proxies in front of it may.
 *
 * @returns the delay, or `undefined` when the header is absent or unreadable
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from '@audian/core';
 *
 * parseRetryAfter('3'); // 3000
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Resolves the `retry` option: a number is the limit, `false` disables retries.
 *
 * @throws InvalidArgumentError for a negative or non-integer limit or delay
 *
 * @example
 * ```ts
 * import { resolveRetryOptions } from '@audian/core';
 *
 * resolveRetryOptions(5).limit; // 5
 * ```
 */
export function resolveRetryOptions(retry: number | false | RetryOptions | undefined): ResolvedRetryOptions {
  const given: RetryOptions = retry === false ? { limit: 0 } : typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const resolved: ResolvedRetryOptions = {
    limit: given.limit ?? 2,
    baseDelay: given.baseDelay ?? 250,
    maxDelay: given.maxDelay ?? 8000,
    maxRetryAfter: given.maxRetryAfter ?? 60_000,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new InvalidArgumentError(`retry.${name}`, `retry.${name} must be a non-negative integer, got ${String(value)}`);
    }
  }
  return resolved;
}
