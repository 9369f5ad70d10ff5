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
}

/** @internal The run state's storage: memory in local mode, Redis hashes in Redis mode. */
export interface RunStore {
  createRun(info: RunInfo, tasks: readonly TaskRef[]): Promise<void>;
  info(runId: string): Promise<RunInfo | undefined>;
  accounts(runId: string): Promise<AccountRun[]>;
  account(runId: string, key: string): Promise<AccountRun | undefined>;
  putAccount(runId: string, record: AccountRun): Promise<void>;
  updateInfo(runId: string, changes: Partial<Pick<RunInfo, 'cancelled' | 'round'>>): Promise<void>;
  close(): Promise<void>;
}

/** @internal Totals from the per-account records. */
export function summarize(info: RunInfo, accounts: readonly AccountRun[]): RunStatus {
  const count = (state: AccountState) => accounts.filter((a) => a.state === state).length;
  const pending = count('pending');
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
  };
}
