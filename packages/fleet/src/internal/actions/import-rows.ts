import type { ImportJob } from '../../job.js';
import { collectionOf } from '../collection.js';
import type { TaskContext, TaskOutput } from '../task-context.js';

// Every row is looked up by its key before any PUT (PUT creates in Crossbar): a row whose
// document exists is counted, not created again, so a re-run after a crash never duplicates.
export async function importRows(job: ImportJob, rows: readonly Record<string, unknown>[], ctx: TaskContext): Promise<TaskOutput> {
  const docs = collectionOf(ctx.audian, ctx.accountId, job.resource);
  let created = 0;
  let existing = 0;
  for (const row of rows) {
    ctx.signal?.throwIfAborted();
    const { account_id: _account, ...body } = row;
    const key = body[job.key] as string | number | boolean;
    const found = await docs.list({ filter: { [job.key]: key }, pageSize: 1 });
    if (found.data.length > 0) {
      existing += 1;
      continue;
    }
    if (!ctx.dryRun) await docs.create(body);
    created += 1;
  }
  return { counts: { rows: rows.length, [ctx.dryRun ? 'wouldCreate' : 'created']: created, existing } };
}
