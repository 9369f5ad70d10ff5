import type { PatchJob } from '../../job.js';
import { collectionOf } from '../collection.js';
import { alreadyApplied } from '../matches.js';
import type { TaskContext, TaskOutput } from '../task-context.js';

// A listing returns summaries, which may lack the patched fields: each match is compared on its
// full document, and only a document that differs is written. A re-run (after a crash or a
// retry) therefore skips what an earlier run already changed.
export async function patchDocuments(job: PatchJob, ctx: TaskContext): Promise<TaskOutput> {
  const docs = collectionOf(ctx.audian, ctx.accountId, job.resource);
  let matched = 0;
  let patched = 0;
  let skipped = 0;
  for await (const summary of docs.list(job.filter ? { filter: job.filter } : {})) {
    ctx.signal?.throwIfAborted();
    const id = summary.id;
    if (typeof id !== 'string') continue;
    matched += 1;
    const doc = await docs.get(id);
    if (alreadyApplied(doc, job.body)) {
      skipped += 1;
      continue;
    }
    if (!ctx.dryRun) await docs.patch(id, job.body);
    patched += 1;
  }
  return { counts: { matched, [ctx.dryRun ? 'wouldPatch' : 'patched']: patched, skipped } };
}
