import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { CROSSBAR_RATE_LIMIT, type RateLimitOptions, InvalidArgumentError as SdkInvalidArgumentError } from '@audian/core';
import { Command, InvalidArgumentError } from 'commander';
import { setActivity } from '../internal/activity';
import { CliError, EXIT_CODES, InterruptedError, UsageError } from '../internal/cli-error';
import { coerceToSchema } from '../internal/coerce';
import { addAccountOption, addChargesOption, positiveInt } from '../internal/command-options';
import { type ConnectOptions, connect } from '../internal/connect';
import type { Doc } from '../internal/fields';
import { createDryRunClient } from '../internal/import/dry-run';
import { writeFailedRows } from '../internal/import/failed-file';
import { Journal, journalPath, readJournal } from '../internal/import/journal';
import { createProgress } from '../internal/import/progress';
import { runImport } from '../internal/import/run-import';
import { IMPORT_KEY_FIELD, readSource } from '../internal/import/source';
import { interrupted, interruption } from '../internal/interrupt';
import { callOptions, invoke, resourceClasses, resourceName, resourceOf } from '../internal/resource-class';
import { resourceSchema } from '../internal/resource-schemas';
import { specOf } from '../internal/resource-spec';
import { note } from '../internal/stdout';

type ImportFlags = ConnectOptions & {
  readonly concurrency?: number;
  readonly dryRun?: boolean;
  readonly resume?: boolean;
  readonly acceptCharges?: boolean;
};

const MAX_CONCURRENCY = 32;

/** Parses `--rate-limit capacity/refillPerSecond` (or `off`). */
function rateLimitOption(value: string): RateLimitOptions | false {
  if (value === 'off') return false;
  const match = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[2]) <= 0) {
    throw new InvalidArgumentError('expected capacity/refillPerSecond such as 100/10, or off');
  }
  return { capacity: Number(match[1]), refillPerSecond: Number(match[2]) };
}

/** `audian import RESOURCE FILE`: bulk create, resumable, exactly once per row. */
export function importCommand(): Command {
  const cmd = new Command('import')
    .description('create a document per row of a CSV, JSON or NDJSON file: concurrent, resumable, each row exactly once')
    .argument('<resource>', 'the resource to create, e.g. users, devices')
    .argument('<file>', 'FILE.csv (header of dot paths), FILE.json (array of objects) or FILE.ndjson')
    .option('-c, --concurrency <n>', `requests in flight (at most ${MAX_CONCURRENCY})`, positiveInt('--concurrency'), 4)
    .option('--dry-run', 'validate every row client-side and send nothing')
    .option('--resume', 'continue an interrupted run from its journal')
    .option('--rate-limit <capacity/refill>', 'client-side token bucket, e.g. 100/10 (Crossbar’s default), or off', rateLimitOption);
  addChargesOption(addAccountOption(cmd));
  return cmd
    .addHelpText(
      'after',
      `
Each created document carries the custom field "${IMPORT_KEY_FIELD}": the row's own ${IMPORT_KEY_FIELD} column
when it has one, else a key made of the row number and a hash of its content. A journal beside the
file (FILE.audian-journal.ndjson) records each row before and after its request, flushed to disk;
after a crash or Ctrl-C, run the same command with --resume: rows already done are skipped, rows
in doubt are looked up by ${IMPORT_KEY_FIELD} (filter_${IMPORT_KEY_FIELD}=…) and created only if absent.
Rows that fail are written to FILE.failed.csv (or .json) with their field errors.

CSV cells: empty cells are left out; true/false become booleans; [..] and {..} are parsed as JSON;
everything else is text. Type a column with a suffix: timeout:number, enabled:boolean, ring:json,
pin:string. Nested fields are dot paths: caller_id.internal.number.

Examples:
  audian import users staff.csv --dry-run
  audian import users staff.csv --concurrency 8
  audian import users staff.csv --resume
  audian import devices phones.json --rate-limit 50/5`,
    )
    .action(async (resourceArg: string, file: string, _options: unknown, command: Command) => {
      await importFile(resourceArg, file, command.optsWithGlobals() as ImportFlags);
    });
}

