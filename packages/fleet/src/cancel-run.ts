import { InvalidArgumentError } from '@audian/core';
import { localRuns } from './internal/local-runs.js';
import { openStore } from './internal/open-store.js';
import type { RunLookupOptions } from './run-options.js';
import { whereRunsAre } from './run-status.js';

/**
 * Cancels a run: pending accounts are marked cancelled and their queued tasks end without
 * touching Crossbar. In Redis mode tasks already running finish; in local mode they are aborted
 * and marked cancelled (what they wrote is safe to redo).
 * `retryRun(runId, { cancelled: true })` resumes them.
 *
 * @example
 * ```ts
 * import { cancelRun } from '@audian/fleet';
 *
 * await cancelRun(runId, { redis: 'redis://127.0.0.1:6379' });
 * ```
 * @throws InvalidArgumentError when there is no such run
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 */
export async function cancelRun(runId: string, options: RunLookupOptions = {}): Promise<void> {
  if (options.redis === undefined && !localRuns.has(runId) && options.stateDir !== undefined) {
    // The running process holds the run in memory and would write over a cancel made elsewhere.
    throw new InvalidArgumentError(
      'runId',
      `run ${JSON.stringify(runId)} is not running in this process: a local run is cancelled by the process that runs it`,
    );
  }
  const { store, close } = await openStore(runId, options);
  try {
    if (!(await store.info(runId))) throw new InvalidArgumentError('runId', `no run ${JSON.stringify(runId)} in ${whereRunsAre(options)}`);
    await store.updateInfo(runId, { cancelled: true });
    localRuns.get(runId)?.controller.abort();
    const now = new Date().toISOString();
    for (const account of await store.accounts(runId)) {
      if (account.state === 'pending') await store.putAccount(runId, { ...account, state: 'cancelled', updatedAt: now });
    }
  } finally {
    await close();
  }
}
