import { join } from 'node:path';
import {
  type AccountRun,
  cancelRun,
  type FleetJob,
  type FleetRun,
  JobFileError,
  loadJobFile,
  RunNotFoundError,
  type RunStatus,
  retryRun,
  runJob,
  runResults,
  runStatus,
  safeRedisUrl,
  startWorker,
} from '@audian/fleet';
import type { AudianOptions } from '@audian/resources';
import { Command, Option } from 'commander';
import { version } from '../../package.json';
import { setActivity } from '../internal/activity';
import { ensurePrivateDir } from '../internal/atomic-file';
import { CliError, EXIT_CODES, InterruptedError, UsageError } from '../internal/cli-error';
import { positiveInt } from '../internal/command-options';
import { configDir } from '../internal/config-dir';
import { profileAuth, resolveProfile } from '../internal/connect';
import { createDebugLogger } from '../internal/debug-logger';
import { createFleetProgress, fleetEtas, formatEta, progressBar } from '../internal/fleet-progress';
import { interruption } from '../internal/interrupt';
import { printValue } from '../internal/output';
import { outputOptions } from '../internal/present';
import { note, write } from '../internal/stdout';

/** Flags every fleet sub-command may get from the top level. */
interface GlobalFlags {
  readonly profile?: string;
  readonly debug?: boolean;
}

interface RedisFlags extends GlobalFlags {
  readonly redis?: string;
}

const POLL_MS = 500;

/** `--redis URL`, else AUDIAN_REDIS_URL, else none (local). */
function redisUrl(flags: RedisFlags): string | undefined {
  return flags.redis ?? (process.env.AUDIAN_REDIS_URL?.trim() || undefined);
}

/** Local runs keep their state beside the profiles, owner-only (the job may hold import rows). */
function stateDir(): string {
  const dir = join(configDir(), 'fleet');
  ensurePrivateDir(dir);
  return dir;
}

/** The client options of the profile in effect: the fleet builds its own clients from them. */
function clientOptions(flags: GlobalFlags): AudianOptions {
  const dir = configDir();
  const profile = resolveProfile(dir, flags);
  return {
    baseUrl: profile.baseUrl,
    auth: profileAuth(dir, profile),
    logger: createDebugLogger(flags.debug === true),
    userAgent: `audian-cli/${version}`,
  };
}

async function loadJob(file: string): Promise<FleetJob> {
  try {
    return await loadJobFile(file);
  } catch (error) {
    if (error instanceof JobFileError) {
      const [head, ...lines] = error.message.split('\n');
      throw new UsageError(head ?? 'invalid fleet job', lines);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new UsageError(`${file}: cannot read the job file (${code})`);
    throw error;
  }
}

/** A run id no store knows is a thing that does not exist: exit 4, as for any other. */
async function found<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof RunNotFoundError) throw new CliError(error.message, EXIT_CODES.notFound, [], error);
    throw error;
  }
}

/** Says so when a Redis run has no worker to run it: it would otherwise wait in silence. */
async function warnWithoutWorkers(run: FleetRun, redis: string): Promise<void> {
  if (run.mode !== 'redis' || (await run.workers()) !== 0) return;
  note(
    `no worker is connected to the queue at ${safeRedisUrl(redis)}: the run waits in Redis until one starts (\`audian fleet worker --redis URL\` on any machine)`,
  );
}

function summary(status: RunStatus): string {
  return `${status.done} done, ${status.failed} failed, ${status.cancelled} cancelled, ${status.pending} pending of ${status.total}${status.dryRun ? ' (dry run: nothing was written)' : ''}`;
}

/**
 * Shows a run's progress until nothing is pending, prints the summary and the failed accounts,
 * and fails (exit 1) unless every account is done. Ctrl-C cancels a local run (its tasks in hand
 * are aborted) and leaves a Redis run to its workers.
 */
