import { hostname } from 'node:os';
import { AudianError } from '@audian/core';
import { clearCancelRequest, requestCancel } from './internal/cancel-marker.js';
import { FileRunStore } from './internal/file-run-store.js';
import { cancelLocalRun, localRuns } from './internal/local-runs.js';
import { openStore } from './internal/open-store.js';
import { RunNotFoundError } from './run-not-found-error.js';
import type { RunLookupOptions } from './run-options.js';
import { type RunStatus, summarize } from './run-state.js';
import { whereRunsAre } from './run-status.js';

/** How long a cancel waits for the process that runs a local run to answer. */
const ANSWER_TIMEOUT_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A fresh store each time: a store keeps what it read first.
async function readRun(dir: string, runId: string): Promise<{ status: RunStatus } | undefined> {
  const store = new FileRunStore(dir);
  const info = await store.info(runId);
  return info && { status: summarize(info, await store.accounts(runId)) };
}

// A local run of another process, found through its state file: that process is asked to cancel
// (it alone may write the file) and answers within a moment. A run whose process is gone (killed,
// crashed: its accounts stay pending for ever) is cancelled in the file itself, so that
// `retryRun(runId, { cancelled: true })` can resume it.
async function cancelElsewhere(runId: string, dir: string): Promise<RunStatus> {
  const store = new FileRunStore(dir);
  const info = await store.info(runId);
  if (!info) throw new RunNotFoundError(runId, whereRunsAre({ stateDir: dir }));
  const status = summarize(info, await store.accounts(runId));
  if (status.finished) return status;
  const owner = await store.owner(runId);
  if (owner && owner.host === hostname() && !alive(owner.pid)) {
    await cancelLocalRun({ store, controller: new AbortController() }, runId);
    await store.close();
    return ((await readRun(dir, runId)) as { status: RunStatus }).status;
  }
  await requestCancel(dir, runId);
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Answered once nothing is pending: the running process wrote the cancel, or the run ended.
    const now = await readRun(dir, runId);
    if (now?.status.finished) {
      await clearCancelRequest(dir, runId);
      return now.status;
    }
  }
  await clearCancelRequest(dir, runId);
  const who = owner ? `process ${owner.pid} on ${owner.host}` : 'the process that runs it';
  throw new AudianError(`run ${runId}: ${who} did not answer the cancel within ${ANSWER_TIMEOUT_MS / 1000} s; stop it with Ctrl-C there`);
}

/**
 * Cancels a run: pending accounts are marked cancelled and their queued tasks end without
 * touching Crossbar. In Redis mode tasks already running finish; in local mode they are aborted
 * and marked cancelled (what they wrote is safe to redo). A local run of another process is
 * cancelled through `stateDir`: that process is asked and answers within a second (a run whose
 * process is gone is cancelled in its state file). `retryRun(runId, { cancelled: true })`
 * resumes it. Resolves to the run's totals after the cancel.
 *
 * @example
 * ```ts
 * import { cancelRun } from '@audian/fleet';
 *
 * const status = await cancelRun(runId, { redis: 'redis://127.0.0.1:6379' });
 * console.log(`${status.cancelled} accounts cancelled`);
 * ```
 * @throws RunNotFoundError when there is no such run
 * @throws AudianError when the process running a local run does not answer within 10 s
 * @throws RedisUnavailableError within 5 s when Redis cannot be reached
 */
export async function cancelRun(runId: string, options: RunLookupOptions = {}): Promise<RunStatus> {
  const local = options.redis === undefined ? localRuns.get(runId) : undefined;
  if (local) {
    await cancelLocalRun(local, runId);
    const info = await local.store.info(runId);
    return summarize(info as NonNullable<typeof info>, await local.store.accounts(runId));
  }
  if (options.redis === undefined && options.stateDir !== undefined) return cancelElsewhere(runId, options.stateDir);
  const { store, close } = await openStore(runId, options);
  try {
    if (!(await store.info(runId))) throw new RunNotFoundError(runId, whereRunsAre(options));
    await store.updateInfo(runId, { cancelled: true });
    const now = new Date().toISOString();
    for (const account of await store.accounts(runId)) {
      if (account.state === 'pending') await store.putAccount(runId, { ...account, state: 'cancelled', updatedAt: now });
    }
    const info = await store.info(runId);
    return summarize(info as NonNullable<typeof info>, await store.accounts(runId));
  } finally {
    await close();
  }
}
