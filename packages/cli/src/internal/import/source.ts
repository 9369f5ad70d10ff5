import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import type * as Yaml from 'yaml';
import { UsageError } from '../cli-error';
import { type Doc, isDoc, setPath } from '../fields';
import { fileError } from '../file-error';

/** The custom field each imported document carries: the row's key, found again on `--resume`. */
export const IMPORT_KEY_FIELD = 'import_key';

/** One row of an import file. */
export interface SourceRow {
  /** 0-based position in the file. */
  readonly index: number;
  /** Where it is, for messages: `line 7` (CSV, NDJSON) or `item 3` (JSON array). */
  readonly where: string;
  /** The document to create. */
  readonly data: Doc;
  /** The row as read (CSV cells by header, or the JSON item), for the failed-rows file. */
  readonly original: Readonly<Record<string, unknown>>;
  /** The deterministic key that identifies the row's document. */
  readonly key: string;
}

/** A parsed import file. */
export interface Source {
  readonly kind: 'csv' | 'json' | 'ndjson';
  readonly rows: readonly SourceRow[];
  /** The CSV header, as written. */
  readonly columns?: readonly string[];
}

/**
 * The columns the CLI adds to a failed-rows CSV (why a row failed, and where it was): never
 * fields of a document, so they are not sent when that file is imported again.
 */
export const FAILED_COLUMNS: readonly string[] = ['error', 'line'];

type CellType = 'auto' | 'string' | 'number' | 'boolean' | 'json';
const CELL_TYPES = new Set<CellType>(['auto', 'string', 'number', 'boolean', 'json']);

/**
 * Reads and checks a whole import file before anything is sent: CSV (a header of dot paths,
 * optionally typed `name:number`, `:boolean`, `:json`, `:string`), a JSON array of objects, or
 * NDJSON (`.ndjson`/`.jsonl`, one object per line).
 *
 * @throws UsageError naming the line (or item) for malformed CSV or JSON, a bad cell, or a repeated import_key
 */
export function readSource(file: string): Source {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fileError(file, error);
  }
  const ext = extname(file).toLowerCase();
  const source =
    ext === '.csv'
      ? readCsv(file, text)
      : ext === '.json'
        ? readJsonArray(file, text)
        : ext === '.ndjson' || ext === '.jsonl'
          ? readNdjson(file, text)
          : undefined;
  if (!source) throw new UsageError(`${file}: unknown file type ${JSON.stringify(ext)} (use .csv, .json, .ndjson or .jsonl)`);
  const seen = new Map<string, string>();
  for (const row of source.rows) {
    const other = seen.get(row.key);
    if (other) throw new UsageError(`${file}: ${row.where}: ${IMPORT_KEY_FIELD} ${JSON.stringify(row.key)} is also used by ${other}`);
    seen.set(row.key, row.where);
  }
  return source;
}

function readCsv(file: string, text: string): Source {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns: string[] = [];
  try {
    records = parseCsv(text, {
      bom: true,
      columns: (header: string[]) => {
        columns = header.map((h) => h.trim());
        return columns;
      },
      info: true,
      skip_empty_lines: true,
    }) as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? `line ${error.lines}: ` : '';
      throw new UsageError(`${file}: ${line}malformed CSV: ${error.message}`);
    }
    throw error;
  }
  columns = columns.filter((column) => !FAILED_COLUMNS.includes(column));
  const headers = columns.map((column) => parseHeader(file, column));
  const seen = new Set<string>();
  for (const h of headers) {
    if (seen.has(h.path)) throw new UsageError(`${file}: line 1: column ${JSON.stringify(h.path)} appears twice`);
    seen.add(h.path);
  }
  const rows = records.map(({ record, info }, index) => {
    const newlines = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const where = `line ${info.lines - newlines}`;
    const data: Doc = {};
    for (const header of headers) {
      const cell = record[header.column] ?? '';
      const value = cellValue(cell, header.type, () => `${file}: ${where}: column ${JSON.stringify(header.column)}`);
      if (value !== undefined) {
        try {
          setPath(data, header.path, value);
        } catch (error) {
          throw new UsageError(`${file}: line 1: column ${JSON.stringify(header.column)}: ${(error as Error).message}`);
        }
      }
    }
    return row(index, where, data, record);
  });
  return { kind: 'csv', rows, columns };
}

function parseHeader(file: string, column: string): { column: string; path: string; type: CellType } {
  const colon = column.lastIndexOf(':');
  const suffix = colon > 0 ? column.slice(colon + 1) : '';
  const typed = CELL_TYPES.has(suffix as CellType);
  const type: CellType = typed ? (suffix as CellType) : 'auto';
  const path = typed ? column.slice(0, colon) : column;
  if (path === '' || path.split('.').some((s) => s === ''))
    throw new UsageError(`${file}: line 1: invalid column name ${JSON.stringify(column)}`);
  return { column, path, type };
}