async function follow(run: FleetRun, lookup: { redis?: string; stateDir?: string }): Promise<void> {
  let status = await run.status();
  const progress = createFleetProgress(status);
  const onInterrupt = (): void => {
    if (run.mode === 'local') void cancelRun(run.runId).catch(() => undefined);
  };
  interruption.signal.addEventListener('abort', onInterrupt, { once: true });
  try {
    while (!status.finished && !interruption.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      status = await run.status();
      progress.update(status);
    }
    if (run.mode === 'local' || !interruption.signal.aborted) status = await run.finished(POLL_MS);
    progress.update(status);
  } finally {
    progress.stop();
    interruption.signal.removeEventListener('abort', onInterrupt);
    await run.close();
  }
  await write(`${summary(status)}\n`);
  if (interruption.signal.aborted) {
    throw new InterruptedError(
      run.mode === 'local' ? `interrupted: run ${run.runId} cancelled` : `interrupted: run ${run.runId} goes on in the workers`,
    );
  }
  await reportOutcome(status, lookup);
}

/**
 * `fleet status --watch`: the run's progress from any process (a bar on a terminal) until nothing
 * is pending, then the summary and the outcome as `fleet run` reports it. Ctrl-C only stops the
 * watching; the run goes on.
 */
async function watch(first: RunStatus, lookup: { redis?: string; stateDir?: string }): Promise<void> {
  let status = first;
  const progress = createFleetProgress(status);
  try {
    while (!status.finished && !interruption.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      status = await runStatus(status.runId, lookup);
      progress.update(status);
    }
  } finally {
    progress.stop();
  }
  await write(`${summary(status)}\n`);
  if (interruption.signal.aborted) throw new InterruptedError(`stopped watching: run ${status.runId} goes on`);
  await reportOutcome(status, lookup);
}

/** A settled run's outcome: nothing when every account is done; else the failed ones (up to 20) and exit 1 with what to run next. */
async function reportOutcome(status: RunStatus, lookup: { redis?: string; stateDir?: string }): Promise<void> {
  if (status.done === status.total) return;
  const { runId } = status;
  const failed = (await runResults(runId, lookup)).filter((a) => a.state === 'failed');
  for (const account of failed.slice(0, 20)) await write(`  ${label(account)}: ${account.error?.message ?? 'failed'}\n`);
  if (failed.length > 20) await write(`  … and ${failed.length - 20} more (audian fleet results ${runId})\n`);
  throw new CliError(`run ${runId}: ${status.total - status.done} of ${status.total} accounts not done`, EXIT_CODES.failure, [
    ...(status.failed > 0 ? [`retry the failed ones with \`audian fleet retry ${runId} --failed\``] : []),
    ...(status.cancelled > 0 ? [`resume the cancelled ones with \`audian fleet retry ${runId} --cancelled\``] : []),
  ]);
}

function label(account: AccountRun): string {
  return account.chunk === undefined ? account.accountId : `${account.accountId} (chunk ${account.chunk})`;
}

function addRedisOption(cmd: Command): Command {
  return cmd.option('--redis <url>', 'redis://… URL of the queue and run state (env: AUDIAN_REDIS_URL); without it, a local run');
}

/** `--redis` and `--local`, for the commands that look a run up. */
function addLookupOptions(cmd: Command): Command {
  return addRedisOption(cmd).option('--local', 'a local run (kept in the config directory), even when AUDIAN_REDIS_URL is set');
}

function runCommand(): Command {
  return addRedisOption(new Command('run').description('run a job file across its accounts').argument('<job>', 'the job file (YAML)'))
    .option('--local', 'run in this process even when AUDIAN_REDIS_URL is set')
    .option('--dry-run', 'read and compare everything, write nothing; the counts say what would change')
    .option('--concurrency <n>', 'local run: accounts worked on at once (default 8)', positiveInt('--concurrency'))
    .option(
      '--max-rps <n>',
      'local run: requests per second, all accounts together (default: the per-account buckets only)',
      positiveInt('--max-rps'),
    )
    .option('--detach', 'Redis run: print the run id and return; the workers go on')
    .addHelpText(
      'after',
      '\nExamples:\n  audian fleet run jobs/caller-id.yaml --dry-run\n  audian fleet run jobs/caller-id.yaml --redis redis://queue.internal:6379 --detach',
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as RedisFlags & {
        local?: boolean;
        dryRun?: boolean;
        concurrency?: number;
        maxRps?: number;
        detach?: boolean;
      };
      const job = await loadJob(file);
      const redis = flags.local ? undefined : redisUrl(flags);
      const client = clientOptions(flags);
      setActivity(redis ? 'submitting the run to Redis' : 'selecting the accounts');
      const run = await runJob(job, {
        client,
        dryRun: flags.dryRun === true,
        ...(redis ? { redis } : { stateDir: stateDir() }),
        ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
        ...(flags.maxRps !== undefined ? { maxRequestsPerSecond: flags.maxRps } : {}),
      });
      setActivity(undefined);
      await write(`run ${run.runId}: ${run.total} accounts, ${run.mode}${flags.dryRun ? ', dry run' : ''}\n`);
      if (redis) await warnWithoutWorkers(run, redis);
      if (flags.detach && run.mode === 'redis') {
        await run.close();
        return;
      }
      if (run.mode === 'redis') note('waiting for workers (`audian fleet worker`); Ctrl-C stops waiting, the run goes on');
      await follow(run, redis ? { redis } : { stateDir: stateDir() });
    });
}

