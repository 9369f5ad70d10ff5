import type { Audian } from '@audian/resources';
import type { RunStore } from '../run-state.js';
import { CANCEL_POLL_MS, cancelRequested, clearCancelRequest } from './cancel-marker.js';
import { FileRunStore } from './file-run-store.js';
import { MemoryRunStore } from './memory-run-store.js';
import { processTask } from './process-task.js';
import type { TaskRef } from './task-ref.js';

/** Local runs live in this process: their state, and what a retry needs to start them again. */
export const localStore = new MemoryRunStore();

export interface LocalRun {
  readonly store: RunStore;
  readonly audian: Audian;
  readonly concurrency: number;
  readonly attempts: number;
  controller: AbortController;
  done: Promise<void>;
}

export const localRuns = new Map<string, LocalRun>();

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Cancels a local run in this process: the flag stops tasks not yet started, the abort stops
 * those in hand (both record the account as cancelled), and what is still pending is marked.
 */
export async function cancelLocalRun(run: Pick<LocalRun, 'store' | 'controller'>, runId: string): Promise<void> {
  await run.store.updateInfo(runId, { cancelled: true });
  run.controller.abort();
  const now = new Date().toISOString();
  for (const account of await run.store.accounts(runId)) {
    if (account.state === 'pending') await run.store.putAccount(runId, { ...account, state: 'cancelled', updatedAt: now });
  }
}

// A run with a state file answers a cancel asked by another process (see cancel-marker.ts).
function watchForCancel(run: LocalRun, runId: string): () => Promise<void> {
  const store = run.store;
  if (!(store instanceof FileRunStore)) return async () => undefined;
  let handling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    if (run.controller.signal.aborted || !cancelRequested(store.dir, runId)) return;
    handling = cancelLocalRun(run, runId)
      .then(() => store.flush())
      .then(() => clearCancelRequest(store.dir, runId))
      .catch(() => undefined);
  }, CANCEL_POLL_MS);
  return async () => {
    clearInterval(timer);
    await handling;
  };
}

// The in-process stand-in for the queue: `concurrency` loops take tasks in order and run the
// same task function the workers run, with the same attempts and a growing pause between them.
export async function runLocally(run: LocalRun, runId: string, tasks: readonly TaskRef[]): Promise<void> {
  const signal = run.controller.signal;
  // A request left by a cancel of an earlier round (answered by no one) must not stop this one.
  if (run.store instanceof FileRunStore) await clearCancelRequest(run.store.dir, runId);
  const stopWatching = watchForCancel(run, runId);
  let next = 0;
  const loop = async () => {
    while (next < tasks.length) {
      const task = tasks[next++] as TaskRef;
      for (let attempt = 1; attempt <= run.attempts; attempt++) {
        try {
          await processTask({ store: run.store, audian: run.audian, runId, ...task, attempt, maxAttempts: run.attempts, signal });
          break;
        } catch {
          await pause(1000 * 2 ** (attempt - 1), signal);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(run.concurrency, tasks.length) }, loop));
  } finally {
    await stopWatching();
    // A state file is written behind the run; this writes its last state.
    await run.store.close();
  }
}
