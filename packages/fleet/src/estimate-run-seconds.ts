import type { RunPace, RunStatus } from './run-state.js';

/** What {@link estimateRunSeconds} reads of a run's status. */
export type RunEstimateInput = Pick<RunStatus, 'pending' | 'requestsPerTask'> & {
  /** Accounts with a task still pending (an import split into chunks has several per account). @default pending */
  readonly pendingAccounts?: number;
};

/**
 * The fewest seconds the run's pending tasks can take at its pace, from the token buckets and
 * caps alone: a floor, since every request's latency adds to it.
 *
 * - requests left = pending tasks × mean requests of a settled task (`requestsPerTask`);
 * - each account spends its bucket's `capacity` at once, then waits `refillPerSecond` per request:
 *   max(0, requests per account − capacity) ÷ refill seconds; the accounts go in waves of
 *   `pace.concurrency` (all workers together), one wave after the other;
 * - and never faster than the workers' `maxRequestsPerSecond` together: requests left ÷ that sum.
 *
 * The larger of the two is the answer. 0 when nothing is pending; `undefined` when it cannot be
 * known: no task has settled yet (so nothing says how many requests a task makes), the pace is
 * unknown, or no worker is on the run (it waits).
 *
 * @example
 * ```ts
 * import { estimateRunSeconds, runStatus } from '@audian/fleet';
 *
 * const status = await runStatus(runId, { redis: 'redis://127.0.0.1:6379' });
 * // 4,000 accounts of 300 requests each, 64 at a time, buckets of 100 + 10/s:
 * // 63 waves × (300 − 100) ÷ 10 s = 1,260 s
 * const seconds = estimateRunSeconds(status, status.pace);
 * console.log(seconds === undefined ? 'ETA unknown' : `at least ${Math.ceil(seconds)} s`);
 * ```
 */
export function estimateRunSeconds(status: RunEstimateInput, pace: RunPace | undefined): number | undefined {
  if (status.pending <= 0) return 0;
  const perTask = status.requestsPerTask;
  if (perTask === undefined || pace === undefined || pace.workers < 1 || pace.concurrency < 1) return undefined;
  const accounts = Math.min(status.pending, Math.max(1, status.pendingAccounts ?? status.pending));
  const requestsLeft = status.pending * perTask;
  const bucket = pace.rateLimit;
  const perAccount = bucket ? Math.max(0, requestsLeft / accounts - bucket.capacity) / bucket.refillPerSecond : 0;
  const bucketSeconds = Math.ceil(accounts / pace.concurrency) * perAccount;
  const capSeconds = pace.maxRequestsPerSecond === undefined ? 0 : requestsLeft / pace.maxRequestsPerSecond;
  return Math.max(bucketSeconds, capSeconds);
}
