import type { RunStatus } from '@audian/fleet';
import { describe, expect, it } from 'vitest';
import { fleetEtas, formatEta, progressBar } from '../src/internal/fleet-progress';

const base: RunStatus = {
  runId: 'r',
  mode: 'local',
  dryRun: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  accounts: 100,
  total: 100,
  done: 20,
  failed: 0,
  pending: 80,
  cancelled: 0,
  finished: false,
  pendingAccounts: 80,
  requests: 20 * 250,
  requestsPerTask: 250,
  pace: { workers: 1, concurrency: 8, rateLimit: { capacity: 100, refillPerSecond: 10 } },
};
const since = Date.parse(base.createdAt);

describe('fleetEtas', () => {
  it('shows the buckets’ floor when the observed pace is faster than the buckets allow', () => {
    // 20 settled in 10 s → 80 more in 40 s observed; buckets: 10 waves × (250 − 100) ÷ 10 = 150 s.
    expect(fleetEtas(base, since, 0, since + 10_000)).toEqual({ seconds: 150, bucket: 150, observed: 40 });
  });

  it('shows the observed pace when latency makes it slower than the floor', () => {
    expect(fleetEtas(base, since, 0, since + 100_000)).toEqual({ seconds: 400, bucket: 150, observed: 400 });
  });

  it('is unknown before anything settles, and blank once nothing is pending', () => {
    const { requestsPerTask: _, ...unsettled } = base;
    const fresh: RunStatus = { ...unsettled, done: 0, pending: 100, pendingAccounts: 100, requests: 0 };
    expect(fleetEtas(fresh, since, 0, since + 5_000)).toEqual({ seconds: undefined, bucket: undefined, observed: undefined });
    expect(formatEta(fleetEtas(fresh, since).seconds)).toBe('?');
    expect(fleetEtas({ ...base, done: 100, pending: 0, pendingAccounts: 0, finished: true }, since).seconds).toBeUndefined();
  });
});

describe('progressBar', () => {
  it('fills with the settled tasks (done, failed or cancelled) and says how many of how many', () => {
    expect(progressBar(base)).toBe('████░░░░░░░░░░░░░░░░ 20% (20/100 tasks)');
    expect(progressBar({ ...base, done: 60, failed: 30, cancelled: 10, pending: 0 }, 10)).toBe('██████████ 100% (100/100 tasks)');
    expect(progressBar({ ...base, total: 0, done: 0, pending: 0 }, 4)).toBe('████ 100% (0/0 tasks)');
  });
});
