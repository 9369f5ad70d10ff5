import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createApiKeyAuth } from '@audian/auth';
import { type Audian, createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from './cli';

const PATCHES = 'PATCH /v2/accounts/{account_id}/users/{id}';

const hasRedis: boolean = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasRedis) console.warn('redis-server is not installed: the `audian fleet` Redis test is skipped (apt-get install redis-server)');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let tmp: ReturnType<typeof tempDir>;
let sandbox: Sandbox;
let configDir: string;
let audian: Audian;
let resellerId: string;
const accountIds: string[] = [];

function jobFile(name: string, text: string): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
}

function patchJob(number: string): string {
  return [
    'name: caller id for Ann',
    'accounts:',
    `  descendantsOf: ${resellerId}`,
    'action: patch',
    'resource: users',
    'filter: { first_name: Ann }',
    'body:',
    `  caller_id: { external: { number: '${number}' } }`,
    '',
  ].join('\n');
}

function runIdOf(stdout: string): string {
  const id = /^run (\S+):/m.exec(stdout)?.[1];
  expect(id, stdout).toBeDefined();
  return id as string;
}

async function callerIds(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const id of accountIds) {
    const [user] = await audian
      .account(id)
      .users.list({ filter: { first_name: 'Ann' } })
      .toArray();
    const doc = await audian.account(id).users.get((user as { id: string }).id);
    out.push((doc as { caller_id?: { external?: { number?: string } } }).caller_id?.external?.number);
  }
  return out;
}

