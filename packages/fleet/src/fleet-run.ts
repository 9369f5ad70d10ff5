import { combineExport } from './internal/combine-export.js';
import type { RunPace, RunStatus, RunStore } from './run-state.js';
import { summarize } from './run-state.js';

/**
 * A submitted run: its id (for `runStatus`, `runResults`, `cancelRun`, `retryRun`, from any
 * process in Redis mode), how many accounts it covers, and a way to wait for it.
 *
 * @example
 * ```ts
 * import { runJob } from '@audian/fleet';
 *
 * const run = await runJob(job);
 * const status = await run.finished();
 * console.log(`${status.done} done, ${status.failed} failed`);
 * ```
 */
export class FleetRun {
  /** The run's id. */
  readonly runId: string;
  /** `local`: in this process; `redis`: on the queue, for workers. */
  readonly mode: 'local' | 'redis';
  /** Tasks: one per account the selector named, more for an import split into chunks. */
  readonly total: number;
  readonly #store: RunStore;
  readonly #close: () => Promise<void>;
  readonly #local: Promise<void> | undefined;
  readonly #workers: (() => Promise<number | undefined>) | undefined;
  readonly #pace: (() => Promise<RunPace>) | undefined;

  /** @internal Made by `runJob()` and `retryRun()`. */
  constructor(init: {
    runId: string;
    mode: 'local' | 'redis';
    total: number;
    store: RunStore;
    close: () => Promise<void>;
    local?: Promise<void>;
    workers?: () => Promise<number | undefined>;
    pace?: () => Promise<RunPace>;
  }) {
    this.runId = init.runId;
    this.mode = init.mode;
    this.total = init.total;
    this.#store = init.store;
    this.#close = init.close;
    this.#local = init.local;
    this.#workers = init.workers;
    this.#pace = init.pace;
  }

  /**
   * Redis mode: how many workers are connected to the run's queue now — 0 means the run waits in
   * Redis until one starts. Undefined in local mode, and where Redis refuses CLIENT LIST.
   */
  async workers(): Promise<number | undefined> {
    return this.#workers?.();
  }

  /** The run's totals now, with its requests and pace (Redis mode: the live workers'). */
  async status(): Promise<RunStatus> {
    const info = await this.#store.info(this.runId);
    if (!info) throw new Error(`run ${this.runId} is not in the run state`);
    return summarize(info, await this.#store.accounts(this.runId), await this.#pace?.());
  }

  /**
   * Waits until no account is pending (in Redis mode, workers must be running), writes an
   * export's combined file, and returns the totals.
   *
   * @param pollMs - Redis mode: how often to look. @default 500
   */
  async finished(pollMs = 500): Promise<RunStatus> {
    if (this.#local) await this.#local;
    let status = await this.status();
    while (!status.finished) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      status = await this.status();
    }
    const info = await this.#store.info(this.runId);
    if (info?.job.action === 'export' && !info.dryRun) await combineExport(info.job, await this.#store.accounts(this.runId));
    return status;
  }

  /** Releases the Redis connection (Redis mode); the run goes on in the workers. */
  close(): Promise<void> {
    return this.#close();
  }
}
