import type { Writable } from 'node:stream';
import { fromGregorianSeconds } from '@audian/core';
import Table from 'cli-table3';
import { stringify as csvStringify } from 'csv-stringify/sync';
import { UsageError } from './cli-error';
import { type Doc, flatten, getPath, isDoc, project } from './fields';
import { stdoutIsTTY, write } from './stdout';

/** The output formats of every command that prints data. */
export const OUTPUT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'tsv', 'yaml'] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** How to print: the format and the chosen fields (dot paths). */
export interface OutputOptions {
  readonly format: OutputFormat;
  readonly fields?: readonly string[];
  /** A compiled `--jmespath` query, applied to the whole result before printing. */
  readonly query?: (value: unknown) => unknown;
  /** What a list holds (`users`): an empty table says `no users`. */
  readonly label?: string;
  /** The columns of an empty CSV (its header), when no fields were chosen. */
  readonly emptyColumns?: () => Promise<readonly string[] | undefined>;
}

/** `yaml`'s stringify, loaded when YAML is printed: every other format starts without it. */
async function yamlStringify(value: unknown): Promise<string> {
  return (await import('yaml')).stringify(value);
}

const MAX_DEFAULT_COLUMNS = 8;
/** Fields that say when, in the order a table prefers them. */
const TIME_COLUMNS = ['timestamp', 'created', 'modified'];
/** Gregorian seconds between 1990 and 2100: a time, when the field's name says so too. */
const GREGORIAN_RANGE = [62_798_371_200, 66_269_664_000] as const;
const TIME_KEY = /(^|[._])(timestamp|created|modified|date|time|[a-z]+_(time|at|timestamp))$/;
const MAX_CELL = 60;

/**
 * The format to use: the one asked for, else a table on a terminal and JSON when piped.
 *
 * @throws UsageError for an unknown format
 */
