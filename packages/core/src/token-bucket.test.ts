import { describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('serves a burst up to capacity at once, then at the refill rate', async () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 10 }, () => now);
      const done: number[] = [];
      for (let i = 0; i < 6; i++) {
        const p = bucket.take();
        if (p === undefined) done.push(i);
        else void p.then(() => done.push(i));
      }
      expect(done).toEqual([0, 1, 2]);
      expect(bucket.waiting).toBe(3);
      now = 100;
      await vi.advanceTimersByTimeAsync(100);
      expect(done).toEqual([0, 1, 2, 3]);
      now = 300;
      await vi.advanceTimersByTimeAsync(200);
      expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never holds more than the server reports', () => {
    const bucket = new TokenBucket({ capacity: 100, refillPerSecond: 10 }, () => 0);
    bucket.sync(5);
    expect(bucket.available).toBe(5);
    bucket.sync(50);
    expect(bucket.available).toBe(5);
    bucket.drain();
    expect(bucket.available).toBe(0);
  });

  it('rejects a waiter whose signal aborts and serves the next one', async () => {
    // The clock stands still until the abort, so no token can refill in between on a busy machine.
    let now = 0;
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 50 }, () => now);
    expect(bucket.take()).toBeUndefined();
    const controller = new AbortController();
    const aborted = bucket.take(controller.signal);
    const next = bucket.take();
    expect(aborted).toBeInstanceOf(Promise);
    expect(next).toBeInstanceOf(Promise);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    now = 20;
    await expect(next).resolves.toBeUndefined();
  });

  it('validates its options, naming them', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(/rateLimit.capacity/);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: 0 })).toThrow(/rateLimit.refillPerSecond/);
  });
});
