import type { JobsOptions, Queue } from 'bullmq';

/** The BullMQ queue every run shares unless told otherwise. */
export const DEFAULT_QUEUE = 'audian-fleet';

/** What one queue entry carries: the account, the run whose job (in the run state) it applies, and the run's round. */
export interface TaskData {
  readonly runId: string;
  readonly accountId: string;
  readonly round: number;
}

export async function enqueueAccounts(
  queue: Queue<TaskData>,
  { runId, round }: { runId: string; round: number },
  accountIds: readonly string[],
  attempts: number,
): Promise<void> {
  const opts: JobsOptions = {
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: true,
  };
  // The job id makes enqueueing idempotent: adding the same account of the same round twice is
  // a no-op in BullMQ. A retry of the run is a new round, hence new ids.
  for (let i = 0; i < accountIds.length; i += 500) {
    await queue.addBulk(
      accountIds.slice(i, i + 500).map((accountId) => ({
        name: runId,
        data: { runId, accountId, round },
        opts: { ...opts, jobId: `${runId}-${accountId}-${round}` },
      })),
    );
  }
}
