import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { PagePromise } from '@audian/core';
import { Command, Option } from 'commander';
import { setActivity } from '../internal/activity';
import { UsageError } from '../internal/cli-error';
import { addAccountOption, addListOptions, positiveInt } from '../internal/command-options';
import { type ConnectOptions, connect } from '../internal/connect';
import { flatten, isDoc, parseFields } from '../internal/fields';
import { type ListFlags, toListParams } from '../internal/list-options';
import { createItemSink, type ItemSink, type OutputFormat } from '../internal/output';
import { listContext } from '../internal/present';
import { callOptions, invoke, type ResourceObject, resourceClasses, resourceName, resourceOf } from '../internal/resource-class';
import { note, write } from '../internal/stdout';

/** Marks the end of a page in a stream of items (a CSV without a spool decides its columns there). */
const PAGE_END = Symbol('page end');

type ExportFlags = ConnectOptions &
  ListFlags & {
    readonly output?: OutputFormat;
    readonly fields?: string;
    readonly out?: string;
    readonly full?: boolean;
    readonly concurrency?: number;
  };

/** `audian export RESOURCE`: every document, page by page, never all in memory. */
export function exportCommand(): Command {
  const cmd = new Command('export')
    .description('stream every item of a resource listing as CSV, NDJSON or JSON, page by page')
    .argument('<resource>', 'the resource to export, e.g. users')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['csv', 'ndjson', 'json']).default('ndjson'))
    .option('--fields <list>', 'comma-separated fields (dot paths); CSV columns default to every field of every item')
    .option('--full', 'export whole documents: one GET per item (paced by the rate limit), not the listing’s summaries')
    .option('-c, --concurrency <n>', 'with --full: documents fetched at a time', positiveInt('--concurrency'), 4)
    .option('--out <file>', 'write to this file instead of standard output');
  addListOptions(addAccountOption(cmd), false);
  return cmd
    .addHelpText(
      'after',
      `
CSV columns are every flattened field (caller_id.internal.number) found in any item, unless
--fields says otherwise: the items are spooled to a private temporary file while the columns are
gathered, then written, so memory stays flat. Such a CSV imports back with audian import.
A listing holds summaries; --full fetches each whole document (GET per id).

Examples:
  audian export users --output csv > users.csv
  audian export users --full --output csv --out users-full.csv
  audian export devices --filter device_type=sip_device --output ndjson --out devices.ndjson`,
    )
    .action(async (resourceArg: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as ExportFlags;
      const name = resourceName(resourceArg);
      if (!name) throw new UsageError(`unknown resource ${JSON.stringify(resourceArg)} (see audian --help)`);
      const prototype = (resourceClasses()[name] as { prototype: Record<string, unknown> }).prototype;
      if (typeof prototype.list !== 'function') throw new UsageError(`${name} has no listing to export`);
      if (flags.full && typeof prototype.get !== 'function') throw new UsageError(`${name} has no get: --full cannot fetch its documents`);
      const fields = parseFields(flags.fields);
      const params = toListParams(flags);
      const resource = resourceOf(connect(flags).audian, name);
      const format = flags.output ?? 'ndjson';
      const out: Writable = flags.out ? createWriteStream(flags.out) : process.stdout;
      setActivity(`exporting ${name}`);
      const listing = invoke(resource, 'list', [params, callOptions({})]) as PagePromise<unknown>;
      const progress = flags.full ? createCounter(name) : undefined;
      const items = flags.full ? fullDocuments(listing, resource, flags.concurrency ?? 4, progress) : listedItems(listing);
      const sinkFor = (columns: readonly string[] | undefined) =>
        createItemSink({ format, ...(columns?.length ? { fields: columns } : {}), ...listContext(name) }, out);
      const count = format === 'csv' && !fields ? await writeCsvAllColumns(items, sinkFor) : await writeAll(items, sinkFor(fields));
      progress?.done();
      if (flags.out) {
        (out as ReturnType<typeof createWriteStream>).end();
        await once(out, 'finish');
        note(`exported ${count} ${name} to ${flags.out}`);
      }
    });
}

/** The items of every page, each page followed by {@link PAGE_END}. */
async function* listedItems(listing: PagePromise<unknown>): AsyncGenerator<unknown | typeof PAGE_END> {
  for await (const page of listing.iterPages()) {
    yield* page.data;
    yield PAGE_END;
  }
}

/**
 * The whole document of every listed item: one `get(id)` each, `concurrency` at a time, in the
 * listing's order. The client's token bucket paces them within Crossbar's rate limit.
 */
async function* fullDocuments(
  listing: PagePromise<unknown>,
  resource: ResourceObject,
  concurrency: number,
  progress: Counter | undefined,
): AsyncGenerator<unknown | typeof PAGE_END> {
  for await (const page of listing.iterPages()) {
    const ids = page.data.map((item) => (isDoc(item) ? item.id : undefined));
    const docs: unknown[] = new Array(ids.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const i = next++;
        const id = ids[i];
        docs[i] = typeof id === 'string' ? await invoke(resource, 'get', [id, callOptions({})]) : page.data[i];
        progress?.tick();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    yield* docs;
    yield PAGE_END;
  }
}

async function writeAll(items: AsyncIterable<unknown>, sink: ItemSink): Promise<number> {
  let count = 0;
  for await (const item of items) {
    if (item === PAGE_END) {
      await sink.pageEnd();
      continue;
    }
    await sink.write(item);
    count++;
  }
  await sink.end();
  return count;
}

/**
 * A CSV whose columns are the union of every item's fields, not the first page's: the items go
 * to a private (0600) temporary NDJSON file while the columns are gathered, then the CSV is
 * written from it. Memory holds one item and the column names.
 */
async function writeCsvAllColumns(items: AsyncIterable<unknown>, sinkFor: (columns: readonly string[]) => ItemSink): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'audian-export-'));
  const spool = join(dir, 'items.ndjson');
  try {
    const file = createWriteStream(spool, { mode: 0o600 });
    const columns = new Set<string>();
    for await (const item of items) {
      if (item === PAGE_END) continue;
      for (const key of Object.keys(flatten(item))) columns.add(key);
      await write(`${JSON.stringify(item)}\n`, file);
    }
    file.end();
    await once(file, 'finish');
    const ordered = columns.has('id') ? ['id', ...[...columns].filter((c) => c !== 'id')] : [...columns];
    const lines = createInterface({ input: createReadStream(spool, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
    return await writeAll(parsedLines(lines), sinkFor(ordered));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function* parsedLines(lines: AsyncIterable<string>): AsyncGenerator<unknown> {
  for await (const line of lines) if (line !== '') yield JSON.parse(line);
}

interface Counter {
  tick(): void;
  done(): void;
}

/** `--full` progress on standard error: a line rewritten in place on a terminal, else every 2 s. */
function createCounter(name: string, tty = process.stderr.isTTY === true): Counter {
  let count = 0;
  let last = 0;
  const show = (final: boolean): void => {
    const text = `progress: ${count} ${name} fetched`;
    if (tty) process.stderr.write(`\r${text}${final ? '\n' : ''}`);
    else process.stderr.write(`${text}\n`);
  };
  return {
    tick() {
      count++;
      const now = Date.now();
      if (tty || now - last >= 2000) {
        last = now;
        show(false);
      }
    },
    done() {
      show(true);
    },
  };
}
