import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { BinaryResponse, PagePromise } from '@audian/core';
import { compile, type JSONValue, search } from '@jmespath-community/jmespath';
import { UsageError } from './cli-error';
import { parseFields } from './fields';
import type { ListFlags } from './list-options';
import { createItemSink, type OutputOptions, printValue, resolveFormat } from './output';
import { note, stdoutIsTTY } from './stdout';

/** The output flags as commander parses them. */
export interface OutputFlags {
  readonly output?: string;
  readonly fields?: string;
  readonly jmespath?: string;
  readonly out?: string;
}

/** The output options from the flags (format defaults to table on a terminal, JSON when piped). */
export function outputOptions(flags: OutputFlags): OutputOptions {
  const fields = parseFields(flags.fields);
  const query = flags.jmespath !== undefined ? compileQuery(flags.jmespath) : undefined;
  return { format: resolveFormat(flags.output), ...(fields ? { fields } : {}), ...(query ? { query } : {}) };
}

/**
 * Compiles `--jmespath` (a JMESPath expression, @jmespath-community/jmespath) before anything is sent.
 *
 * @throws UsageError for an expression that does not parse
 */
export function compileQuery(expression: string): (value: unknown) => unknown {
  try {
    compile(expression);
  } catch (error) {
    throw new UsageError(`--jmespath: ${JSON.stringify(expression)} is not a JMESPath expression: ${(error as Error).message}`);
  }
  return (value) => search(value as JSONValue, expression);
}

/** Whether a value is a lazy listing (`PagePromise`). */
export function isPagePromise(value: unknown): value is PagePromise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PagePromise<unknown>).iterPages === 'function';
}

/** Whether a value is a binary answer (`BinaryResponse`). */
export function isBinary(value: unknown): value is BinaryResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BinaryResponse).stream === 'function' &&
    typeof (value as BinaryResponse).arrayBuffer === 'function'
  );
}

/**
 * What an empty listing of `resource` prints: `no users` in a table, the summary's fields as the
 * header of a CSV.
 */
export function listContext(resource: string | undefined): Pick<OutputOptions, 'label' | 'emptyColumns'> {
  if (!resource) return {};
  return {
    label: resource.replace(/_/g, ' '),
    emptyColumns: async () => (await import('./resource-schemas')).summaryFields(resource),
  };
}

/**
 * Prints a listing: the first page by default, `--limit N` items, or every page with `--all`,
 * streaming item by item (CSV and NDJSON never hold more than a page).
 */
export async function printList(listing: PagePromise<unknown>, flags: ListFlags & OutputFlags, resource?: string): Promise<number> {
  const options = { ...outputOptions(flags), ...listContext(resource) };
  // A query sees the whole list at once: the items are gathered, then printed as one value.
  const gathered: unknown[] = [];
  const sink = options.query
    ? { write: async (item: unknown) => void gathered.push(item), pageEnd: async () => {}, end: () => printValue(gathered, options) }
    : createItemSink(options);
  let count = 0;
  let more = false;
  for await (const page of listing.iterPages()) {
    let i = 0;
    for (; i < page.data.length; i++) {
      if (flags.limit !== undefined && count >= flags.limit) break;
      await sink.write(page.data[i]);
      count++;
    }
    await sink.pageEnd();
    if (flags.limit !== undefined && count >= flags.limit) {
      more = i < page.data.length || page.hasNextPage();
      break;
    }
    if (!flags.all && flags.limit === undefined) {
      more = page.hasNextPage();
      break;
    }
  }
  await sink.end();
  if (more && process.stderr.isTTY) note('(more items: add --all for every page, or --limit N)');
  return count;
}

/** Writes a stream the SDK returned (a CSV export) to `--out FILE` or standard output. */
async function writeStream(stream: ReadableStream<Uint8Array>, out: string | undefined): Promise<void> {
  const source = Readable.fromWeb(stream as unknown as WebReadableStream<Uint8Array>);
  if (out !== undefined) await pipeline(source, createWriteStream(out));
  else await pipeline(source, process.stdout, { end: false });
}

/**
 * Writes a binary answer to `--out FILE`, or to standard output (refusing to dump non-text
 * bytes on a terminal).
 *
 * @throws UsageError for binary content headed for a terminal
 */
export async function writeBinary(response: BinaryResponse, out: string | undefined): Promise<void> {
  const source = Readable.fromWeb(response.stream() as unknown as WebReadableStream<Uint8Array>);
  if (out !== undefined) {
    await pipeline(source, createWriteStream(out));
    note(`wrote ${out}${response.contentType ? ` (${response.contentType})` : ''}`);
    return;
  }
  const type = response.contentType ?? '';
  if (stdoutIsTTY() && !/^text\/|json|xml|vcard|csv/i.test(type)) {
    await response.cancel();
    throw new UsageError(`the answer is binary (${type || 'unknown type'}): write it with --out FILE or redirect standard output`);
  }
  await pipeline(source, process.stdout, { end: false });
}

/** Prints whatever a resource method returned: a listing, a binary answer, or a value. */
export async function present(result: unknown, flags: ListFlags & OutputFlags, resource?: string): Promise<void> {
  if (isPagePromise(result)) {
    await printList(result, flags, resource);
  } else if (isBinary(result)) {
    await writeBinary(result, flags.out);
  } else if (result instanceof ReadableStream) {
    await writeStream(result as ReadableStream<Uint8Array>, flags.out);
  } else if (result !== undefined) {
    await printValue(result, outputOptions(flags));
  }
}
