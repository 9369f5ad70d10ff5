import { AudianError } from '@audian/core';

/**
 * Redis could not be reached (refused, unknown host, no answer within the connect timeout) when a
 * run was submitted, a worker started, or a run was looked up. Raised within the timeout
 * (5 s by default), never a hang. The URL in the message has its password removed.
 *
 * @example
 * ```ts
 * import { RedisUnavailableError, runJob } from '@audian/fleet';
 *
 * try {
 *   await runJob(job, { redis: 'redis://queue.internal:6379' });
 * } catch (error) {
 *   if (error instanceof RedisUnavailableError) console.error(error.message);
 * }
 * ```
 */
export class RedisUnavailableError extends AudianError {
  static override readonly errorName: string = 'RedisUnavailableError';
  /** The Redis URL, without its password. */
  readonly url: string;

  constructor(url: string, reason: string, cause?: unknown) {
    super(`Redis at ${url} is unreachable: ${reason}`, { cause });
    this.url = url;
  }
}
