import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '@audian/core';
import { createAudian } from '@audian/resources';
import { Queue } from 'bullmq';
import { FleetRun } from './fleet-run.js';
import { createCappedClient } from './internal/capped-client.js';
import { connectRedis } from './internal/connect-redis.js';
import { countWorkers } from './internal/count-workers.js';
import { FileRunStore } from './internal/file-run-store.js';
import { localRuns, localStore, runLocally } from './internal/local-runs.js';
import { DEFAULT_QUEUE, enqueueTasks, type TaskData } from './internal/queue.js';
import { RedisRunStore } from './internal/redis-run-store.js';
import { selectAccounts } from './internal/select-accounts.js';
import { planTasks } from './internal/task-ref.js';
import { localPace, readPace } from './internal/worker-pace.js';
import type { FleetJob } from './job.js';
import { validateJob } from './parse-job.js';
import type { RunJobOptions } from './run-options.js';
import type { RunInfo } from './run-state.js';

function positiveInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new InvalidArgumentError(name, `${name} must be a whole number ≥ 1, got ${String(value)}`);
  return value;
}

/**
 * Submits a job: validates it, selects the accounts, records the run, then either enqueues one
 * task per account on BullMQ (with `redis`; `startWorker()` processes them) or runs the same
 * tasks in this process (local mode, the default without `redis`). Resolves once the run is
 * submitted; `await run.finished()` waits for it.
 *
 * @example
 * ```ts
 * import { loadJobFile, runJob } from '@audian/fleet';
 *
 * const job = await loadJobFile('jobs/caller-id.yaml');
 * const run = await runJob(job, { redis: process.env.REDIS_URL, client: { apiKey: process.env.AUDIAN_API_KEY } });
 * console.log(run.runId, run.total);
 * await run.close();
 * ```
 * @throws JobFileError (before anything is enqueued) when the job is invalid
 * @throws InvalidArgumentError for bad options (a malformed Redis URL, concurrency < 1, …)
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 * @throws ApiError subclasses when the accounts cannot be listed (e.g. ForbiddenError)
 */
export async function runJob(job: FleetJob | unknown, options: RunJobOptions = {}): Promise<FleetRun> {
  const valid = validateJob(job);
  const concurrency = positiveInteger(options.concurrency, 'concurrency', 8);
  const attempts = positiveInteger(options.attempts, 'attempts', 3);
  const local = options.local ?? options.redis === undefined;
  if (!local && options.redis === undefined) throw new InvalidArgumentError('redis', 'local: false needs a redis URL');
  const redis = local ? undefined : await connectRedis(options.redis as string);
  try {
    const audian = local ? createCappedClient(options.client ?? {}, options.maxRequestsPerSecond) : createAudian(options.client);
    const accountIds = await selectAccounts(audian, valid.accounts);
    const tasks = planTasks(valid, accountIds);
    const info: RunInfo = {
      runId: randomUUID(),
      job: valid,
      mode: local ? 'local' : 'redis',
      dryRun: options.dryRun ?? false,
      createdAt: new Date().toISOString(),
      cancelled: false,
      round: 0,
      ...(local
        ? { pace: localPace(concurrency, options.maxRequestsPerSecond, options.client) }
        : { queue: options.queue ?? DEFAULT_QUEUE }),
    };
    if (!redis) {
      const store = options.stateDir === undefined ? localStore : new FileRunStore(options.stateDir, { owner: true });
      await store.createRun(info, tasks);
      const run = { store, audian, concurrency, attempts, controller: new AbortController(), done: Promise.resolve() };
      run.done = runLocally(run, info.runId, tasks);
      localRuns.set(info.runId, run);
      return new FleetRun({
        runId: info.runId,
        mode: 'local',
        total: tasks.length,
        store,
        close: async () => undefined,
        local: run.done,
      });
    }
    const store = new RedisRunStore(redis);
    await store.createRun(info, tasks);
    const queue = new Queue<TaskData>(options.queue ?? DEFAULT_QUEUE, { connection: redis });
    try {
      await enqueueTasks(queue, { runId: info.runId, round: 0 }, tasks, attempts);
    } finally {
      await queue.close();
    }
    const queueName = options.queue ?? DEFAULT_QUEUE;
    return new FleetRun({
      runId: info.runId,
      mode: 'redis',
      total: tasks.length,
      store,
      close: () => store.close(),
      workers: () => countWorkers(redis, queueName),
      pace: () => readPace(redis, queueName),
    });
  } catch (error) {
    redis?.disconnect();
    throw error;
  }
}
