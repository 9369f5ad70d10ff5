import type { JobsOptions, Queue } from 'bullmq';
import { type TaskRef, taskKey } from './task-ref.js';

/** The BullMQ queue every run shares unless told otherwise. */
export const DEFAULT_QUEUE = 'audian-fleet';

/** What one queue entry carries: the account, the run whose job (in the run state) it applies, and the run's round. */
export interface TaskData {
  readonly runId: string;
  readonly accountId: string;
  readonly chunk?: number;
  readonly round: number;
}

export async function enqueueTasks(
  queue: Queue<TaskData>,
  { runId, round }: { runId: string; round: number },
  tasks: readonly TaskRef[],
  attempts: number,
): Promise<void> {
  const opts: JobsOptions = {
    attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: true,
  };
  // The job id makes enqueueing idempotent: adding the same task of the same round twice is
  // a no-op in BullMQ. A retry of the run is a new round, hence new ids.
  for (let i = 0; i < tasks.length; i += 500) {
    await queue.addBulk(
      tasks.slice(i, i + 500).map((task) => ({
        name: runId,
        data: { runId, ...task, round },
        opts: { ...opts, jobId: `${runId}-${taskKey(task)}-${round}` },
      })),
    );
  }
}
