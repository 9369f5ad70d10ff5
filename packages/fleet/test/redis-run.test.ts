import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelRun, type FleetJob, type FleetWorker, retryRun, runJob, runResults, runStatus, startWorker } from '../src/index.js';
import { countUsers, type Fleet, startFleet } from './fleet-fixture.js';
import { hasRedis, startRedis } from './redis-server.js';

const ACCOUNTS = 50;
const USERS_PATCH = 'PATCH /v2/accounts/{account_id}/users/{id}';
const USERS_PUT = 'PUT /v2/accounts/{account_id}/users';

let fleet: Fleet;
let redis: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  if (!hasRedis) return;
  [fleet, redis] = await Promise.all([startFleet(ACCOUNTS), startRedis()]);
}, 60_000);
afterAll(async () => {
  await fleet?.sandbox.stop();
  await redis?.stop();
});

function importJob(accountIds: readonly string[], tag: string): FleetJob {
  return {
    action: 'import',
    resource: 'users',
    key: 'email',
    accounts: { ids: [...accountIds] },
    rows: accountIds.flatMap((account_id, i) => [
      { account_id, email: `${tag}-a${i}@example.com`, first_name: 'Ann', last_name: tag },
      { account_id, email: `${tag}-b${i}@example.com`, first_name: 'Bob', last_name: tag },
    ]),
  };
}

