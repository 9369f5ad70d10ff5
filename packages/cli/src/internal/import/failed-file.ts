import { rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { writeFileAtomic } from '../atomic-file';
import type { FailedRow } from './run-import';
import { FAILED_COLUMNS, type Source } from './source';

/** The failed-rows file beside an import file: `users.csv` → `users.failed.csv`, JSON → `users.failed.json`. */
export function failedPath(file: string, source: Source): string {
  return join(dirname(file), `${basename(file, extname(file))}.failed.${source.kind === 'csv' ? 'csv' : 'json'}`);
}

function reason(failure: FailedRow): string {
  const fields = failure.fieldErrors.map((f) => `${f.path || '(document)'}: ${f.message}`);
  return fields.length ? fields.join('; ') : failure.error;
}

/**
 * Writes the rows that were not created, with why: a CSV with the original columns plus `error`
 * and `line`, or a JSON array of `{ where, error, field_errors, data }`. Fix them and import that
 * file. A stale file from an earlier run is removed when nothing failed. The rows are the file's
 * own, passwords and PINs included, so the file is written like the journal's neighbours: mode
 * 0600, atomically (a reader never sees half of it).
 */
export function writeFailedRows(file: string, source: Source, failures: readonly FailedRow[]): string | undefined {
  const path = failedPath(file, source);
  if (failures.length === 0) {
    rmSync(path, { force: true });
    return undefined;
  }
  const sorted = [...failures].sort((a, b) => a.row.index - b.row.index);
  if (source.kind === 'csv') {
    const columns = [...(source.columns ?? []), ...FAILED_COLUMNS];
    const rows = sorted.map((f) => ({ ...f.row.original, error: reason(f), line: f.row.where.replace(/^line /, '') }));
    writeFileAtomic(path, stringify(rows, { header: true, columns }));
  } else {
    const items = sorted.map((f) => ({ where: f.row.where, error: f.error, field_errors: f.fieldErrors, data: f.row.original }));
    writeFileAtomic(path, `${JSON.stringify(items, null, 2)}\n`);
  }
  return path;
}