function workerCommand(): Command {
  return addRedisOption(new Command('worker').description('take account tasks from the Redis queue until SIGINT or SIGTERM'))
    .option('--concurrency <n>', 'accounts worked on at once (default 4)', positiveInt('--concurrency'))
    .option('--max-rps <n>', 'requests per second of this worker, all accounts together', positiveInt('--max-rps'))
    .addHelpText('after', '\nExample:\n  AUDIAN_REDIS_URL=redis://queue.internal:6379 audian fleet worker --concurrency 16')
    .action(async (_options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as RedisFlags & { concurrency?: number; maxRps?: number };
      const redis = redisUrl(flags);
      if (!redis) throw new UsageError('--redis: a worker needs the queue’s URL (--redis redis://HOST:6379 or AUDIAN_REDIS_URL)');
      const client = clientOptions(flags);
      const worker = await startWorker({
        redis,
        client,
        ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
        ...(flags.maxRps !== undefined ? { maxRequestsPerSecond: flags.maxRps } : {}),
      });
      note('worker started; SIGINT or SIGTERM finishes the tasks in hand and stops');
      await new Promise<void>((resolve) => {
        if (interruption.signal.aborted) return resolve();
        interruption.signal.addEventListener('abort', () => resolve(), { once: true });
        process.once('SIGTERM', () => resolve());
      });
      await worker.close();
      note('worker stopped');
    });
}

function lookup(flags: RedisFlags & { local?: boolean }): { redis?: string; stateDir?: string } {
  const redis = flags.local ? undefined : redisUrl(flags);
  return redis ? { redis } : { stateDir: stateDir() };
}

function statusCommand(): Command {
  return addLookupOptions(
    new Command('status').description('show a run’s progress: accounts done, failed, pending, ETA').argument('<run>', 'the run id'),
  )
    .addOption(
      new Option('-o, --output <format>', 'output format (default: table on a terminal, json when piped)').choices([
        'table',
        'json',
        'yaml',
      ]),
    )
    .option(
      '--watch',
      'follow the run until nothing is pending (a progress bar on a terminal), then its summary; exit 1 unless every account is done',
    )
    .addHelpText('after', '\nExamples:\n  audian fleet status RUN\n  audian fleet status RUN --watch --redis redis://queue.internal:6379')
    .action(async (runId: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as RedisFlags & { local?: boolean; output?: string; watch?: boolean };
      const where = lookup(flags);
      const status = await found(runStatus(runId, where));
      if (flags.watch) {
        await watch(status, where);
        return;
      }
      const eta = fleetEtas(status, Date.parse(status.createdAt));
      const output = outputOptions({ ...(flags.output ? { output: flags.output } : {}) });
      await printValue(
        {
          // A bar reads at a glance in a table; JSON and YAML readers compute their own from the counts.
          ...(output.format === 'table' ? { progress: progressBar(status) } : {}),
          ...status,
          requests_left: status.requestsPerTask === undefined ? null : Math.ceil(status.pending * status.requestsPerTask),
          eta_seconds: eta.seconds ?? null,
          eta_bucket_seconds: eta.bucket ?? null,
          eta_observed_seconds: eta.observed ?? null,
          eta: status.finished ? null : formatEta(eta.seconds),
        },
        output,
      );
    });
}

