import { createReadStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { ExportJob } from '../job.js';
import type { AccountRun } from '../run-state.js';
import { exportFileOf } from './actions/export-documents.js';

// The combined file is assembled from the per-account files once every account is done, each
// line tagged with its account, in account id order.
export async function combineExport(job: ExportJob, accounts: readonly AccountRun[]): Promise<string | undefined> {
  const target = job.output.combined;
  if (!target) return undefined;
  const done = accounts
    .filter((a) => a.state === 'done')
    .map((a) => a.accountId)
    .sort();
  const partial = `${target}.${process.pid}.partial`;
  const out = await open(partial, 'w', 0o600);
  try {
    for (const accountId of done) {
      const lines = createInterface({
        input: createReadStream(exportFileOf(job.output.dir, accountId)),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      for await (const line of lines) {
        if (line) await out.write(`${JSON.stringify({ account_id: accountId, ...(JSON.parse(line) as object) })}\n`);
      }
    }
  } finally {
    await out.close();
  }
  await rename(partial, target);
  return target;
}
