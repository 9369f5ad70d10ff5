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
  await mkdir(job.output.dir, { recursive: true });
  const file = exportFileOf(job.output.dir, ctx.accountId);
  const partial = `${file}.${process.pid}.partial`;
  const handle = await open(partial, 'w', 0o600);
  let documents = 0;
  try {
    for await (const doc of collectionOf(ctx.audian, ctx.accountId, job.resource).list(job.filter ? { filter: job.filter } : {})) {
      ctx.signal?.throwIfAborted();
      await handle.write(`${JSON.stringify(doc)}\n`);
      documents += 1;
    }
  } finally {
    await handle.close();
  }
  if (ctx.dryRun) {
    await rename(partial, `${file}.dry-run`);
    return { counts: { documents }, file: `${file}.dry-run` };
  }
  await rename(partial, file);
  return { counts: { documents }, file };
}
