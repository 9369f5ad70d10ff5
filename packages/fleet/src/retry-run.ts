import { InvalidArgumentError } from '@audian/core';
import type { AudianOptions } from '@audian/resources';
import { Queue } from 'bullmq';
import { FleetRun } from './fleet-run.js';
import { createCappedClient } from './internal/capped-client.js';
import { connectRedis } from './internal/connect-redis.js';
import { countWorkers } from './internal/count-workers.js';
import { FileRunStore } from './internal/file-run-store.js';
import { type LocalRun, localRuns, runLocally } from './internal/local-runs.js';
import { DEFAULT_QUEUE, enqueueTasks, type TaskData } from './internal/queue.js';
import { RedisRunStore } from './internal/redis-run-store.js';
import type { TaskRef } from './internal/task-ref.js';
import { localPace, readPace } from './internal/worker-pace.js';
import { RunNotFoundError } from './run-not-found-error.js';
import type { RunLookupOptions } from './run-options.js';
import type { AccountState, RunStore } from './run-state.js';
import { whereRunsAre } from './run-status.js';

/** Options of {@link retryRun}: which accounts to run again. */
export interface RetryRunOptions extends RunLookupOptions {
  /** Accounts that failed. @default true */
  readonly failed?: boolean;
  /** Accounts a cancel stopped. @default false */
  readonly cancelled?: boolean;
  /** Tries per account. @default 3 */
  readonly attempts?: number;
  /** A local run read from `stateDir` (another process's): the client to run it with. @default the environment */
  readonly client?: AudianOptions;
  /** A local run read from `stateDir`: accounts at once. @default 8 */
  readonly concurrency?: number;
  /** A local run read from `stateDir`: requests per second, all accounts together. @default unlimited */
  readonly maxRequestsPerSecond?: number;
}

// A local run of another process, read from its state file, to be run again here.
async function adopt(runId: string, options: RetryRunOptions): Promise<LocalRun> {
  const store = options.stateDir === undefined ? undefined : new FileRunStore(options.stateDir, { owner: true });
  const info = await store?.info(runId);
  if (!store || !info) throw new RunNotFoundError(runId, whereRunsAre(options));
  if (info.mode !== 'local') throw new InvalidArgumentError('runId', `run ${JSON.stringify(runId)} is a Redis run: pass { redis }`);
  const local: LocalRun = {
    store,
    audian: createCappedClient(options.client ?? {}, options.maxRequestsPerSecond),
    concurrency: options.concurrency ?? 8,
    attempts: options.attempts ?? 3,
    controller: new AbortController(),
    done: Promise.resolve(),
  };
  // The pace of this process now, for the estimate (the run's first process may have had another).
  await store.updateInfo(runId, { pace: localPace(local.concurrency, options.maxRequestsPerSecond, options.client) });
  localRuns.set(runId, local);
  return local;
}

async function reset(
  store: RunStore,
  runId: string,
  states: ReadonlySet<AccountState>,
  where: string,
): Promise<{ tasks: TaskRef[]; round: number }> {
  const info = await store.info(runId);
  if (!info) throw new RunNotFoundError(runId, where);
  const tasks: TaskRef[] = [];
  const now = new Date().toISOString();
  for (const account of await store.accounts(runId)) {
    if (!states.has(account.state)) continue;
    const task: TaskRef =
      account.chunk === undefined ? { accountId: account.accountId } : { accountId: account.accountId, chunk: account.chunk };
    tasks.push(task);
    await store.putAccount(runId, { ...task, state: 'pending', attempts: 0, updatedAt: now });
  }
  const round = info.round + 1;
  await store.updateInfo(runId, { cancelled: false, round });
  return { tasks, round };
}

/**
 * Runs a run's failed (and optionally cancelled) accounts again, with the same job: accounts
 * already done are not touched. Safe whatever the failed tasks had written, since every task
 * compares or looks up before it writes.
 *
 * @example
 * ```ts
 * import { retryRun } from '@audian/fleet';
 *
 * const run = await retryRun(runId, { redis: 'redis://127.0.0.1:6379', failed: true });
 * await run.finished();
 * ```
 * @throws RunNotFoundError when there is no such run (a local run: of this process, or in `stateDir`)
 * @throws InvalidArgumentError for a Redis run looked up without `redis`
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 */
export async function retryRun(runId: string, options: RetryRunOptions = {}): Promise<FleetRun> {
  const states = new Set<AccountState>();
  if (options.failed ?? true) states.add('failed');
  if (options.cancelled) states.add('cancelled');
  if (options.redis === undefined) {
    const local = localRuns.get(runId) ?? (await adopt(runId, options));
    await local.done;
    const { tasks } = await reset(local.store, runId, states, whereRunsAre(options));
    local.controller = new AbortController();
    local.done = runLocally(local, runId, tasks);
    return new FleetRun({ runId, mode: 'local', total: tasks.length, store: local.store, close: async () => undefined, local: local.done });
  }
  const redis = await connectRedis(options.redis);
  const store = new RedisRunStore(redis);
  try {
    const { tasks, round } = await reset(store, runId, states, 'Redis');
    const queue = new Queue<TaskData>(options.queue ?? DEFAULT_QUEUE, { connection: redis });
    try {
      await enqueueTasks(queue, { runId, round }, tasks, options.attempts ?? 3);
    } finally {
      await queue.close();
    }
    const queueName = options.queue ?? DEFAULT_QUEUE;
    return new FleetRun({
      runId,
      mode: 'redis',
      total: tasks.length,
      store,
      close: () => store.close(),
      workers: () => countWorkers(redis, queueName),
      pace: () => readPace(redis, queueName),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
}
