import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportJob } from '../../job.js';
import { collectionOf } from '../collection.js';
import type { TaskContext, TaskOutput } from '../task-context.js';

/** Where an account's export lands: `<dir>/<account id>.ndjson`. */
export function exportFileOf(dir: string, accountId: string): string {
  return join(dir, `${accountId}.ndjson`);
}

// Written beside the target and renamed into place, so a re-run replaces the file whole and a
// killed worker never leaves half a file under the final name.
export async function exportDocuments(job: ExportJob, ctx: TaskContext): Promise<TaskOutput> {
  const listing = collectionOf(ctx.audian, ctx.accountId, job.resource).list(job.filter ? { filter: job.filter } : {});
  let documents = 0;
  // A dry run counts what would be exported and writes no file.
  if (ctx.dryRun) {
    for await (const _doc of listing) {
      ctx.signal?.throwIfAborted();
      documents += 1;
    }
    return { counts: { documents } };
  }
  await mkdir(job.output.dir, { recursive: true });
  const file = exportFileOf(job.output.dir, ctx.accountId);
  const partial = `${file}.${process.pid}.partial`;
  const handle = await open(partial, 'w', 0o600);
  try {
    for await (const doc of listing) {
      ctx.signal?.throwIfAborted();
      await handle.write(`${JSON.stringify(doc)}\n`);
      documents += 1;
    }
  } finally {
    await handle.close();
  }
  await rename(partial, file);
  return { counts: { documents }, file };
}
