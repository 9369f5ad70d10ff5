import { describe, expect, it } from 'vitest';
import { type AttemptFailure, backoffDelay, type HttpMethod, isRetryable, parseRetryAfter, resolveRetryOptions } from './retry';

describe('isRetryable — the Crossbar-safe policy', () => {
  const cases: [HttpMethod, AttemptFailure, boolean][] = [
    ['GET', { kind: 'status', status: 503 }, true],
    ['GET', { kind: 'status', status: 500 }, true],
    ['GET', { kind: 'status', status: 408 }, true],
    ['GET', { kind: 'status', status: 404 }, false],
    ['GET', { kind: 'status', status: 501 }, false],
    ['DELETE', { kind: 'status', status: 502 }, true],
    ['GET', { kind: 'network', sent: true }, true],
    ['GET', { kind: 'timeout' }, true],
    ['PUT', { kind: 'status', status: 500 }, false],
    ['PUT', { kind: 'status', status: 503 }, false],
    ['POST', { kind: 'status', status: 502 }, false],
    ['PATCH', { kind: 'status', status: 504 }, false],
    ['PUT', { kind: 'status', status: 429 }, true],
    ['POST', { kind: 'status', status: 429 }, true],
    ['PUT', { kind: 'network', sent: true }, false],
    ['PUT', { kind: 'network', sent: false }, true],
    ['PUT', { kind: 'timeout' }, false],
    ['PATCH', { kind: 'timeout' }, false],
  ];
  it.each(cases)('%s after %j → %s', (method, failure, expected) => {
    expect(isRetryable(method, failure)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially under full jitter and stops at the cap', () => {
    const opts = { baseDelay: 250, maxDelay: 8000 };
    const top = () => 0.999999;
    expect(backoffDelay(0, opts, top)).toBe(249);
    expect(backoffDelay(1, opts, top)).toBe(499);
    expect(backoffDelay(3, opts, top)).toBe(1999);
    expect(backoffDelay(10, opts, top)).toBe(7999);
    expect(backoffDelay(3, opts, () => 0)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('resolveRetryOptions', () => {
  it('defaults to 2 retries, 250 ms base, 8 s cap, 60 s Retry-After cap', () => {
    expect(resolveRetryOptions(undefined)).toEqual({ limit: 2, baseDelay: 250, maxDelay: 8000, maxRetryAfter: 60000 });
    expect(resolveRetryOptions(false).limit).toBe(0);
    expect(resolveRetryOptions(5).limit).toBe(5);
  });

  it('rejects negative or fractional values, naming them', () => {
    expect(() => resolveRetryOptions(-1)).toThrow(/retry.limit/);
    expect(() => resolveRetryOptions({ baseDelay: 1.5 })).toThrow(/retry.baseDelay/);
  });
});
