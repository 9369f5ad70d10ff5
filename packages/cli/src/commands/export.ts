import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { PagePromise } from '@audian/core';
import { Command, Option } from 'commander';
import { setActivity } from '../internal/activity';
import { UsageError } from '../internal/cli-error';
import { addAccountOption, addListOptions } from '../internal/command-options';
import { type ConnectOptions, connect } from '../internal/connect';
import { parseFields } from '../internal/fields';
import { type ListFlags, toListParams } from '../internal/list-options';
import { createItemSink, type OutputFormat } from '../internal/output';
import { listContext } from '../internal/present';
import { callOptions, invoke, resourceClasses, resourceName, resourceOf } from '../internal/resource-class';
import { note } from '../internal/stdout';

type ExportFlags = ConnectOptions & ListFlags & { readonly output?: OutputFormat; readonly fields?: string; readonly out?: string };

/** `audian export RESOURCE`: every document, page by page, never all in memory. */
export function exportCommand(): Command {
  const cmd = new Command('export')
    .description('stream every item of a resource listing as CSV, NDJSON or JSON, page by page')
    .argument('<resource>', 'the resource to export, e.g. users')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['csv', 'ndjson', 'json']).default('ndjson'))
    .option('--fields <list>', 'comma-separated fields (dot paths); CSV columns default to those of the first page')
    .option('--out <file>', 'write to this file instead of standard output');
  addListOptions(addAccountOption(cmd), false);
  return cmd
    .addHelpText(
      'after',
      `
CSV columns are the flattened fields (caller_id.internal.number) of the first page, unless --fields
says otherwise; such a CSV imports back with audian import.

Examples:
  audian export users --output csv > users.csv
  audian export devices --filter device_type=sip_device --output ndjson --out devices.ndjson`,
    )
    .action(async (resourceArg: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as ExportFlags;
      const name = resourceName(resourceArg);
      if (!name) throw new UsageError(`unknown resource ${JSON.stringify(resourceArg)} (see audian --help)`);
      const prototype = (resourceClasses()[name] as { prototype: Record<string, unknown> }).prototype;
      if (typeof prototype.list !== 'function') throw new UsageError(`${name} has no listing to export`);
      const fields = parseFields(flags.fields);
      const params = toListParams(flags);
      const resource = resourceOf(connect(flags).audian, name);
      const out: Writable = flags.out ? createWriteStream(flags.out) : process.stdout;
      const sink = createItemSink({ format: flags.output ?? 'ndjson', ...(fields ? { fields } : {}), ...listContext(name) }, out);
      setActivity(`exporting ${name}`);
      const listing = invoke(resource, 'list', [params, callOptions({})]) as PagePromise<unknown>;
      let count = 0;
      for await (const page of listing.iterPages()) {
        for (const item of page.data) await sink.write(item);
        count += page.data.length;
        await sink.pageEnd();
      }
      await sink.end();
      if (flags.out) {
        (out as ReturnType<typeof createWriteStream>).end();
        await once(out, 'finish');
        note(`exported ${count} ${name} to ${flags.out}`);
      }
    });
}
