import { AudianError } from '@audian/core';

/**
 * No run has this id where the lookup looked: in Redis (with `redis`), among this process's local
 * runs, or in `stateDir` (a local run of another process). The CLI exits with 4 for it, as for
 * any other thing that does not exist.
 *
 * @example
 * ```ts
 * import { RunNotFoundError, runStatus } from '@audian/fleet';
 *
 * try {
 *   await runStatus(runId, { redis: 'redis://127.0.0.1:6379' });
 * } catch (error) {
 *   if (error instanceof RunNotFoundError) console.error(`no run ${error.runId}`);
 * }
 * ```
 */
export class RunNotFoundError extends AudianError {
  static override readonly errorName: string = 'RunNotFoundError';
  /** The id that was looked up. */
  readonly runId: string;

  constructor(runId: string, where: string) {
    super(`no run ${JSON.stringify(runId)} in ${where}`);
    this.runId = runId;
  }
}