function startWorkerProcess(): Promise<ChildProcess> {
  const script = fileURLToPath(new URL('./fixtures/worker.ts', import.meta.url));
  const child = fork(script, [redis.url, fleet.sandbox.apiUrl], {
    // tsx (a devDependency) is resolved from the package folder.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    execArgv: ['--import', 'tsx', '--conditions=@audian/source'],
    env: { ...process.env, FLEET_TEST_API_KEY: fleet.apiKey },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}

describe.skipIf(!hasRedis)('Redis mode', () => {
  it('runs a job with two workers; status and results come from Redis', async () => {
    const workers: FleetWorker[] = await Promise.all([
      startWorker({ redis: redis.url, concurrency: 2, client: fleet.client }),
      startWorker({ redis: redis.url, concurrency: 2, client: fleet.client }),
    ]);
    try {
      const ids = fleet.accountIds.slice(0, 6);
      const run = await runJob(importJob(ids, 'two'), { redis: redis.url, client: fleet.client });
      expect(run).toMatchObject({ mode: 'redis', total: 6 });
      const status = await run.finished(100);
      await run.close();
      expect(status).toMatchObject({ total: 6, done: 6, failed: 0, pending: 0, finished: true });
      expect(await runStatus(run.runId, { redis: redis.url })).toEqual(status);
      const results = await runResults(run.runId, { redis: redis.url });
      expect(results.map((r) => r.counts)).toEqual(Array(6).fill({ rows: 2, created: 2, existing: 0 }));
      for (const [i, id] of ids.entries()) expect(await countUsers(fleet.audian, id, `two-a${i}@example.com`)).toBe(1);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 60_000);

  it('retries a task after a 5xx on the queue, and reports a 4xx without retrying it', async () => {
    const [a, b] = fleet.accountIds.slice(12, 14) as [string, string];
    fleet.sandbox.addFault({ kind: 'error-before', method: 'PUT', path: `/v2/accounts/${a}/users`, status: 503, times: 1 });
    fleet.sandbox.addFault({ kind: 'error-before', method: 'PUT', path: `/v2/accounts/${b}/users`, status: 409, times: 1 });
    const worker = await startWorker({ redis: redis.url, concurrency: 2, client: fleet.client });
    try {
      const run = await runJob(importJob([a, b], 'retry'), { redis: redis.url, client: fleet.client });
      expect(await run.finished(100)).toMatchObject({ total: 2, done: 1, failed: 1 });
      await run.close();
      const results = await runResults(run.runId, { redis: redis.url });
      expect(results.find((r) => r.accountId === a)).toMatchObject({ state: 'done', attempts: 2, counts: { created: 2 } });
      expect(results.find((r) => r.accountId === b)).toMatchObject({ state: 'failed', attempts: 1, error: { status: 409 } });
      expect(await countUsers(fleet.audian, a, 'retry-a0@example.com')).toBe(1);
    } finally {
      fleet.sandbox.clearFaults();
      await worker.close();
    }
  }, 60_000);

  it('cancels a queued run and resumes it with retryRun({ cancelled: true }): each account once', async () => {
    const ids = fleet.accountIds.slice(6, 12);
    // No worker yet: every task waits in the queue.
    const run = await runJob(importJob(ids, 'resume'), { redis: redis.url, client: fleet.client });
    await run.close();
    await cancelRun(run.runId, { redis: redis.url });
    expect(await runStatus(run.runId, { redis: redis.url })).toMatchObject({ total: 6, cancelled: 6, pending: 0, finished: true });

    const resumed = await retryRun(run.runId, { redis: redis.url, cancelled: true });
    expect(resumed.total).toBe(6);
    const worker = await startWorker({ redis: redis.url, concurrency: 3, client: fleet.client });
    try {
      expect(await resumed.finished(100)).toMatchObject({ total: 6, done: 6, cancelled: 0 });
    } finally {
      await resumed.close();
      await worker.close();
    }
    expect((await runResults(run.runId, { redis: redis.url })).map((r) => [r.attempts, r.counts])).toEqual(
      Array(6).fill([1, { rows: 2, created: 2, existing: 0 }]),
    );
    for (const [i, id] of ids.entries()) expect(await countUsers(fleet.audian, id, `resume-a${i}@example.com`)).toBe(1);
  }, 60_000);

  it(`survives a worker killed with SIGKILL mid-run: ${ACCOUNTS} accounts, 3 worker processes, every document created and patched once`, async () => {
    // Slow writes keep every worker busy long enough to be killed with tasks in hand.
    fleet.sandbox.addFault({ kind: 'delay', delayMs: 150, method: 'PUT', path: '/v2/accounts/*/users' });
    fleet.sandbox.addFault({ kind: 'delay', delayMs: 150, method: 'PATCH', path: '/v2/accounts/*/users/*' });
    const workers = await Promise.all([startWorkerProcess(), startWorkerProcess(), startWorkerProcess()]);
    const exited = workers.map((w) => new Promise((resolve) => w.once('exit', resolve)));
    try {
      const killOneMidRun = async (runId: string) => {
        let status = await runStatus(runId, { redis: redis.url });
        while (status.done < 10) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          status = await runStatus(runId, { redis: redis.url });
        }
        expect(status.pending).toBeGreaterThan(0);
        workers[0]?.kill('SIGKILL');
      };

      const putsBefore = fleet.sandbox.stats().byRoute[USERS_PUT] ?? 0;
      const imported = await runJob(importJob(fleet.accountIds, 'kill'), { redis: redis.url, client: fleet.client });
      await killOneMidRun(imported.runId);
      const importStatus = await imported.finished(200);
      await imported.close();
      expect(importStatus).toMatchObject({ total: ACCOUNTS, done: ACCOUNTS, failed: 0, pending: 0 });
      for (const [i, id] of fleet.accountIds.entries()) {
        expect(await countUsers(fleet.audian, id, `kill-a${i}@example.com`)).toBe(1);
        expect(await countUsers(fleet.audian, id, `kill-b${i}@example.com`)).toBe(1);
      }
      // Only the writes the killed worker had in flight (2 at most: its concurrency) may reach
      // the server twice; the re-run looks them up first, so the documents above exist once.
      const puts = (fleet.sandbox.stats().byRoute[USERS_PUT] ?? 0) - putsBefore;
      expect(puts).toBeGreaterThanOrEqual(2 * ACCOUNTS);
      expect(puts).toBeLessThanOrEqual(2 * ACCOUNTS + 2);

      // The second worker process dies during the patch run.
      workers.shift();
      const patchesBefore = fleet.sandbox.stats().byRoute[USERS_PATCH] ?? 0;
      const patched = await runJob(
        {
          action: 'patch',
          resource: 'users',
          accounts: { ids: fleet.accountIds },
          filter: { last_name: 'kill' },
          body: { fleet_tag: 'patched' },
        },
        { redis: redis.url, client: fleet.client },
      );
      await killOneMidRun(patched.runId);
      const patchStatus = await patched.finished(200);
      await patched.close();
      expect(patchStatus).toMatchObject({ total: ACCOUNTS, done: ACCOUNTS, failed: 0 });
      const patches = (fleet.sandbox.stats().byRoute[USERS_PATCH] ?? 0) - patchesBefore;
      expect(patches).toBeGreaterThanOrEqual(2 * ACCOUNTS);
      expect(patches).toBeLessThanOrEqual(2 * ACCOUNTS + 2);
      const results = await runResults(patched.runId, { redis: redis.url });
      expect(results.every((r) => r.state === 'done' && r.counts?.matched === 2)).toBe(true);
      for (const id of fleet.accountIds.slice(0, 5)) {
        for (const user of await fleet.audian
          .account(id)
          .users.list({ filter: { last_name: 'kill' } })
          .toArray()) {
          expect((await fleet.audian.account(id).users.get(user.id as string)).fleet_tag).toBe('patched');
        }
      }
    } finally {
      fleet.sandbox.clearFaults();
      for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
      await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
  }, 120_000);
});
