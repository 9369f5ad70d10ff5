// @audian/fleet — one change across many sub-accounts: job files, runs on BullMQ + Redis or in
// this process, workers, and the run state.

export { cancelRun } from './cancel-run.js';
export { FleetRun } from './fleet-run.js';
export {
  type AccountSelector,
  AccountSelectorSchema,
  type AuditJob,
  AuditJobSchema,
  type ExportJob,
  ExportJobSchema,
  type FleetAction,
  type FleetJob,
  FleetJobSchema,
  type ImportJob,
  ImportJobSchema,
  type PatchJob,
  PatchJobSchema,
} from './job.js';
export { JobFileError } from './job-file-error.js';
export { loadJobFile, parseJob, validateJob } from './parse-job.js';
export { RedisUnavailableError } from './redis-unavailable-error.js';
export { type RetryRunOptions, retryRun } from './retry-run.js';
export { runJob } from './run-job.js';
export type { RunJobOptions, RunLookupOptions } from './run-options.js';
// RunStore and summarize are the storage seam between the modes, not an extension point.
export type { AccountRun, AccountState, RunInfo, RunStatus } from './run-state.js';
export { runResults, runStatus } from './run-status.js';
export { type FleetWorker, startWorker, type WorkerOptions } from './start-worker.js';
