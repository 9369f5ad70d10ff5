import type { RateLimitOptions } from '@audian/core';
import type { TaskRef } from './internal/task-ref.js';
import type { FleetJob } from './job.js';

/** Where a run's accounts stand: waiting (or being worked on), finished, failed for good, or cancelled before they ran. */
export type AccountState = 'pending' | 'done' | 'failed' | 'cancelled';

/**
 * One account of a run: its state, how many attempts it took, what its task reported (counts,
 * audit rows, export file) or why it failed.
 */
export interface AccountRun {
  readonly accountId: string;
  /** Which chunk of the account's import rows (0, 1, …), when they were split (`chunkSize`). */
  readonly chunk?: number;
  readonly state: AccountState;
  readonly attempts: number;
  readonly counts?: Readonly<Record<string, number>>;
  readonly rows?: readonly Record<string, unknown>[];
  readonly file?: string;
  readonly error?: { readonly name: string; readonly message: string; readonly status?: number };
  /**
   * HTTP requests the task sent to its account (`/v2/accounts/{id}/…`), every attempt and retry
   * counted: what the account's token bucket saw. A login the task waited for is not counted.
   * Absent until the task has run (and in records written before this was counted).
   */
  readonly requests?: number;
  /** ISO time of the last change. */
  readonly updatedAt: string;
}

/** A run as it was submitted: the job, where it runs, whether it was a dry run or cancelled. */
export interface RunInfo {
  readonly runId: string;
  readonly job: FleetJob;
  readonly mode: 'local' | 'redis';
  readonly dryRun: boolean;
  readonly createdAt: string;
  readonly cancelled: boolean;
  /** 0 for the first submission; each `retryRun()` starts a new round, and queued tasks of an older round are dropped. */
  readonly round: number;
  /** Local mode: the pace the run goes at (Redis mode: the live workers publish theirs). */
  readonly pace?: RunPace;
  /** Redis mode: the BullMQ queue the tasks were put on. */
  readonly queue?: string;
}

/**
 * How fast a run can go: the workers on it (a local run is one), how many accounts they work on at
 * once and their caps. {@link estimateRunSeconds} turns it and the run's status into seconds.
 */
export interface RunPace {
  /** Worker processes (1 for a local run; in Redis mode, those that reported in the last 15 s). */
  readonly workers: number;
  /** Tasks worked on at once, all workers together (the sum of their `concurrency`). */
  readonly concurrency: number;
  /** Requests per second, all workers together (the sum of their `maxRequestsPerSecond`); absent when one has no cap. */
  readonly maxRequestsPerSecond?: number;
  /**
   * Each account's token bucket on the client (the `rateLimit` option; Crossbar's 100 + 10/s
   * unless told otherwise); absent with `rateLimit: false`. Workers with different buckets: the
   * most generous, so that the estimate stays a floor.
   */
  readonly rateLimit?: RateLimitOptions;
}

/** Totals of a run (see `runStatus()`): `finished` once no task is pending. */
export interface RunStatus {
  readonly runId: string;
  readonly mode: 'local' | 'redis';
  readonly dryRun: boolean;
  readonly createdAt: string;
  /** Accounts in the run. */
  readonly accounts: number;
  /** Tasks: one per account, more for an import split into chunks. The counts below are tasks. */
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly pending: number;
  readonly cancelled: number;
  readonly finished: boolean;
  /** Accounts with a task still pending. */
  readonly pendingAccounts: number;
  /** HTTP requests sent to the run's accounts so far, all tasks together (see `AccountRun.requests`). */
  readonly requests: number;
  /** Mean requests of a settled (done or failed) task; absent until one has settled. */
  readonly requestsPerTask?: number;
  /** The pace the run goes at now: a local run's own; a Redis run's live workers, summed. Absent where unknown. */
  readonly pace?: RunPace;
}

/** @internal The run state's storage: memory in local mode, Redis hashes in Redis mode. */
export interface RunStore {
  createRun(info: RunInfo, tasks: readonly TaskRef[]): Promise<void>;
  info(runId: string): Promise<RunInfo | undefined>;
  accounts(runId: string): Promise<AccountRun[]>;
  account(runId: string, key: string): Promise<AccountRun | undefined>;
  putAccount(runId: string, record: AccountRun): Promise<void>;
  updateInfo(runId: string, changes: Partial<Pick<RunInfo, 'cancelled' | 'round' | 'pace'>>): Promise<void>;
  close(): Promise<void>;
}

/**
 * @internal Totals from the per-account records. `livePace` is a Redis run's workers now; a local
 * run's pace is in its info.
 */
export function summarize(info: RunInfo, accounts: readonly AccountRun[], livePace?: RunPace): RunStatus {
  const count = (state: AccountState) => accounts.filter((a) => a.state === state).length;
  const pending = count('pending');
  let requests = 0;
  let settledRequests = 0;
  let settledCounted = 0;
  for (const account of accounts) {
    if (account.requests === undefined) continue;
    requests += account.requests;
    if (account.state === 'done' || account.state === 'failed') {
      settledRequests += account.requests;
      settledCounted++;
    }
  }
  const pace = info.mode === 'local' ? info.pace : livePace;
  return {
    runId: info.runId,
    mode: info.mode,
    dryRun: info.dryRun,
    createdAt: info.createdAt,
    accounts: new Set(accounts.map((a) => a.accountId)).size,
    total: accounts.length,
    done: count('done'),
    failed: count('failed'),
    pending,
    cancelled: count('cancelled'),
    finished: pending === 0,
    pendingAccounts: new Set(accounts.filter((a) => a.state === 'pending').map((a) => a.accountId)).size,
    requests,
    ...(settledCounted > 0 ? { requestsPerTask: settledRequests / settledCounted } : {}),
    ...(pace ? { pace } : {}),
  };
}
