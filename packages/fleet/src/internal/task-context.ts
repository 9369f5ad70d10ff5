import type { Audian } from '@audian/resources';

/** What one account's task runs with. */
export interface TaskContext {
  readonly audian: Audian;
  readonly accountId: string;
  /** The chunk of an import's rows this task handles (see `planTasks`). */
  readonly chunk?: number;
  /** Read everything, write nothing: counts say what would be written. */
  readonly dryRun: boolean;
  readonly signal?: AbortSignal;
}

/** What a task reports for its account: counts, plus rows for an audit and the file for an export. */
export interface TaskOutput {
  readonly counts: Readonly<Record<string, number>>;
  readonly rows?: readonly Record<string, unknown>[];
  readonly file?: string;
}
