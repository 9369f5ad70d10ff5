import { openStore } from './internal/open-store.js';
import { DEFAULT_QUEUE } from './internal/queue.js';
import { RedisRunStore } from './internal/redis-run-store.js';
import { RunNotFoundError } from './run-not-found-error.js';
import type { RunLookupOptions } from './run-options.js';
import { type AccountRun, type RunStatus, summarize } from './run-state.js';

/** Where a lookup looked, for the "no such run" message. */
export function whereRunsAre(options: RunLookupOptions): string {
  if (options.redis !== undefined) return 'Redis';
  return options.stateDir === undefined ? 'this process (a local run without stateDir)' : `this process or ${options.stateDir}`;
}

/**
 * The totals of a run: accounts done, failed, pending, cancelled; `finished` once none is pending;
 * the requests its tasks sent (`requests`, `requestsPerTask`) and its `pace` — a local run's own,
 * a Redis run's live workers summed — for {@link estimateRunSeconds}.
 *
 * @example
 * ```ts
 * import { runStatus } from '@audian/fleet';
 *
 * const status = await runStatus(runId, { redis: 'redis://127.0.0.1:6379' });
 * console.log(`${status.done}/${status.total}`);
 * ```
 * @throws RunNotFoundError when there is no such run
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 */
export async function runStatus(runId: string, options: RunLookupOptions = {}): Promise<RunStatus> {
  const { store, close } = await openStore(runId, options);
  try {
    const info = await store.info(runId);
    if (!info) throw new RunNotFoundError(runId, whereRunsAre(options));
    const accounts = await store.accounts(runId);
    const live =
      info.mode === 'redis' && store instanceof RedisRunStore ? await store.pace(info.queue ?? options.queue ?? DEFAULT_QUEUE) : undefined;
    return summarize(info, accounts, live);
  } finally {
    await close();
  }
}

/**
 * Every task of a run (one per account, or per chunk of an import's rows), sorted by account id and chunk: state, attempts, counts (`patched`, `skipped`,
 * `created`, `existing`, `documents`, `rows`), audit rows, export file, or the error.
 *
 * @example
 * ```ts
 * import { runResults } from '@audian/fleet';
 *
 * for (const account of await runResults(runId, { redis })) if (account.state === 'failed') console.log(account.accountId, account.error?.message);
 * ```
 * @throws RunNotFoundError when there is no such run
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 */
export async function runResults(runId: string, options: RunLookupOptions = {}): Promise<AccountRun[]> {
  const { store, close } = await openStore(runId, options);
  try {
    if (!(await store.info(runId))) throw new RunNotFoundError(runId, whereRunsAre(options));
    return (await store.accounts(runId)).sort((a, b) => a.accountId.localeCompare(b.accountId) || (a.chunk ?? 0) - (b.chunk ?? 0));
  } finally {
    await close();
  }
}
