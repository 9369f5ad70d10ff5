import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRun,
  type FleetJob,
  JobFileError,
  RedisUnavailableError,
  RunNotFoundError,
  retryRun,
  runJob,
  runResults,
  runStatus,
} from '../src/index.js';
import { countUsers, type Fleet, startFleet } from './fleet-fixture.js';
import { freePort } from './redis-server.js';

let fleet: Fleet;
let dir: string;

const FIXTURE = fileURLToPath(new URL('./fixtures/local-run-cli.ts', import.meta.url));
/** Runs the fixture in another process (see fixtures/local-run-cli.ts). */
const fixture = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', '--conditions=@audian/source', FIXTURE, ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, FLEET_TEST_API_KEY: fleet.apiKey },
  });

beforeAll(async () => {
  fleet = await startFleet(4);
  dir = await mkdtemp(join(tmpdir(), 'fleet-'));
});
afterAll(async () => {
  await fleet?.sandbox.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function importJob(): FleetJob {
  return {
    action: 'import',
    resource: 'users',
    key: 'email',
    accounts: { descendantsOf: fleet.resellerId },
    rows: fleet.accountIds.flatMap((account_id, i) => [
      { account_id, email: `ann${i}@example.com`, first_name: 'Ann', last_name: `Doe${i}` },
      { account_id, email: `bob${i}@example.com`, first_name: 'Bob', last_name: `Roe${i}` },
    ]),
  };
}

describe('local mode', () => {
  it('imports rows into their accounts, and a second run creates nothing', async () => {
    const run = await runJob(importJob(), { client: fleet.client });
    expect(run.mode).toBe('local');
    expect(run.total).toBe(4);
    const status = await run.finished();
    expect(status).toMatchObject({ total: 4, done: 4, failed: 0, pending: 0, finished: true });
    const results = await runResults(run.runId);
    expect(results.map((r) => r.counts)).toEqual(Array(4).fill({ rows: 2, created: 2, existing: 0 }));

    const again = await runJob(importJob(), { client: fleet.client });
    await again.finished();
    expect((await runResults(again.runId)).map((r) => r.counts)).toEqual(Array(4).fill({ rows: 2, created: 0, existing: 2 }));
    for (const [i, id] of fleet.accountIds.entries()) expect(await countUsers(fleet.audian, id, `ann${i}@example.com`)).toBe(1);
  });

  it('patches matching documents once: a re-run compares and skips them', async () => {
    const job: FleetJob = {
      action: 'patch',
      resource: 'users',
      accounts: { ids: fleet.accountIds },
      filter: { first_name: 'Ann' },
      body: { caller_id: { external: { number: '+15550100' } } },
    };
    const dry = await runJob(job, { client: fleet.client, dryRun: true });
    await dry.finished();
    expect((await runResults(dry.runId))[0]?.counts).toEqual({ matched: 1, wouldPatch: 1, skipped: 0 });

    const patchesBefore = fleet.sandbox.stats().byRoute['PATCH /v2/accounts/{account_id}/users/{id}'] ?? 0;
    const run = await runJob(job, { client: fleet.client, concurrency: 2 });
    await run.finished();
    expect((await runResults(run.runId)).map((r) => r.counts)).toEqual(Array(4).fill({ matched: 1, patched: 1, skipped: 0 }));
    const again = await runJob(job, { client: fleet.client });
    await again.finished();
    expect((await runResults(again.runId)).map((r) => r.counts)).toEqual(Array(4).fill({ matched: 1, patched: 0, skipped: 1 }));
    expect((fleet.sandbox.stats().byRoute['PATCH /v2/accounts/{account_id}/users/{id}'] ?? 0) - patchesBefore).toBe(4);

    const [first] = fleet.accountIds as [string];
    const users = await fleet.audian
      .account(first)
      .users.list({ filter: { first_name: 'Ann' } })
      .toArray();
    const ann = await fleet.audian.account(first).users.get(users[0]?.id as string);
    expect(ann.caller_id).toMatchObject({ external: { number: '+15550100' } });
  });

  it('audits: the rows of the query, per account, in the results', async () => {
    const run = await runJob(
      {
        action: 'audit',
        resource: 'users',
        accounts: { ids: fleet.accountIds.slice(0, 2) },
        filter: { first_name: 'Bob' },
        fields: ['email', 'first_name'],
      },
      { client: fleet.client },
    );
    await run.finished();
    const results = await runResults(run.runId);
    expect(results.flatMap((r) => r.rows)).toHaveLength(2);
    expect(results.find((r) => r.accountId === fleet.accountIds[1])?.rows).toEqual([
      { account_id: fleet.accountIds[1], email: 'bob1@example.com', first_name: 'Bob' },
    ]);
  });

  it('exports one ndjson file per account and one combined file', async () => {
    const combined = join(dir, 'all.ndjson');
    const run = await runJob(
      { action: 'export', resource: 'users', accounts: { descendantsOf: fleet.resellerId }, output: { dir, combined } },
      { client: fleet.client },
    );
    await run.finished();
    const first = fleet.accountIds[0] as string;
    const own = (await readFile(join(dir, `${first}.ndjson`), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(own.map((u) => u.email).sort()).toEqual(['ann0@example.com', 'bob0@example.com']);
    const all = (await readFile(combined, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(all).toHaveLength(8);
    expect(all.filter((row) => row.account_id === first)).toHaveLength(2);
  });

  it('selects accounts by their fields with where', async () => {
    const target = fleet.accountIds[2] as string;
    const run = await runJob(
      { action: 'audit', resource: 'users', accounts: { descendantsOf: fleet.resellerId, where: { name: 'Customer 2' } } },
      { client: fleet.client },
    );
    await run.finished();
    expect((await runResults(run.runId)).map((r) => r.accountId)).toEqual([target]);
  });

  it('reports a 4xx once, without retrying it, and a retry of the failed accounts succeeds after the fix', async () => {
    const [first] = fleet.accountIds as [string];
    const job: FleetJob = {
      action: 'import',
      resource: 'users',
      key: 'email',
      accounts: { ids: [first] },
      rows: [{ account_id: first, email: 'eve@example.com', first_name: 'Eve', last_name: 'Li' }],
    };
    fleet.sandbox.addFault({ kind: 'error-before', method: 'PUT', path: '/v2/accounts/*/users', status: 400, times: 1 });
    const run = await runJob(job, { client: fleet.client });
    const status = await run.finished();
    expect(status).toMatchObject({ done: 0, failed: 1 });
    const [result] = await runResults(run.runId);
    expect(result).toMatchObject({ state: 'failed', attempts: 1, error: { status: 400 } });

    const retried = await retryRun(run.runId, { failed: true });
    expect(retried.total).toBe(1);
    expect(await retried.finished()).toMatchObject({ done: 1, failed: 0 });
    expect(await countUsers(fleet.audian, first, 'eve@example.com')).toBe(1);
  });

  it('retries a task after a 5xx and counts the attempts', async () => {
    const [first] = fleet.accountIds as [string];
    fleet.sandbox.addFault({ kind: 'error-before', method: 'PUT', path: '/v2/accounts/*/users', status: 500, times: 1 });
    const run = await runJob(
      {
        action: 'import',
        resource: 'users',
        key: 'email',
        accounts: { ids: [first] },
        rows: [{ account_id: first, email: 'fay@example.com', first_name: 'Fay', last_name: 'Poe' }],
      },
      { client: fleet.client },
    );
    await run.finished();
    expect(await runResults(run.runId)).toMatchObject([{ state: 'done', attempts: 2, counts: { created: 1 } }]);
    expect(await countUsers(fleet.audian, first, 'fay@example.com')).toBe(1);
  });

  it('cancels a run: accounts not yet started are cancelled, not run', async () => {
    fleet.sandbox.addFault({ kind: 'delay', delayMs: 300, method: 'GET', path: '/v2/accounts/*/users' });
    try {
      const run = await runJob(
        { action: 'audit', resource: 'users', accounts: { ids: fleet.accountIds } },
        { client: fleet.client, concurrency: 1 },
      );
      await cancelRun(run.runId);
      const status = await run.finished();
      expect(status.cancelled).toBeGreaterThanOrEqual(3);
      expect(status.done + status.cancelled + status.failed).toBe(4);
      expect(await runStatus(run.runId)).toEqual(status);
    } finally {
      fleet.sandbox.clearFaults();
    }
  });

  it("keeps each account under Crossbar's bucket with the client's per-account rate limit: no 429", async () => {
    fleet.sandbox.setRateLimit({ capacity: 4, refillPerSecond: 20 });
    try {
      const before = fleet.sandbox.stats().byStatus['429'] ?? 0;
      // 8 rows = 16 requests per account, four times the bucket: without the client's bucket this draws 429s.
      const ids = fleet.accountIds.slice(0, 2);
      const rows = ids.flatMap((account_id) =>
        Array.from({ length: 8 }, (_, i) => ({ account_id, email: `rl${i}@example.com`, first_name: 'Rae', last_name: `L${i}` })),
      );
      const run = await runJob(
        { action: 'import', resource: 'users', key: 'email', accounts: { ids }, rows },
        { client: { ...fleet.client, rateLimit: { capacity: 4, refillPerSecond: 20 } }, concurrency: 2 },
      );
      expect(await run.finished()).toMatchObject({ done: 2, failed: 0 });
      expect((fleet.sandbox.stats().byStatus['429'] ?? 0) - before).toBe(0);
    } finally {
      fleet.sandbox.setRateLimit(false);
    }
  });

  it('keeps a local run in stateDir: another process reads it and retries its failed accounts', async () => {
    const stateDir = join(dir, 'state');
    const [first, second] = fleet.accountIds as [string, string];
    const rows = [
      { account_id: first, email: 'sd1@example.com', first_name: 'Sam', last_name: 'Dee' },
      { account_id: second, email: 'sd2@example.com', first_name: 'Sue', last_name: 'Dee' },
    ];
    fleet.sandbox.addFault({ kind: 'error-before', method: 'PUT', path: `/v2/accounts/${second}/users`, status: 403, times: 1 });
    const run = await runJob(
      { action: 'import', resource: 'users', key: 'email', accounts: { ids: [first, second] }, rows },
      { client: fleet.client, stateDir },
    );
    expect(await run.finished()).toMatchObject({ done: 1, failed: 1 });
    const file = join(stateDir, `${run.runId}.json`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const node = fixture;
    const seen = JSON.parse((await node(['status', run.runId, stateDir])).stdout);
    expect(seen.status).toMatchObject({ runId: run.runId, mode: 'local', total: 2, done: 1, failed: 1 });
    expect(seen.results.find((r: { accountId: string }) => r.accountId === second)).toMatchObject({
      state: 'failed',
      error: { status: 403 },
    });

    const retried = JSON.parse((await node(['retry', run.runId, stateDir, fleet.sandbox.apiUrl])).stdout);
    expect(retried.status).toMatchObject({ total: 2, done: 2, failed: 0 });
    expect(JSON.parse(await readFile(file, 'utf8')).accounts.every((a: { state: string }) => a.state === 'done')).toBe(true);
    expect(await countUsers(fleet.audian, second, 'sd2@example.com')).toBe(1);
    expect(await countUsers(fleet.audian, first, 'sd1@example.com')).toBe(1);
  }, 60_000);

  it('splits a large import into chunks of chunkSize rows, one task each', async () => {
    const first = fleet.accountIds[3] as string;
    const rows = Array.from({ length: 5 }, (_, i) => ({
      account_id: first,
      email: `ch${i}@example.com`,
      first_name: 'Cy',
      last_name: `H${i}`,
    }));
    const run = await runJob(
      { action: 'import', resource: 'users', key: 'email', chunkSize: 2, accounts: { ids: [first] }, rows },
      { client: fleet.client },
    );
    expect(run.total).toBe(3);
    expect(await run.finished()).toMatchObject({ accounts: 1, total: 3, done: 3 });
    expect((await runResults(run.runId)).map((r) => [r.chunk, r.counts?.created])).toEqual([
      [0, 2],
      [1, 2],
      [2, 1],
    ]);
    for (const row of rows) expect(await countUsers(fleet.audian, first, row.email)).toBe(1);
  });

  it('rejects a bad job before connecting to Redis or selecting accounts, and a URL that is not redis://', async () => {
    const port = await freePort();
    const requests = fleet.sandbox.stats().total;
    await expect(
      runJob({ action: 'pach', accounts: { ids: fleet.accountIds } }, { client: fleet.client, redis: `redis://127.0.0.1:${port}` }),
    ).rejects.toThrow(JobFileError);
    expect(fleet.sandbox.stats().total).toBe(requests);
    await expect(runJob(importJob(), { client: fleet.client, redis: 'http://127.0.0.1:6379' })).rejects.toThrow(
      'redis must be a redis:// or rediss:// URL',
    );
  });

  it('says a run id is unknown with a RunNotFoundError, wherever it looked', async () => {
    await expect(runStatus('nope')).rejects.toThrow(RunNotFoundError);
    await expect(runStatus('nope')).rejects.toThrow('no run "nope" in this process');
    await expect(runResults('nope', { stateDir: join(dir, 'state') })).rejects.toThrow(RunNotFoundError);
    await expect(cancelRun('nope', { stateDir: join(dir, 'state') })).rejects.toThrow(RunNotFoundError);
    await expect(retryRun('nope', { stateDir: join(dir, 'state') })).rejects.toThrow(RunNotFoundError);
  });

  it('is cancelled from another process through its state file: the running process stops its pending accounts', async () => {
    const stateDir = join(dir, 'state');
    // 5 s an account, one at a time: the run outlasts the other process's start on a loaded machine.
    fleet.sandbox.addFault({ kind: 'delay', delayMs: 5000, method: 'GET', path: '/v2/accounts/*/users' });
    try {
      const run = await runJob(
        { action: 'audit', resource: 'users', accounts: { ids: fleet.accountIds } },
        { client: fleet.client, concurrency: 1, stateDir },
      );
      const other = JSON.parse((await fixture(['cancel', run.runId, stateDir])).stdout);
      const status = await run.finished();
      expect(status.cancelled).toBeGreaterThanOrEqual(1);
      expect(status.done + status.cancelled).toBe(4);
      expect(other.status).toMatchObject({ runId: run.runId, pending: 0, finished: true });
      expect(await runStatus(run.runId, { stateDir })).toEqual(status);
    } finally {
      fleet.sandbox.clearFaults();
    }
  }, 60_000);

  it('cancels a local run whose process was killed, in its state file, and retryRun resumes it', async () => {
    const stateDir = join(dir, 'state');
    fleet.sandbox.addFault({ kind: 'delay', delayMs: 500, method: 'GET', path: '/v2/accounts/*/users' });
    let runId: string;
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--conditions=@audian/source', FIXTURE, 'run', fleet.accountIds.join(','), stateDir, fleet.sandbox.apiUrl],
        {
          cwd: fileURLToPath(new URL('..', import.meta.url)),
          env: { ...process.env, FLEET_TEST_API_KEY: fleet.apiKey },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      runId = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').once('data', (line: string) => resolve(JSON.parse(line.split('\n')[0] as string).runId));
        child.once('exit', (code) => reject(new Error(`the run exited with ${code} before it started`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    } finally {
      fleet.sandbox.clearFaults();
    }
    expect((await runStatus(runId, { stateDir })).pending).toBeGreaterThan(0);
    const status = await cancelRun(runId, { stateDir });
    expect(status).toMatchObject({ pending: 0, finished: true });
    expect(status.cancelled).toBeGreaterThan(0);
    const resumed = await retryRun(runId, { stateDir, cancelled: true, failed: false, client: fleet.client });
    expect(await resumed.finished()).toMatchObject({ total: 4, done: 4, cancelled: 0 });
  }, 60_000);

  it('fails fast and clearly when Redis is unreachable', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = await runJob(importJob(), { client: fleet.client, redis: `redis://:secret@127.0.0.1:${port}` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as Error).message).toContain(`Redis at redis://:***@127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(5500);
  });
});
