import type { FleetJob } from '../job.js';

/** One unit of work: an account, or one chunk of an account's import rows. */
export interface TaskRef {
  readonly accountId: string;
  readonly chunk?: number;
}

/** Rows per task of an import, unless the job says `chunkSize`. */
export const DEFAULT_CHUNK_SIZE = 500;

/** The task's key in the run state and in queue ids. */
export function taskKey(task: TaskRef): string {
  return task.chunk === undefined ? task.accountId : `${task.accountId}.${task.chunk}`;
}

/**
 * The tasks of a job: one per account, except an import whose account has more rows than
 * `chunkSize`, which gets one task per chunk so that a large account spreads over workers and a
 * re-delivered task redoes (and re-checks) at most one chunk.
 */
export function planTasks(job: FleetJob, accountIds: readonly string[]): TaskRef[] {
  if (job.action !== 'import') return accountIds.map((accountId) => ({ accountId }));
  const size = job.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const counts = new Map<string, number>();
  for (const row of job.rows) counts.set(row.account_id, (counts.get(row.account_id) ?? 0) + 1);
  return accountIds.flatMap((accountId) => {
    const chunks = Math.ceil((counts.get(accountId) ?? 0) / size);
    return chunks <= 1 ? [{ accountId }] : Array.from({ length: chunks }, (_, chunk) => ({ accountId, chunk }));
  });
}

/** The rows of one import task: the account's rows, or its chunk of them. */
export function rowsOf(job: Extract<FleetJob, { action: 'import' }>, task: TaskRef): Record<string, unknown>[] {
  const rows = job.rows.filter((row) => row.account_id === task.accountId);
  if (task.chunk === undefined) return rows;
  const size = job.chunkSize ?? DEFAULT_CHUNK_SIZE;
  return rows.slice(task.chunk * size, (task.chunk + 1) * size);
}
