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
 * An append-only NDJSON journal, each line flushed to disk (fsync) before the call returns: a
 * `pending` line is on disk before its request leaves, so a run killed at any moment can be
 * resumed without creating a row twice.
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

  /** Appends one entry and flushes it to disk. */
  append(entry: JournalEntry): void {
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.#fd);
  }

  /** Closes the file. */
  close(): void {
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
