import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// A local run lives in the memory of the process that runs it, which writes its state file over
// anything another process would write there. Another process therefore asks it to cancel by
// leaving `<run id>.cancel` beside the state file; the running process looks for it a few times
// a second, cancels, and removes it.

/** How often a running local run with a state file looks for a cancel request. */
export const CANCEL_POLL_MS = 200;

export function cancelMarkerOf(dir: string, runId: string): string {
  return join(dir, `${runId}.cancel`);
}

export async function requestCancel(dir: string, runId: string): Promise<void> {
  await writeFile(cancelMarkerOf(dir, runId), `${new Date().toISOString()}\n`, { mode: 0o600 });
}

export function cancelRequested(dir: string, runId: string): boolean {
  return existsSync(cancelMarkerOf(dir, runId));
}

export async function clearCancelRequest(dir: string, runId: string): Promise<void> {
  await rm(cancelMarkerOf(dir, runId), { force: true });
}