/** A CSV cell as a JSON value; `undefined` (field left out) for an empty cell. */
function cellValue(cell: string, type: CellType, where: () => string): unknown {
  if (cell === '') return undefined;
  switch (type) {
    case 'string':
      return cell;
    case 'number': {
      const n = Number(cell.trim());
      if (cell.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${where()}: ${JSON.stringify(cell)} is not a number`);
      return n;
    }
    case 'boolean': {
      const v = cell.trim().toLowerCase();
      if (['true', 'yes', '1'].includes(v)) return true;
      if (['false', 'no', '0'].includes(v)) return false;
      throw new UsageError(`${where()}: ${JSON.stringify(cell)} is not a boolean (true/false)`);
    }
    case 'json':
      try {
        return JSON.parse(cell);
      } catch (error) {
        throw new UsageError(`${where()}: not valid JSON: ${(error as Error).message}`);
      }
    case 'auto': {
      // Booleans and JSON objects/arrays come back as themselves (what export writes); numbers
      // stay text, since most numeric-looking KAZOO fields (extensions, PINs) are strings.
      if (cell === 'true') return true;
      if (cell === 'false') return false;
      if (/^\s*[[{]/.test(cell)) {
        try {
          return JSON.parse(cell);
        } catch {
          return cell;
        }
      }
      return cell;
    }
  }
}

function readJsonArray(file: string, text: string): Source {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: ${jsonErrorLine(text, error as Error)}malformed JSON: ${jsonErrorMessage(error as Error)}`);
  }
  if (!Array.isArray(parsed))
    throw new UsageError(`${file}: expected a JSON array of objects, got ${parsed === null ? 'null' : typeof parsed}`);
  const rows = parsed.map((item, index) => {
    const where = `item ${index + 1}`;
    if (!isDoc(item)) throw new UsageError(`${file}: ${where}: expected an object, got ${Array.isArray(item) ? 'an array' : typeof item}`);
    // An item of a FILE.failed.json: only its `data` is the document.
    const data = isFailedItem(item) ? item.data : item;
    return row(index, where, structuredClone(data), data);
  });
  return { kind: 'json', rows };
}

/** Whether a JSON item is an entry of a failed-rows file (`{ where, error, field_errors, data }`). */
function isFailedItem(item: Doc): item is Doc & { data: Doc } {
  return (
    isDoc(item.data) &&
    typeof item.where === 'string' &&
    Object.keys(item).every((k) => ['where', 'error', 'field_errors', 'data'].includes(k))
  );
}

function readNdjson(file: string, text: string): Source {
  const rows: SourceRow[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `line ${i + 1}`;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (error) {
      throw new UsageError(`${file}: ${where}: malformed JSON: ${jsonErrorMessage(error as Error)}`);
    }
    if (!isDoc(item)) throw new UsageError(`${file}: ${where}: expected an object, got ${Array.isArray(item) ? 'an array' : typeof item}`);
    rows.push(row(rows.length, where, structuredClone(item), item));
  });
  return { kind: 'ndjson', rows };
}

/**
 * `line N: ` for a JSON syntax error: from the position V8 reports, else from the context it
 * quotes (V8 shows 10 characters either side of an unexpected token), else from yaml's parser
 * (JSON is YAML); empty when none can tell.
 */
function jsonErrorLine(text: string, error: Error): string {
  const lineAt = (position: number): string => `line ${text.slice(0, position).split('\n').length}: `;
  const position = /at position (\d+)/.exec(error.message);
  if (position) return lineAt(Number(position[1]));
  const quoted = /^Unexpected token '[\s\S]', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(error.message);
  if (quoted) {
    const [, before, context = '', after] = quoted;
    if (before) {
      const start = text.indexOf(context);
      if (start >= 0) return lineAt(start + 10);
    } else if (after) {
      return lineAt(context.length - 10);
    }
  }
  // Loaded here only: every import would otherwise pay for yaml to word a malformed file's error.
  const { parseDocument } = createRequire(import.meta.url)('yaml') as typeof Yaml;
  const located = parseDocument(text, { schema: 'json' }).errors[0]?.linePos?.[0];
  return located ? `line ${located.line}: ` : '';
}

/** V8's JSON error without the quoted source it may append. */
function jsonErrorMessage(error: Error): string {
  return error.message.replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, '');
}

function row(index: number, where: string, data: Doc, original: Record<string, unknown>): SourceRow {
  const given = data[IMPORT_KEY_FIELD];
  const key = typeof given === 'string' && given !== '' ? given : rowKey(index, data);
  return { index, where, data, original, key };
}

/**
 * The key of a row without an explicit import_key: its position and a hash of its content, so
 * the same file gives the same keys on every run, and two equal rows still get two keys.
 */
export function rowKey(index: number, data: unknown): string {
  return `r${index + 1}-${createHash('sha256').update(canonical(data)).digest('hex').slice(0, 20)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isDoc(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
