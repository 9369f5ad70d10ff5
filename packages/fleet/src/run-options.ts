import type { AudianOptions } from '@audian/resources';

/** Where to find a run: in Redis (`redis` URL) or in this process (local runs). */
export interface RunLookupOptions {
  /** `redis://…` URL of the run state; omit for a local run of this process. */
  readonly redis?: string;
  /** BullMQ queue name. @default 'audian-fleet' */
  readonly queue?: string;
  /**
   * Local mode: a folder for the run state (`<run id>.json`, mode 0600), so that another process
   * can read a local run's status and results, or retry it. @default none (in memory only)
   */
  readonly stateDir?: string;
}

/** Options of `runJob()`. */
export interface RunJobOptions extends RunLookupOptions {
  /**
   * The client's options (credentials, base URL, `rateLimit` per account, …). It selects the
   * accounts, and in local mode runs the tasks. @default createAudian()'s environment (AUDIAN_API_KEY, …)
   */
  readonly client?: AudianOptions;
  /** Run in this process even when `redis` is given. @default true without `redis` */
  readonly local?: boolean;
  /** Read and compare everything, write nothing; counts say what would change. @default false */
  readonly dryRun?: boolean;
  /** Local mode: accounts worked on at once. @default 8 */
  readonly concurrency?: number;
  /** Local mode: requests per second, all accounts together. @default unlimited (per-account buckets only) */
  readonly maxRequestsPerSecond?: number;
  /** Tries per account for failures that may pass (5xx, timeouts, dropped connections). @default 3 */
  readonly attempts?: number;
}
