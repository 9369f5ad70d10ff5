import type { Audian } from '@audian/resources';
import type { RunStore } from '../run-state.js';
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

// The in-process stand-in for the queue: `concurrency` loops take tasks in order and run the
// same task function the workers run, with the same attempts and a growing pause between them.
export async function runLocally(run: LocalRun, runId: string, tasks: readonly TaskRef[]): Promise<void> {
  const signal = run.controller.signal;
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
    // A state file is written behind the run; this writes its last state.
    await run.store.close();
  }
}
