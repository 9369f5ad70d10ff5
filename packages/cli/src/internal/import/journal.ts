import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { FieldError } from '@audian/core';

/** The start of a run: what is imported, from where. */
export interface RunEntry {
  readonly type: 'run';
  readonly resource: string;
  readonly file: string;
  readonly rows: number;
  readonly started: string;
  readonly resumed: boolean;
}

/**
 * A row's outcome. `pending`: the create is about to be sent (the server may or may not have
 * acted if nothing follows); `done`: created (or found again) as `id`; `failed`: refused, nothing
 * was created; `unknown`: no answer came after sending, so the row is looked up on resume.
 */
export interface RowEntry {
  readonly type: 'row';
  readonly row: number;
  readonly key: string;
  readonly state: 'pending' | 'done' | 'failed' | 'unknown';
  readonly id?: string;
  /** The row was found on the server rather than created by this run. */
  readonly recovered?: boolean;
  readonly error?: string;
  readonly fieldErrors?: readonly FieldError[];
}

/** One journal line. */
export type JournalEntry = RunEntry | RowEntry;

/** The journal beside an import file: `users.csv` → `users.audian-journal.ndjson`. */
export function journalPath(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.audian-journal.ndjson`);
}

/**
 * An append-only NDJSON journal. Every line is written before the call returns, so a run killed
 * at any moment (SIGKILL included) can be resumed without creating a row twice; `pending` lines
 * are also flushed to disk (fsync) before their request leaves, so that holds even after a
 * machine crash. Other lines are not flushed one by one: a lost `done` line only makes the
 * resume look the row up instead of trusting the journal.
 */
export class Journal {
  readonly path: string;
  readonly #fd: number;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.#fd = fd;
  }

  /** Opens (creating when needed) a journal for appending. */
  static open(path: string): Journal {
    return new Journal(path, openSync(path, 'a', 0o600));
  }

  /** Appends one entry; a `pending` row (and a run header) is flushed to disk before returning. */
  append(entry: JournalEntry): void {
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
    if (entry.type === 'run' || entry.state === 'pending') fsyncSync(this.#fd);
  }

  /** Flushes and closes the file. */
  close(): void {
    fsyncSync(this.#fd);
    closeSync(this.#fd);
  }
}

/** What an existing journal says: its runs and the last state of each row key. */
export interface JournalState {
  readonly runs: readonly RunEntry[];
  readonly rows: ReadonlyMap<string, RowEntry>;
}

/**
 * Reads a journal. A torn last line (the process was killed while writing it) is ignored: its
 * request had not been sent yet, since each line is flushed before its request goes out.
 */
export function readJournal(path: string): JournalState {
  const runs: RunEntry[] = [];
  const rows = new Map<string, RowEntry>();
  if (!existsSync(path)) return { runs, rows };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    if (entry.type === 'run') runs.push(entry);
    else if (entry.type === 'row' && typeof entry.key === 'string') rows.set(entry.key, entry);
  }
  return { runs, rows };
}
