import { describe, expect, it } from 'vitest';
import { estimateRunSeconds, type RunPace } from '../src/index.js';

const crossbar = { capacity: 100, refillPerSecond: 10 };

describe('estimateRunSeconds (the buckets’ floor under a run)', () => {
  it('is bound by the per-account buckets: waves of accounts, each (requests − capacity) ÷ refill', () => {
    // 4 workers × 16 = 64 accounts at once; 640 accounts → 10 waves of (300 − 100) ÷ 10 = 20 s.
    const pace: RunPace = { workers: 4, concurrency: 64, rateLimit: crossbar };
    expect(estimateRunSeconds({ pending: 640, requestsPerTask: 300 }, pace)).toBe(200);
    // A partial last wave still takes a whole account's time: 641 accounts are 11 waves.
    expect(estimateRunSeconds({ pending: 641, requestsPerTask: 300 }, pace)).toBe(220);
  });

  it('is bound by the workers’ caps when they are slower than the buckets', () => {
    // 1,000 × 50 requests fit in each bucket (no wait), but 2 workers × 100 req/s take 250 s.
    const pace: RunPace = { workers: 2, concurrency: 16, maxRequestsPerSecond: 200, rateLimit: crossbar };
    expect(estimateRunSeconds({ pending: 1000, requestsPerTask: 50 }, pace)).toBe(250);
    // Buckets bind again for heavy accounts: 1000/16 → 63 waves × (500 − 100) ÷ 10 = 2,520 s > 2,500 s.
    expect(estimateRunSeconds({ pending: 1000, requestsPerTask: 500 }, pace)).toBe(2520);
  });

  it('is 0 from the buckets when every account fits in its bucket and nothing caps the workers', () => {
    expect(estimateRunSeconds({ pending: 10, requestsPerTask: 99 }, { workers: 1, concurrency: 8, rateLimit: crossbar })).toBe(0);
  });

  it('has no bucket term without a client bucket (rateLimit: false)', () => {
    expect(estimateRunSeconds({ pending: 10, requestsPerTask: 5000 }, { workers: 1, concurrency: 1 })).toBe(0);
    expect(estimateRunSeconds({ pending: 10, requestsPerTask: 5000 }, { workers: 1, concurrency: 1, maxRequestsPerSecond: 100 })).toBe(500);
  });

  it('counts an account’s import chunks against one bucket', () => {
    // 2 accounts × 3 chunks of 200 requests: 600 per account, 2 at once → (600 − 100) ÷ 10 = 50 s.
    const pace: RunPace = { workers: 1, concurrency: 8, rateLimit: crossbar };
    expect(estimateRunSeconds({ pending: 6, pendingAccounts: 2, requestsPerTask: 200 }, pace)).toBe(50);
  });

  it('is unknown before a task has settled, without a pace, and with no worker on the run', () => {
    const pace: RunPace = { workers: 1, concurrency: 8, rateLimit: crossbar };
    expect(estimateRunSeconds({ pending: 10 }, pace)).toBeUndefined();
    expect(estimateRunSeconds({ pending: 10, requestsPerTask: 300 }, undefined)).toBeUndefined();
    expect(estimateRunSeconds({ pending: 10, requestsPerTask: 300 }, { workers: 0, concurrency: 0 })).toBeUndefined();
  });

  it('is 0 when nothing is pending', () => {
    expect(estimateRunSeconds({ pending: 0 }, undefined)).toBe(0);
    expect(estimateRunSeconds({ pending: 0, requestsPerTask: 300 }, { workers: 1, concurrency: 1, rateLimit: crossbar })).toBe(0);
  });
});
