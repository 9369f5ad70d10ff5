import type { AuditJob } from '../../job.js';
import { collectionOf } from '../collection.js';
import type { TaskContext, TaskOutput } from '../task-context.js';

function pick(doc: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!fields) return doc;
  return Object.fromEntries(
    fields.map((field) => [field, field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc)]),
  );
}

export async function auditDocuments(job: AuditJob, ctx: TaskContext): Promise<TaskOutput> {
  const rows: Record<string, unknown>[] = [];
  for await (const doc of collectionOf(ctx.audian, ctx.accountId, job.resource).list(job.filter ? { filter: job.filter } : {})) {
    ctx.signal?.throwIfAborted();
    rows.push({ account_id: ctx.accountId, ...pick(doc, job.fields) });
  }
  return { counts: { rows: rows.length }, rows };
}
