import type { FleetJob } from '../job.js';
import { applyOfficeSpec } from './actions/apply-office-spec.js';
import { auditDocuments } from './actions/audit-documents.js';
import { exportDocuments } from './actions/export-documents.js';
import { importRows } from './actions/import-rows.js';
import { patchDocuments } from './actions/patch-documents.js';
import type { TaskContext, TaskOutput } from './task-context.js';
import { rowsOf } from './task-ref.js';

/** One account's share of a job: the only code that touches Crossbar, the same in both modes. */
export function runTask(job: FleetJob, ctx: TaskContext): Promise<TaskOutput> {
  switch (job.action) {
    case 'apply':
      return applyOfficeSpec(job, ctx);
    case 'patch':
      return patchDocuments(job, ctx);
    case 'export':
      return exportDocuments(job, ctx);
    case 'audit':
      return auditDocuments(job, ctx);
    case 'import':
      return importRows(job, rowsOf(job, ctx), ctx);
  }
}
