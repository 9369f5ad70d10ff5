// @audian/fleet — one change across many sub-accounts: job files, runs on BullMQ + Redis or in
// this process, workers, and the run state; and the office plan/apply an `apply` job runs in
// each account (also used on its own, e.g. by apps/office-setup).

export { type ApplyOfficeOptions, type ApplyOfficePlanOptions, applyOffice, applyOfficePlan, type OfficeApplied } from './apply-office.js';
export { cancelRun } from './cancel-run.js';
export { estimateRunSeconds, type RunEstimateInput } from './estimate-run-seconds.js';
export { FleetRun } from './fleet-run.js';
export {
  type AccountSelector,
  AccountSelectorSchema,
  type ApplyJob,
  ApplyJobSchema,
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
export { OFFICE_KINDS, OFFICE_MARKER, type OfficeDocument, type OfficeIds, type OfficeKind } from './office-document.js';
export {
  type OfficePlan,
  type OfficePlanStep,
  type OfficeState,
  type OfficeStoredDocument,
  officeDocumentLabel,
  planOffice,
  readOffice,
} from './office-plan.js';
export { type OfficeSpec, OfficeSpecSchema } from './office-spec.js';
export { OfficeSpecError, type OfficeSpecProblem } from './office-spec-error.js';
export { loadJobFile, parseJob, validateJob } from './parse-job.js';
export { parseOfficeSpec } from './parse-office-spec.js';
export { RedisUnavailableError } from './redis-unavailable-error.js';
export { type RetryRunOptions, retryRun } from './retry-run.js';
export { runJob } from './run-job.js';
export { RunNotFoundError } from './run-not-found-error.js';
export type { RunJobOptions, RunLookupOptions } from './run-options.js';
// RunStore and summarize are the storage seam between the modes, not an extension point.
export type { AccountRun, AccountState, RunInfo, RunPace, RunStatus } from './run-state.js';
export { runResults, runStatus } from './run-status.js';
export { safeRedisUrl } from './safe-redis-url.js';
export { type FleetWorker, startWorker, type WorkerOptions } from './start-worker.js';
