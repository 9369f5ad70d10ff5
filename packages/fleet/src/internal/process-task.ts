import type { Audian } from '@audian/resources';
import type { AccountRun, RunStore } from '../run-state.js';
import { describeFailure } from './failure.js';
import { countRequests } from './request-count.js';
import { runTask } from './run-task.js';
import { taskKey } from './task-ref.js';

export interface TaskRequest {
  readonly store: RunStore;
  readonly audian: Audian;
  readonly runId: string;
  readonly accountId: string;
  /** The chunk of the account's import rows, when they were split. */
  readonly chunk?: number;
  /** The run's round the task was queued in; a task of an older round (before a retry) is dropped. */
  readonly round?: number;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly signal?: AbortSignal;
}

/**
 * Runs one account's task and records the outcome: the code path both modes share. Returns when
 * the outcome is final (done, failed for good, cancelled); throws when another attempt should
 * follow, after recording the error with the account still pending.
 */
export async function processTask(request: TaskRequest): Promise<void> {
  const { store, runId, accountId, attempt } = request;
  const info = await store.info(runId);
  if (!info || (request.round !== undefined && request.round !== info.round)) return;
  const chunk = request.chunk;
  const current = await store.account(runId, taskKey({ accountId, chunk }));
  // A queue delivers at least once: an account recorded as done is not run again.
  if (current?.state === 'done') return;
  const record = (fields: Omit<AccountRun, 'accountId' | 'chunk' | 'updatedAt'>) =>
    store.putAccount(runId, { accountId, ...(chunk === undefined ? {} : { chunk }), ...fields, updatedAt: new Date().toISOString() });
  if (info.cancelled) {
    await record({
      state: 'cancelled',
      attempts: current?.attempts ?? 0,
      ...(current?.requests === undefined ? {} : { requests: current.requests }),
    });
    return;
  }
  // The requests of earlier attempts (recorded with the account still pending) add up.
  const counter = { accountId, requests: 0 };
  const requests = () => (current?.requests ?? 0) + counter.requests;
  try {
    const output = await countRequests(counter, () =>
      runTask(info.job, { audian: request.audian, accountId, chunk, dryRun: info.dryRun, signal: request.signal }),
    );
    await record({ state: 'done', attempts: attempt, ...output, requests: requests() });
  } catch (error) {
    // A local run's cancel aborts the tasks in hand: what they wrote is safe to redo on a retry.
    if (request.signal?.aborted) {
      await record({ state: 'cancelled', attempts: attempt, requests: requests() });
      return;
    }
    const { permanent, ...failure } = describeFailure(error);
    const final = permanent || attempt >= request.maxAttempts;
    await record({ state: final ? 'failed' : 'pending', attempts: attempt, error: failure, requests: requests() });
    if (!final) throw error;
  }
}
