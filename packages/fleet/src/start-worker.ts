import { InvalidArgumentError } from '@audian/core';
import type { AudianOptions } from '@audian/resources';
import { Worker } from 'bullmq';
import { createCappedClient } from './internal/capped-client.js';
import { connectRedis } from './internal/connect-redis.js';
import { processTask } from './internal/process-task.js';
import { DEFAULT_QUEUE, type TaskData } from './internal/queue.js';
import { RedisRunStore } from './internal/redis-run-store.js';
import { taskKey } from './internal/task-ref.js';
import { localPace, publishPace } from './internal/worker-pace.js';

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  /** `redis://…` URL of the queue and the run state. */
  readonly redis: string;
  /** Accounts worked on at once by this worker. @default 4 */
  readonly concurrency?: number;
  /** The client's options (credentials, base URL, per-account `rateLimit`). @default the environment (AUDIAN_API_KEY, …) */
  readonly client?: AudianOptions;
  /** Requests per second of this worker, all accounts together. @default unlimited (per-account buckets only) */
  readonly maxRequestsPerSecond?: number;
  /** BullMQ queue name. @default 'audian-fleet' */
  readonly queue?: string;
  /**
   * How long a task's lock lives without renewal: a killed worker's task goes back to the queue
   * after about this long. A live worker renews it at half this interval. @default 30000
   */
  readonly lockDurationMs?: number;
  /** How often this worker looks for tasks whose worker died. @default 30000 */
  readonly stalledIntervalMs?: number;
}

/** A running worker. */
export interface FleetWorker {
  /** Finishes the tasks in hand, takes no more, and closes its connections. */
  close(): Promise<void>;
}

/**
 * Starts a worker: it takes account tasks from the queue, runs them with its own client (its
 * own per-account token buckets and `maxRequestsPerSecond` cap), and records each outcome in
 * the run state. Start as many as the job needs, on as many machines; a killed worker's tasks
 * are picked up by the others after `lockDurationMs`.
 *
 * @example
 * ```ts
 * import { startWorker } from '@audian/fleet';
 *
 * const worker = await startWorker({ redis: 'redis://127.0.0.1:6379', concurrency: 8, maxRequestsPerSecond: 50 });
 * process.on('SIGTERM', () => worker.close());
 * ```
 * @throws InvalidArgumentError for a malformed Redis URL or concurrency < 1
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 */
export async function startWorker(options: WorkerOptions): Promise<FleetWorker> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError('concurrency', `concurrency must be a whole number ≥ 1, got ${String(concurrency)}`);
  }
  const audian = createCappedClient(options.client ?? {}, options.maxRequestsPerSecond);
  const stateRedis = await connectRedis(options.redis);
  const store = new RedisRunStore(stateRedis);
  const connection = await connectRedis(options.redis, { worker: true });
  const queueName = options.queue ?? DEFAULT_QUEUE;
  // What `runStatus()` in any process sums to estimate a run's time (see estimateRunSeconds).
  const { workers: _, ...own } = localPace(concurrency, options.maxRequestsPerSecond, options.client);
  const pace = await publishPace(stateRedis, queueName, own);
  const worker = new Worker<TaskData>(
    queueName,
    (task) =>
      processTask({
        store,
        audian,
        runId: task.data.runId,
        accountId: task.data.accountId,
        chunk: task.data.chunk,
        round: task.data.round,
        attempt: task.attemptsMade + 1,
        maxAttempts: task.opts.attempts ?? 1,
      }),
    {
      connection,
      concurrency,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: 3,
    },
  );
  // Task failures are recorded in the run state; the event only keeps Node from printing them.
  worker.on('error', () => undefined);
  // BullMQ fails a task on its own when its workers died more than maxStalledCount times (or
  // it could not be run at all): the run state learns of it here, else the account would stay
  // pending and the run would never finish.
  worker.on('failed', (task, error) => {
    // Also emitted for an attempt BullMQ will retry: those stay pending.
    const final = task !== undefined && (task.attemptsMade >= (task.opts.attempts ?? 1) || /stalled/i.test(error.message));
    if (!task || !final) return;
    const key = taskKey(task.data);
    void store
      .account(task.data.runId, key)
      .then((current) =>
        current?.state === 'pending'
          ? store.putAccount(task.data.runId, {
              ...current,
              state: 'failed',
              error: { name: error.name, message: error.message },
              updatedAt: new Date().toISOString(),
            })
          : undefined,
      )
      .catch(() => undefined);
  });
  return {
    async close() {
      await worker.close();
      await pace.stop();
      connection.disconnect();
      await store.close();
    },
  };
}