describe.skipIf(!existsSync(BIN))('audian fleet', () => {
  beforeAll(async () => {
    tmp = tempDir();
    sandbox = await startSandbox({ port: 0 });
    const reseller = sandbox.createAccount({ name: `Fleet reseller ${Math.random().toString(36).slice(2, 8)}` });
    audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: reseller.apiKey }), rateLimit: false });
    resellerId = (await audian.session()).accountId as string;
    for (let i = 0; i < 3; i++) {
      const account = await audian.accounts.create({ name: `Fleet customer ${i}` }, { parentId: resellerId });
      accountIds.push(account.id as string);
      await audian.account(account.id as string).users.create({ first_name: 'Ann', last_name: `Doe${i}` });
    }
    configDir = join(tmp.dir, 'config');
    const login = await cli(['login', '--api-key-stdin', '--base-url', sandbox.apiUrl], { configDir, input: reseller.apiKey });
    expect(login.status).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.stop();
    tmp?.remove();
  });

  it('a bad job file exits 2 naming its line, before any request', async () => {
    const before = sandbox.stats().total;
    const file = jobFile('bad.yaml', `accounts:\n  descendantsOf: ${resellerId}\naction: pach\nresource: users\n`);
    const result = await cli(['fleet', 'run', file], { configDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('invalid fleet job');
    expect(result.stderr).toContain(`${file}:3: action: unknown action "pach"`);
    expect(result.stdout).toBe('');
    expect(sandbox.stats().total).toBe(before);
  });

  it('--dry-run reads and compares, writes nothing, and counts what would change', async () => {
    const before = sandbox.stats().byRoute[PATCHES] ?? 0;
    const result = await cli(['fleet', 'run', jobFile('dry.yaml', patchJob('+15550100')), '--dry-run'], { configDir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('3 done, 0 failed, 0 cancelled, 0 pending of 3 (dry run: nothing was written)');
    expect(sandbox.stats().byRoute[PATCHES] ?? 0).toBe(before);
    expect(await callerIds()).toEqual([undefined, undefined, undefined]);
    const results = await cli(['fleet', 'results', runIdOf(result.stdout), '-o', 'json'], { configDir });
    expect(JSON.parse(results.stdout).map((r: { counts: unknown }) => r.counts)).toEqual(
      Array(3).fill({ matched: 1, wouldPatch: 1, skipped: 0 }),
    );
  });

  it('runs a patch locally with the profile, keeps its state private, and reports status and results', async () => {
    const result = await cli(['fleet', 'run', jobFile('patch.yaml', patchJob('+15550100')), '--concurrency', '2', '--max-rps', '50'], {
      configDir,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^run \S+: 3 accounts, local\n/);
    expect(result.stdout).toContain('3 done, 0 failed, 0 cancelled, 0 pending of 3');
    expect(await callerIds()).toEqual(['+15550100', '+15550100', '+15550100']);
    const runId = runIdOf(result.stdout);

    const stateDir = join(configDir, 'fleet');
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    expect(readdirSync(stateDir)).toContain(`${runId}.json`);
    expect(statSync(join(stateDir, `${runId}.json`)).mode & 0o777).toBe(0o600);

    // --local looks in the config directory even when a Redis URL is in the environment.
    const status = await cli(['fleet', 'status', runId, '--local', '-o', 'json'], {
      configDir,
      env: { AUDIAN_REDIS_URL: 'redis://127.0.0.1:1' },
    });
    expect(status.status).toBe(0);
    // A patch of one matching user: the listing, its GET, the PATCH (patch-documents.ts) — 3 requests per account.
    expect(JSON.parse(status.stdout)).toMatchObject({
      runId,
      total: 3,
      done: 3,
      failed: 0,
      pending: 0,
      finished: true,
      mode: 'local',
      requests: 9,
      requestsPerTask: 3,
      requests_left: 0,
      pace: { workers: 1, concurrency: 2, maxRequestsPerSecond: 50, rateLimit: { capacity: 100, refillPerSecond: 10 } },
      eta_seconds: null,
      eta_bucket_seconds: null,
      eta_observed_seconds: null,
    });

    const csv = await cli(['fleet', 'results', runId, '-o', 'csv'], { configDir });
    expect(csv.status).toBe(0);
    const rows = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.account_id).sort()).toEqual([...accountIds].sort());
    expect(rows.map((r) => [r.state, r.matched, r.patched, r.skipped])).toEqual(Array(3).fill(['done', '1', '1', '0']));

    // Run again: every document already matches, so nothing is patched.
    const before = sandbox.stats().byRoute[PATCHES] ?? 0;
    const again = await cli(['fleet', 'run', jobFile('patch.yaml', patchJob('+15550100'))], { configDir });
    expect(again.status).toBe(0);
    expect(sandbox.stats().byRoute[PATCHES] ?? 0).toBe(before);
  });

  it('prints an audit’s rows with their account ids', async () => {
    const file = jobFile(
      'audit.yaml',
      `accounts: { descendantsOf: ${resellerId} }\naction: audit\nresource: users\nfields: [first_name, last_name]\n`,
    );
    const result = await cli(['fleet', 'run', file], { configDir });
    expect(result.status).toBe(0);
    const rows = await cli(['fleet', 'results', runIdOf(result.stdout), '--rows', '-o', 'ndjson'], { configDir });
    const parsed = rows.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((r) => r.account_id).sort()).toEqual([...accountIds].sort());
    expect(parsed.every((r) => r.first_name === 'Ann')).toBe(true);
  });

  it('exits 1 and names the account when one fails; status and retry --failed finish it', async () => {
    const [first] = accountIds as [string];
    const fault = sandbox.addFault({ kind: 'error-before', method: 'PATCH', path: `/v2/accounts/${first}/users/*`, status: 403, times: 1 });
    const result = await cli(['fleet', 'run', jobFile('fail.yaml', patchJob('+15550111'))], { configDir });
    sandbox.removeFault(fault);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('2 done, 1 failed');
    expect(result.stdout).toContain(`  ${first}: `);
    const runId = runIdOf(result.stdout);
    expect(result.stderr).toContain(`audian fleet retry ${runId} --failed`);
    const retried = await cli(['fleet', 'retry', runId, '--failed'], { configDir });
    expect(retried.stderr).toBe('');
    expect(retried.status).toBe(0);
    expect(await callerIds()).toEqual(['+15550111', '+15550111', '+15550111']);
  });

  it('an unknown run id exits 4 (not found) for status, results, cancel and retry', async () => {
    for (const args of [
      ['status', 'no-such-run'],
      ['results', 'no-such-run'],
      ['cancel', 'no-such-run'],
      ['retry', 'no-such-run'],
    ]) {
      const result = await cli(['fleet', ...args], { configDir });
      expect(result.status, `fleet ${args.join(' ')}: ${result.stderr}`).toBe(4);
      expect(result.stderr).toContain('no run "no-such-run"');
    }
  });

  it('`fleet cancel` from another terminal cancels a local run: its pending accounts are not run, and `retry --cancelled` resumes them', async () => {
    // Each account's listing takes 4 s, one account at a time: the run is still going when the
    // cancel comes, even from a CLI that is slow to start on a loaded machine.
    const fault = sandbox.addFault({ kind: 'delay', delayMs: 4000, method: 'GET', path: '/v2/accounts/*/users' });
    let runId = '';
    const running = cli(['fleet', 'run', jobFile('slow.yaml', patchJob('+15550133')), '--concurrency', '1'], {
      configDir,
      onSpawn: (child) => {
        child.stdout?.on('data', (d: Buffer | string) => {
          runId ||= /^run (\S+):/m.exec(String(d))?.[1] ?? '';
        });
      },
    });
    try {
      while (!runId) await new Promise((resolve) => setTimeout(resolve, 50));
      const cancel = await cli(['fleet', 'cancel', runId], { configDir });
      expect(cancel.stderr).toBe('');
      expect(cancel.status).toBe(0);
      expect(cancel.stdout).toMatch(new RegExp(`^run ${runId} cancelled: [0-2] done, 0 failed, [1-3] cancelled, 0 pending of 3\\n$`));
    } finally {
      sandbox.removeFault(fault);
    }
    const result = await running;
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/[0-2] done, 0 failed, [1-3] cancelled, 0 pending of 3/);
    expect(result.stderr).toContain(`audian fleet retry ${runId} --cancelled`);
    const resumed = await cli(['fleet', 'retry', runId, '--cancelled'], { configDir });
    expect(resumed.status).toBe(0);
    expect(await callerIds()).toEqual(['+15550133', '+15550133', '+15550133']);
  }, 60_000);

  it('reports an unreachable Redis in one line with the exit code of a connection error (1)', async () => {
    const port = await freePort();
    const started = Date.now();
    const result = await cli(['fleet', 'run', jobFile('r.yaml', patchJob('+15550100'))], {
      configDir,
      env: { AUDIAN_REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` },
    });
    // The library's bound is 5 s (tested in @audian/fleet); the margin covers the CLI's start-up
    // on a loaded 2-core machine, which alone took over 3 s at a load average of 16.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Redis at .*127\.0\.0\.1.* is unreachable/);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('`fleet status` of a run under way: the ETA is the larger of the buckets’ floor and the observed pace, both shown', async () => {
    // A local run's state as its process writes it: 2 of 5 accounts done, 300 requests each, 10 s in.
    const runId = 'eta-under-way';
    const now = Date.now();
    const account = (i: number, state: string) => ({
      accountId: `${String(i).repeat(32)}`,
      state,
      attempts: state === 'done' ? 1 : 0,
      ...(state === 'done' ? { requests: 300 } : {}),
      updatedAt: new Date(now).toISOString(),
    });
    const info = {
      runId,
      job: { action: 'audit', resource: 'users', accounts: { ids: [1, 2, 3, 4, 5].map((i) => String(i).repeat(32)) } },
      mode: 'local',
      dryRun: false,
      createdAt: new Date(now - 10_000).toISOString(),
      cancelled: false,
      round: 0,
      pace: { workers: 1, concurrency: 2, rateLimit: { capacity: 100, refillPerSecond: 10 } },
    };
    const accounts = [account(1, 'done'), account(2, 'done'), account(3, 'pending'), account(4, 'pending'), account(5, 'pending')];
    writeFileSync(join(configDir, 'fleet', `${runId}.json`), JSON.stringify({ info, accounts }), { mode: 0o600 });
    const status = await cli(['fleet', 'status', runId, '-o', 'json'], { configDir });
    expect(status.status).toBe(0);
    const shown = JSON.parse(status.stdout);
    // 3 accounts left, 2 at a time: 2 waves × (300 − 100) ÷ 10 = 40 s; the observed pace says 10 s × 3 ÷ 2 = 15 s.
    expect(shown).toMatchObject({ requests: 600, requestsPerTask: 300, requests_left: 900, eta_bucket_seconds: 40, eta_seconds: 40 });
    expect(shown.eta_observed_seconds).toBeGreaterThanOrEqual(15);
    expect(shown.eta_observed_seconds).toBeLessThan(40);
    expect(shown.eta).toBe('40s');
  });

  it('`fleet status` shows a progress bar in a table; `--watch` follows the run from another process until it settles', async () => {
    const runId = 'watched';
    const ids = [1, 2, 3, 4, 5].map((i) => String(i).repeat(32));
    const stateFile = join(configDir, 'fleet', `${runId}.json`);
    const writeState = (states: string[]) =>
      writeFileSync(
        stateFile,
        JSON.stringify({
          info: {
            runId,
            job: { action: 'audit', resource: 'users', accounts: { ids } },
            mode: 'local',
            dryRun: false,
            createdAt: new Date().toISOString(),
            cancelled: false,
            round: 0,
          },
          accounts: ids.map((accountId, i) => ({
            accountId,
            state: states[i],
            attempts: states[i] === 'pending' ? 0 : 1,
            ...(states[i] === 'failed' ? { error: { name: 'ForbiddenError', message: 'forbidden', status: 403 } } : {}),
            updatedAt: new Date().toISOString(),
          })),
        }),
        { mode: 0o600 },
      );
    writeState(['done', 'done', 'pending', 'pending', 'pending']);
    const table = await cli(['fleet', 'status', runId, '-o', 'table'], { configDir });
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('████████░░░░░░░░░░░░ 40% (2/5 tasks)');

    // The watcher polls the state the run's process keeps; it returns once nothing is pending.
    const watching = cli(['fleet', 'status', runId, '--watch'], { configDir });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    writeState(['done', 'done', 'done', 'failed', 'done']);
    const watched = await watching;
    expect(watched.stdout).toContain('4 done, 1 failed, 0 cancelled, 0 pending of 5');
    expect(watched.stdout).toContain(`${ids[3]}: forbidden`);
    expect(watched.status).toBe(1);
    expect(watched.stderr).toContain(`audian fleet retry ${runId} --failed`);
  });

  describe.skipIf(!hasRedis)('with Redis', () => {
    let redis: ChildProcess | undefined;
    let redisUrl: string;
    beforeAll(async () => {
      const port = await freePort();
      redisUrl = `redis://127.0.0.1:${port}`;
      const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      redis = child;
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Ready to accept connections')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
      });
    });
    afterAll(() => {
      redis?.kill('SIGTERM');
    });

    it('says clearly that a Redis run has no worker to run it, and `--detach` leaves it queued', async () => {
      const result = await cli(['fleet', 'run', jobFile('idle.yaml', patchJob('+15550144')), '--redis', redisUrl, '--detach'], {
        configDir,
      });
      expect(result.status).toBe(0);
      expect(result.stderr).toContain('no worker is connected to the queue at redis://127.0.0.1:');
      expect(result.stderr).toContain('audian fleet worker');
      const runId = runIdOf(result.stdout);
      const status = await cli(['fleet', 'status', runId, '--redis', redisUrl, '-o', 'json'], { configDir });
      expect(JSON.parse(status.stdout)).toMatchObject({ total: 3, pending: 3 });
      const cancel = await cli(['fleet', 'cancel', runId, '--redis', redisUrl], { configDir });
      expect(cancel.stdout).toContain('0 done, 0 failed, 3 cancelled, 0 pending of 3');
      const unknown = await cli(['fleet', 'status', 'no-such-run', '--redis', redisUrl], { configDir });
      expect(unknown.status).toBe(4);
    });

    it('a `fleet worker` process runs the tasks of a Redis run, and stops cleanly on SIGTERM', async () => {
      let worker: ChildProcess | undefined;
      const workerDone = cli(['fleet', 'worker', '--concurrency', '2'], {
        configDir,
        env: { AUDIAN_REDIS_URL: redisUrl },
        onSpawn: (c) => {
          worker = c;
        },
      });
      try {
        const result = await cli(['fleet', 'run', jobFile('redis.yaml', patchJob('+15550122')), '--redis', redisUrl], { configDir });
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^run \S+: 3 accounts, redis\n/);
        expect(result.stdout).toContain('3 done, 0 failed');
        expect(await callerIds()).toEqual(['+15550122', '+15550122', '+15550122']);
        const status = await cli(['fleet', 'status', runIdOf(result.stdout), '--redis', redisUrl, '-o', 'json'], { configDir });
        // The worker is alive: its pace (Crossbar's bucket by default, no cap) is summed into the status.
        expect(JSON.parse(status.stdout)).toMatchObject({
          mode: 'redis',
          total: 3,
          done: 3,
          finished: true,
          requests: 9,
          requestsPerTask: 3,
          pace: { workers: 1, concurrency: 2, rateLimit: { capacity: 100, refillPerSecond: 10 } },
        });
      } finally {
        worker?.kill('SIGTERM');
      }
      const stopped = await workerDone;
      expect(stopped.status).toBe(0);
      expect(stopped.stderr).toContain('worker stopped');
    });
  });
});
