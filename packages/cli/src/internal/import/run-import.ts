import {
  ApiError,
  type CallOptions,
  ConnectionError,
  type FieldError,
  InvalidArgumentError,
  ServerError,
  TimeoutError,
} from '@audian/core';
import type { Doc } from '../fields';
import type { Journal, RowEntry } from './journal';
import type { Progress } from './progress';
import { IMPORT_KEY_FIELD, type SourceRow } from './source';

/** A row that was not created, and why. */
export interface FailedRow {
  readonly row: SourceRow;
  readonly error: string;
  readonly fieldErrors: readonly FieldError[];
  /** The request may have been acted on (no answer came): `--resume` looks the row up. */
  readonly uncertain: boolean;
}

/** The outcome of an import run. */
export interface ImportResult {
  readonly created: number;
  /** Done in an earlier run (journal says so). */
  readonly skipped: number;
  /** Found on the server on resume (created by a run that was killed before journaling it). */
  readonly recovered: number;
  readonly failed: readonly FailedRow[];
  /** Rows not started because the run was interrupted. */
  readonly notStarted: number;
  /** Rows whose request was under way when the run was interrupted: journaled pending, looked up on `--resume`. */
  readonly inFlight: number;
}

/** What {@link runImport} works with. */
export interface ImportRun {
  /** Creates one document (the row's data with its import_key). */
  readonly create: (data: Doc, options: CallOptions) => Promise<unknown>;
  /** Finds the document carrying an import_key, if any (`filter_import_key=…`). */
  readonly lookUp: (key: string, options: CallOptions) => Promise<{ id?: unknown } | undefined>;
  readonly rows: readonly SourceRow[];
  readonly journal: Journal;
  /** The last journaled state of each row key, from earlier runs. */
  readonly previous: ReadonlyMap<string, RowEntry>;
  readonly concurrency: number;
  readonly options: CallOptions;
  readonly progress: Progress;
  readonly signal: AbortSignal;
}

/**
 * Creates every row exactly once across runs. Each row is journaled `pending` (flushed) before
 * its request and `done`/`failed`/`unknown` after. Rows a previous run left `pending` or
 * `unknown` are first looked up by their import_key (`filter_import_key=…`): found means done,
 * not found means the request never took effect, so it is sent again. `concurrency` workers
 * share the client, whose token bucket keeps the pace within Crossbar's rate limit.
 */
export async function runImport(run: ImportRun): Promise<ImportResult> {
  const { rows, journal, previous, options, progress, signal } = run;
  let created = 0;
  let skipped = 0;
  let recovered = 0;
  let started = 0;
  const failed: FailedRow[] = [];
  let next = 0;

  const fail = (row: SourceRow, error: unknown, uncertain: boolean): void => {
    const fieldErrors = fieldErrorsOf(error);
    const message = error instanceof Error ? error.message : String(error);
    journal.append({
      type: 'row',
      row: row.index + 1,
      key: row.key,
      state: uncertain ? 'unknown' : 'failed',
      error: message,
      ...(fieldErrors.length ? { fieldErrors } : {}),
    });
    failed.push({ row, error: message, fieldErrors, uncertain });
    progress.tick(true);
  };

  const settle = async (row: SourceRow): Promise<void> => {
    const before = previous.get(row.key);
    if (before?.state === 'done') {
      // Already counted in the progress display's starting value.
      skipped++;
      return;
    }
    if (before?.state === 'pending' || before?.state === 'unknown') {
      let found: { id?: unknown } | undefined;
      try {
        run.progress.sent();
        found = await run.lookUp(row.key, options);
      } catch (error) {
        if (signal.aborted) throw error;
        // Without knowing whether it exists, creating it could make a duplicate.
        fail(row, new Error(`could not check whether the row was created by an earlier run: ${(error as Error).message}`), true);
        return;
      }
      if (found) {
        journal.append({ type: 'row', row: row.index + 1, key: row.key, state: 'done', id: String(found.id), recovered: true });
        recovered++;
        progress.tick(false);
        return;
      }
    }
    journal.append({ type: 'row', row: row.index + 1, key: row.key, state: 'pending' });
    progress.sent();
    try {
      const doc = ((await run.create({ ...row.data, [IMPORT_KEY_FIELD]: row.key }, options)) ?? {}) as { id?: unknown };
      journal.append({
        type: 'row',
        row: row.index + 1,
        key: row.key,
        state: 'done',
        ...(doc.id !== undefined ? { id: String(doc.id) } : {}),
      });
      created++;
      progress.tick(false);
    } catch (error) {
      // Interrupted mid-request: the row stays pending, to be looked up on resume.
      if (signal.aborted) throw error;
      fail(row, error, uncertain(error));
    }
  };

  const worker = async (): Promise<void> => {
    while (!signal.aborted && next < rows.length) {
      const row = rows[next++] as SourceRow;
      started++;
      await settle(row);
    }
  };

  const workers = Array.from({ length: Math.min(run.concurrency, Math.max(rows.length, 1)) }, worker);
  const outcomes = await Promise.allSettled(workers);
  const rejection = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (rejection && !signal.aborted) throw rejection.reason;
  const settled = created + skipped + recovered + failed.length;
  return { created, skipped, recovered, failed, notStarted: rows.length - started, inFlight: started - settled };
}

/** Whether the server may have acted on a create that failed: no answer, or a 5xx. */
function uncertain(error: unknown): boolean {
  if (error instanceof ConnectionError) return error.sent;
  return error instanceof TimeoutError || error instanceof ServerError;
}

function fieldErrorsOf(error: unknown): FieldError[] {
  if (error instanceof ApiError && Array.isArray((error as { fieldErrors?: unknown }).fieldErrors)) {
    return [...(error as unknown as { fieldErrors: FieldError[] }).fieldErrors];
  }
  if (error instanceof InvalidArgumentError) return error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
  return [];
}
