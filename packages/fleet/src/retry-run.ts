import { InvalidArgumentError } from '@audian/core';
import { Queue } from 'bullmq';
import { FleetRun } from './fleet-run.js';
import { connectRedis } from './internal/connect-redis.js';
import { localRuns, localStore, runLocally } from './internal/local-runs.js';
import { DEFAULT_QUEUE, enqueueAccounts, type TaskData } from './internal/queue.js';
import { RedisRunStore } from './internal/redis-run-store.js';
import type { RunLookupOptions } from './run-options.js';
import type { AccountState, RunStore } from './run-state.js';

/** Options of {@link retryRun}: which accounts to run again. */
export interface RetryRunOptions extends RunLookupOptions {
  /** Accounts that failed. @default true */
  readonly failed?: boolean;
  /** Accounts a cancel stopped. @default false */
  readonly cancelled?: boolean;
  /** Tries per account. @default 3 */
  readonly attempts?: number;
}

async function reset(store: RunStore, runId: string, states: ReadonlySet<AccountState>): Promise<{ ids: string[]; round: number }> {
  const info = await store.info(runId);
  if (!info) throw new InvalidArgumentError('runId', `no run ${JSON.stringify(runId)}`);
  const ids: string[] = [];
  const now = new Date().toISOString();
  for (const account of await store.accounts(runId)) {
    if (!states.has(account.state)) continue;
    ids.push(account.accountId);
    await store.putAccount(runId, { accountId: account.accountId, state: 'pending', attempts: 0, updatedAt: now });
  }
  const round = info.round + 1;
  await store.updateInfo(runId, { cancelled: false, round });
  return { ids, round };
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
 * @throws InvalidArgumentError when there is no such run (a local run must be of this process)
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 */
export async function retryRun(runId: string, options: RetryRunOptions = {}): Promise<FleetRun> {
  const states = new Set<AccountState>();
  if (options.failed ?? true) states.add('failed');
  if (options.cancelled) states.add('cancelled');
  if (options.redis === undefined) {
    const local = localRuns.get(runId);
    if (!local) throw new InvalidArgumentError('runId', `no local run ${JSON.stringify(runId)} in this process`);
    await local.done;
    const { ids } = await reset(localStore, runId, states);
    local.controller = new AbortController();
    local.done = runLocally(local, runId, ids);
    return new FleetRun({ runId, mode: 'local', total: ids.length, store: localStore, close: async () => undefined, local: local.done });
  }
  const redis = await connectRedis(options.redis);
  const store = new RedisRunStore(redis);
  try {
    const { ids, round } = await reset(store, runId, states);
    const queue = new Queue<TaskData>(options.queue ?? DEFAULT_QUEUE, { connection: redis });
    try {
      await enqueueAccounts(queue, { runId, round }, ids, options.attempts ?? 3);
    } finally {
      await queue.close();
    }
    return new FleetRun({ runId, mode: 'redis', total: ids.length, store, close: () => store.close() });
  } catch (error) {
    await store.close();
    throw error;
  }
}