/** One flat record per task, the same columns for every one (for CSV and tables). */
function flatResults(results: readonly AccountRun[]): Record<string, unknown>[] {
  const countKeys = [...new Set(results.flatMap((r) => Object.keys(r.counts ?? {})))];
  const chunked = results.some((r) => r.chunk !== undefined);
  const filed = results.some((r) => r.file !== undefined);
  return results.map((r) => ({
    account_id: r.accountId,
    ...(chunked ? { chunk: r.chunk ?? null } : {}),
    state: r.state,
    attempts: r.attempts,
    ...Object.fromEntries(countKeys.map((k) => [k, r.counts?.[k] ?? null])),
    ...(filed ? { file: r.file ?? null } : {}),
    error: r.error ? `${r.error.status !== undefined ? `${r.error.status} ` : ''}${r.error.message}` : null,
  }));
}

function resultsCommand(): Command {
  return addLookupOptions(
    new Command('results')
      .description('show each account’s outcome: state, counts, error (or an audit’s rows)')
      .argument('<run>', 'the run id'),
  )
    .addOption(
      new Option('-o, --output <format>', 'output format (default: table on a terminal, json when piped)').choices([
        'table',
        'json',
        'ndjson',
        'csv',
      ]),
    )
    .option('--rows', 'an audit: print the rows found, each with its account_id')
    .addHelpText('after', '\nExamples:\n  audian fleet results RUN -o csv > outcome.csv\n  audian fleet results RUN --rows -o ndjson')
    .action(async (runId: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as RedisFlags & { local?: boolean; output?: string; rows?: boolean };
      const results = await found(runResults(runId, lookup(flags)));
      const output = outputOptions({ ...(flags.output ? { output: flags.output } : {}) });
      if (flags.rows) {
        await printValue(
          results.flatMap((r) => (r.rows ?? []).map((row) => ({ account_id: r.accountId, ...row }))),
          output,
        );
        return;
      }
      const nested = output.format === 'json' || output.format === 'ndjson';
      await printValue(nested ? results : flatResults(results), output);
    });
}

function cancelCommand(): Command {
  return addLookupOptions(
    new Command('cancel')
      .description('cancel a run: pending accounts are not run (a local run is stopped in the process that runs it)')
      .argument('<run>', 'the run id'),
  ).action(async (runId: string, _options: unknown, command: Command) => {
    const flags = command.optsWithGlobals() as RedisFlags & { local?: boolean };
    const status = await found(cancelRun(runId, lookup(flags)));
    await write(`run ${runId} cancelled: ${summary(status)}\n`);
  });
}

function retryCommand(): Command {
  return addLookupOptions(
    new Command('retry').description('run a run’s failed (or cancelled) accounts again').argument('<run>', 'the run id'),
  )
    .option('--failed', 'retry the failed accounts (the default)')
    .option('--cancelled', 'retry the cancelled accounts')
    .option('--concurrency <n>', 'local run: accounts worked on at once (default 8)', positiveInt('--concurrency'))
    .option(
      '--max-rps <n>',
      'local run: requests per second, all accounts together (default: the per-account buckets only)',
      positiveInt('--max-rps'),
    )
    .option('--detach', 'Redis run: print the run id and return; the workers go on')
    .action(async (runId: string, _options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as RedisFlags & {
        local?: boolean;
        failed?: boolean;
        cancelled?: boolean;
        concurrency?: number;
        maxRps?: number;
        detach?: boolean;
      };
      const where = lookup(flags);
      const run = await found(
        retryRun(runId, {
          ...where,
          failed: flags.failed === true || flags.cancelled !== true,
          cancelled: flags.cancelled === true,
          client: clientOptions(flags),
          ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
          ...(flags.maxRps !== undefined ? { maxRequestsPerSecond: flags.maxRps } : {}),
        }),
      );
      await write(`run ${run.runId}: ${run.total} accounts again, ${run.mode}\n`);
      if (where.redis) await warnWithoutWorkers(run, where.redis);
      if (flags.detach && run.mode === 'redis') {
        await run.close();
        return;
      }
      await follow(run, where);
    });
}

/** `audian fleet`: one job across many accounts, in this process or on Redis workers. */
export function fleetCommand(): Command {
  return new Command('fleet')
    .description('run one change across many accounts (locally, or on Redis workers)')
    .addCommand(runCommand())
    .addCommand(workerCommand())
    .addCommand(statusCommand())
    .addCommand(resultsCommand())
    .addCommand(cancelCommand())
    .addCommand(retryCommand());
}