export function resolveFormat(format: string | undefined, tty: boolean = stdoutIsTTY()): OutputFormat {
  if (format === undefined) return tty ? 'table' : 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--output: unknown format ${JSON.stringify(format)} (use ${OUTPUT_FORMATS.join(', ')})`);
  }
  return format as OutputFormat;
}

/** Receives a stream of items and prints them as they come (a table waits for the last one). */
export interface ItemSink {
  /** Prints (or buffers) one item. */
  write(item: unknown): Promise<void>;
  /** Marks the end of a page: a CSV decides its columns at the first one. */
  pageEnd(): Promise<void>;
  /** Prints what is left and closes the document (`]` for JSON). */
  end(): Promise<void>;
}

/** A sink printing items in `options.format` to `out`. */
export function createItemSink(options: OutputOptions, out: Writable = process.stdout): ItemSink {
  const { format, fields } = options;
  let count = 0;
  switch (format) {
    case 'json':
      return {
        async write(item) {
          const text = indent(JSON.stringify(project(item, fields), null, 2));
          await write(`${count++ === 0 ? '[\n' : ',\n'}${text}`, out);
        },
        async pageEnd() {},
        async end() {
          await write(count === 0 ? '[]\n' : '\n]\n', out);
        },
      };
    case 'ndjson':
      return {
        async write(item) {
          count++;
          await write(`${JSON.stringify(project(item, fields))}\n`, out);
        },
        async pageEnd() {},
        async end() {},
      };
    case 'yaml':
      return {
        async write(item) {
          count++;
          await write(await yamlStringify([project(item, fields)]), out);
        },
        async pageEnd() {},
        async end() {
          if (count === 0) await write('[]\n', out);
        },
      };
    case 'csv':
    case 'tsv': {
      const separated = (rows: unknown[][], header: boolean, cols: string[]): string =>
        format === 'csv' ? csvStringify(rows, { header, columns: cols }) : tsv(rows as string[][], header ? cols : undefined);
      let columns: string[] | undefined = fields ? [...fields] : undefined;
      let pending: unknown[] = [];
      let headerDone = false;
      const flush = async (): Promise<void> => {
        if (pending.length === 0) return;
        columns ??= columnsOf(pending, 'csv');
        const rows = pending.map((item) => rowOf(item, columns as string[], 'csv'));
        pending = [];
        await write(separated(rows, !headerDone, columns), out);
        headerDone = true;
      };
      return {
        async write(item) {
          pending.push(item);
          if (columns) await flush();
        },
        pageEnd: flush,
        async end() {
          await flush();
          // An empty result is still a CSV with its header: the chosen fields, else the listing's.
          const header = columns ?? [...((await options.emptyColumns?.()) ?? [])];
          if (!headerDone && header.length) await write(separated([], true, header), out);
        },
      };
    }
    case 'table': {
      const items: unknown[] = [];
      return {
        async write(item) {
          items.push(item);
        },
        async pageEnd() {},
        async end() {
          if (items.length === 0 && options.label) await write(`no ${options.label}\n`, out);
          else await write(renderRows(items, fields), out);
        },
      };
    }
  }
}

/** Prints one value (a document, a list, a scalar) in `options.format`. */
export async function printValue(raw: unknown, options: OutputOptions, out: Writable = process.stdout): Promise<void> {
  const { format, fields } = options;
  const value = options.query ? options.query(raw) : raw;
  if (Array.isArray(value) && format !== 'json' && format !== 'yaml') {
    const sink = createItemSink({ ...options, query: undefined }, out);
    for (const item of value) await sink.write(item);
    await sink.end();
    return;
  }
  switch (format) {
    case 'json':
      await write(
        `${JSON.stringify(Array.isArray(value) ? value.map((v) => project(v, fields)) : project(value, fields), null, 2) ?? 'null'}\n`,
        out,
      );
      return;
    case 'ndjson':
      await write(`${JSON.stringify(project(value, fields)) ?? 'null'}\n`, out);
      return;
    case 'yaml':
      await write(await yamlStringify(Array.isArray(value) ? value.map((v) => project(v, fields)) : project(value, fields)), out);
      return;
    case 'csv': {
      const columns = fields ? [...fields] : columnsOf([value], 'csv');
      await write(csvStringify([rowOf(value, columns, 'csv')], { header: true, columns }), out);
      return;
    }
    case 'tsv': {
      const columns = fields ? [...fields] : columnsOf([value], 'csv');
      await write(tsv([rowOf(value, columns, 'csv')], columns), out);
      return;
    }
    case 'table':
      await write(isDoc(value) ? renderDocument(value, fields) : `${cell(value, 'table')}\n`, out);
      return;
  }
}

/**
 * Columns for a list: `id` first, then the flattened keys in order of appearance. A table keeps
 * the first few that print well (no lists of objects); a CSV keeps them all.
 */
function columnsOf(items: readonly unknown[], mode: 'csv' | 'table'): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    for (const [key, value] of Object.entries(flatten(item))) {
      if (mode === 'table' && Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) continue;
      seen.add(key);
    }
  }
  const keys = [...seen];
  // A table shows when (a CDR's timestamp, a document's created) right after the id.
  const time = mode === 'table' ? TIME_COLUMNS.find((k) => seen.has(k)) : undefined;
  const first = ['id', ...(time ? [time] : [])].filter((k) => seen.has(k));
  const ordered = [...first, ...keys.filter((k) => !first.includes(k))];
  return mode === 'table' ? ordered.slice(0, MAX_DEFAULT_COLUMNS) : ordered;
}

function rowOf(item: unknown, columns: readonly string[], mode: 'csv' | 'table'): string[] {
  if (!isDoc(item)) return [cell(item, mode)];
  return columns.map((c) => cell(getPath(item, c) ?? (item as Doc)[c], mode, c));
}

/**
 * A Gregorian-seconds time (what Crossbar stores in `created`, `modified`, a CDR's `timestamp`)
 * as a local ISO time with its offset, for tables; JSON, YAML and CSV keep the number.
 */
export function localTime(key: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || !TIME_KEY.test(key)) return undefined;
  if (value < GREGORIAN_RANGE[0] || value > GREGORIAN_RANGE[1]) return undefined;
  const date = fromGregorianSeconds(value);
  const offset = -date.getTimezoneOffset();
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`}`;
}

function cell(value: unknown, mode: 'csv' | 'table', key = ''): string {
  if (value === undefined || value === null) return '';
  if (mode === 'table') {
    const time = localTime(key, value);
    if (time) return time;
  }
  if (typeof value === 'string') return mode === 'table' ? truncate(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (mode === 'table' && Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return truncate(value.join(', '));
  const json = JSON.stringify(value);
  return mode === 'table' ? truncate(json) : json;
}

/**
 * Tab-separated values, one line per row (`cut -f2`, `while IFS=$'\t' read`): a tab, newline or
 * backslash inside a cell is written as `\t`, `\n`, `\\`, so every row stays one line.
 */
function tsv(rows: readonly (readonly string[])[], header: readonly string[] | undefined): string {
  const escapeCell = (cell: string) => cell.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
  const lines = [...(header ? [header] : []), ...rows].map((row) => row.map(escapeCell).join('\t'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > MAX_CELL ? `${oneLine.slice(0, MAX_CELL - 1)}…` : oneLine;
}

function borderless(head: string[]): Table.Table {
  return new Table({
    head,
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
  });
}

function renderRows(items: readonly unknown[], fields: readonly string[] | undefined): string {
  if (items.length === 0) return '';
  if (!items.some(isDoc)) return `${items.map((i) => cell(i, 'table')).join('\n')}\n`;
  const columns = fields ? [...fields] : columnsOf(items, 'table');
  const table = borderless(columns);
  for (const item of items) table.push(rowOf(item, columns, 'table'));
  return `${trimLines(table.toString())}\n`;
}

function renderDocument(doc: Doc, fields: readonly string[] | undefined): string {
  const flat = fields ? Object.fromEntries(fields.map((f) => [f, getPath(doc, f)])) : flatten(doc);
  const entries = Object.entries(flat);
  if (entries.length === 0) return '';
  const table = borderless([]);
  for (const [key, value] of entries) table.push([key, cell(value, 'table', key)]);
  return `${trimLines(table.toString())}\n`;
}

/** Trailing spaces off each line; a row whose cells are all empty stays, as an empty line. */
function trimLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