async function importFile(resourceArg: string, file: string, flags: ImportFlags): Promise<void> {
  const name = resourceName(resourceArg);
  if (!name) throw new UsageError(`unknown resource ${JSON.stringify(resourceArg)} (see audian --help)`);
  const spec = specOf(name, resourceClasses()[name] as abstract new (...args: never[]) => object);
  const createVerb = spec.crud.find((c) => c.command === 'create');
  if (!createVerb) throw new UsageError(`${name} cannot be created, so it cannot be imported`);
  const canList = spec.crud.some((c) => c.command === 'list');
  const concurrency = flags.concurrency ?? 4;
  if (concurrency > MAX_CONCURRENCY) throw new UsageError(`--concurrency must be at most ${MAX_CONCURRENCY}`);

  setActivity(`reading ${file}`);
  const read = readSource(file);
  // A cell or JSON value of the wrong scalar type (1001 for an extension) is fixed by the schema.
  const schema = await resourceSchema(name);
  const source = schema ? { ...read, rows: read.rows.map((r) => ({ ...r, data: coerceToSchema(schema, r.data) as Doc })) } : read;
  if (source.rows.length === 0) {
    note(`${file}: no rows to import`);
    return;
  }
  if (flags.dryRun) return dryRun(name, file, source.rows, createVerb.args);

  const journalFile = journalPath(file);
  const before = readJournal(journalFile);
  if (existsSync(journalFile) && !flags.resume) {
    throw new CliError(`${journalFile} exists: an earlier import of this file was started`, EXIT_CODES.failure, [
      'continue it with --resume (rows already created are not created again)',
      'or delete the journal to start over',
    ]);
  }
  const earlier = before.runs[before.runs.length - 1];
  if (earlier && (earlier.resource !== name || earlier.file !== basename(file))) {
    throw new UsageError(
      `${journalFile} belongs to an import of ${earlier.resource} from ${earlier.file}, not ${name} from ${basename(file)}`,
    );
  }
  if (flags.resume && !canList && [...before.rows.values()].some((r) => r.state !== 'done' && r.state !== 'failed')) {
    throw new CliError(`${name} cannot be listed, so rows in doubt cannot be checked; see ${journalFile}`);
  }

  const conn = connect(flags);
  const resource = resourceOf(conn.audian, name);
  const journal = Journal.open(journalFile);
  journal.append({
    type: 'run',
    resource: name,
    file: basename(file),
    rows: source.rows.length,
    started: new Date().toISOString(),
    resumed: flags.resume === true,
  });
  const done = source.rows.filter((r) => before.rows.get(r.key)?.state === 'done').length;
  const progress = createProgress(source.rows.length, done, flags.rateLimit ?? CROSSBAR_RATE_LIMIT);
  setActivity(`importing ${name} from ${file}`);
  let result: Awaited<ReturnType<typeof runImport>>;
  try {
    result = await runImport({
      create: (data, options) => invoke(resource, 'create', [...createArgs(createVerb.args, data), options]) as Promise<unknown>,
      lookUp: async (key, options) => {
        const page = await (invoke(resource, 'list', [{ filter: { [IMPORT_KEY_FIELD]: key } }, options]) as PromiseLike<{
          data: { id?: unknown }[];
        }>);
        return page.data[0];
      },
      rows: source.rows,
      journal,
      previous: before.rows,
      concurrency,
      options: callOptions(flags),
      progress,
      signal: interruption.signal,
    });
  } finally {
    progress.stop();
    journal.close();
  }
  const failedFile = writeFailedRows(file, source, result.failed);
  const uncertain = result.failed.filter((f) => f.uncertain).length;
  const lines = [
    `${name} import from ${file}: ${result.created} created` +
      (result.recovered ? `, ${result.recovered} found already created` : '') +
      (result.skipped ? `, ${result.skipped} done in an earlier run` : '') +
      `, ${result.failed.length} failed` +
      (result.inFlight ? `, ${result.inFlight} in flight (checked on --resume)` : '') +
      (result.notStarted ? `, ${result.notStarted} not started` : ''),
  ];
  for (const failure of result.failed.slice(0, 10)) lines.push(`  ${failure.row.where}: ${failure.error}`);
  if (result.failed.length > 10) lines.push(`  … ${result.failed.length - 10} more`);
  if (failedFile) lines.push(`failed rows written to ${failedFile}`);
  if (uncertain) lines.push(`${uncertain} row(s) got no answer: run again with --resume to check and finish them`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (interrupted()) throw new InterruptedError(`interrupted: continue with audian import ${resourceArg} ${file} --resume`);
  if (result.failed.length) throw new CliError(`${result.failed.length} of ${source.rows.length} rows were not imported`);
}

/**
 * The arguments of `create` for one row: the body, preceded by the row's id field for resources
 * created at their own path (`phone_numbers`: the `number` column, or `id`).
 */
function createArgs(tokens: readonly string[], data: Doc): unknown[] {
  const body: Doc = { ...data };
  return tokens.map((token) => {
    if (token === '@body') return body;
    if (token.startsWith('@')) return undefined;
    const field = token.replace(/(\?|\.\.\.)$/, '');
    const value = body[field] ?? body.id;
    delete body[field];
    if (value === body.id) delete body.id;
    return value;
  });
}

async function dryRun(name: string, file: string, rows: ReturnType<typeof readSource>['rows'], tokens: readonly string[]): Promise<void> {
  const resource = resourceOf(createDryRunClient(), name);
  const problems: string[] = [];
  for (const row of rows) {
    try {
      await invoke(resource, 'create', [...createArgs(tokens, { ...row.data, [IMPORT_KEY_FIELD]: row.key }), {}]);
    } catch (error) {
      if (!(error instanceof SdkInvalidArgumentError)) throw error;
      problems.push(`  ${row.where}: ${error.message}`);
    }
  }
  const valid = rows.length - problems.length;
  process.stdout.write(
    `${[`dry run of ${name} import from ${file}: ${rows.length} rows, ${valid} valid, ${problems.length} invalid; nothing was sent`, ...problems].join('\n')}\n`,
  );
  if (problems.length) throw new CliError(`${problems.length} of ${rows.length} rows are invalid`);
}
