import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRun,
  type FleetJob,
  type FleetWorker,
  parseOfficeSpec,
  retryRun,
  runJob,
  runResults,
  runStatus,
  startWorker,
} from '../src/index.js';
import { countUsers, type Fleet, startFleet } from './fleet-fixture.js';
import { hasRedis, startRedis } from './redis-server.js';

// The fault test's size (issue 17): the other cases use a few of these accounts.
const ACCOUNTS = 200;
const USERS_PATCH = 'PATCH /v2/accounts/{account_id}/users/{id}';
const USERS_PUT = 'PUT /v2/accounts/{account_id}/users';

// The office every account gets in the fault test: 2 users, their voicemail boxes and extension
// callflows, and a ring group.
const OFFICE = `
office: Fleet Office
users:
  - { first_name: Ann, last_name: Fleet, extension: 2001 }
  - { first_name: Bob, last_name: Fleet, extension: 2002 }
ring_group: { name: Front desk, extension: 2100, members: [2001, 2002] }
`;
const KEYS = {
  users: ['user:2001', 'user:2002'],
  vmboxes: ['vmbox:2001', 'vmbox:2002'],
  callflows: ['callflow:2001', 'callflow:2002', 'callflow:ring_group'],
} as const;
const DOCUMENTS = 7;

let fleet: Fleet;
let redis: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  if (!hasRedis) return;
  [fleet, redis] = await Promise.all([startFleet(ACCOUNTS), startRedis()]);
}, 300_000);
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

  it(`survives workers killed and restarted mid-run: ${ACCOUNTS} accounts, 3 worker processes, an office applied and patched once in each`, async () => {
    // Slow writes keep every worker busy with tasks in hand when it is killed.
    fleet.sandbox.addFault({ kind: 'delay', delayMs: 100, method: 'PUT', path: '/v2/accounts/*/*' });
    fleet.sandbox.addFault({ kind: 'delay', delayMs: 100, method: 'PATCH', path: '/v2/accounts/*/users/*' });
    const workers = await Promise.all([startWorkerProcess(), startWorkerProcess(), startWorkerProcess()]);
    const all = [...workers];
    const whenDone = async (runId: string, done: number) => {
      let status = await runStatus(runId, { redis: redis.url });
      while (status.done < done) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = await runStatus(runId, { redis: redis.url });
      }
      expect(status.pending).toBeGreaterThan(0);
    };
    const kill = async (worker: ChildProcess) => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGKILL');
      await exited;
    };
    // A redeploy: SIGTERM finishes the tasks in hand, then a new process takes its place.
    const restart = async (worker: ChildProcess) => {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
      const fresh = await startWorkerProcess();
      all.push(fresh);
      return fresh;
    };
    try {
      const putsBefore = fleet.sandbox.stats().byRoute[USERS_PUT] ?? 0;
      const applied = await runJob(
        { action: 'apply', accounts: { descendantsOf: fleet.resellerId }, spec: parseOfficeSpec(OFFICE) },
        { redis: redis.url, client: fleet.client },
      );
      expect(applied.total).toBe(ACCOUNTS);
      await whenDone(applied.runId, 30);
      await kill(workers[0] as ChildProcess);
      await whenDone(applied.runId, 90);
      workers[1] = await restart(workers[1] as ChildProcess);
      const applyStatus = await applied.finished(500);
      await applied.close();
      expect(applyStatus).toMatchObject({ total: ACCOUNTS, done: ACCOUNTS, failed: 0, pending: 0 });
      const applyResults = await runResults(applied.runId, { redis: redis.url });
      // A task delivered again finds what the first delivery created, and keeps it: every account
      // reports its 7 documents created or unchanged, none changed.
      for (const r of applyResults) expect((r.counts?.created ?? 0) + (r.counts?.unchanged ?? 0)).toBe(DOCUMENTS);

      // During the patch, the process restarted above is killed in turn.
      const patchesBefore = fleet.sandbox.stats().byRoute[USERS_PATCH] ?? 0;
      const patched = await runJob(
        {
          action: 'patch',
          resource: 'users',
          accounts: { descendantsOf: fleet.resellerId },
          filter: { 'office_setup.office': 'Fleet Office' },
          body: { fleet_tag: 'patched' },
        },
        { redis: redis.url, client: fleet.client },
      );
      await whenDone(patched.runId, 30);
      await kill(workers[1] as ChildProcess);
      all.push(await startWorkerProcess());
      const patchStatus = await patched.finished(500);
      await patched.close();
      expect(patchStatus).toMatchObject({ total: ACCOUNTS, done: ACCOUNTS, failed: 0 });

      // Every document of the office exists once in every account, counted by lookup of its key…
      for (const id of fleet.accountIds) {
        const account = fleet.audian.account(id);
        for (const [resource, keys] of Object.entries(KEYS)) {
          for (const key of keys) {
            const found = await (account[resource as keyof typeof KEYS] as typeof account.users)
              .list({ filter: { 'office_setup.office': 'Fleet Office', 'office_setup.key': key } })
              .toArray();
            expect(found, `${id} ${key}`).toHaveLength(1);
          }
        }
        // …and each user was written twice in all: created once (revision 1), patched once (revision 2).
        for (const user of await account.users.list({ filter: { 'office_setup.office': 'Fleet Office' } }).toArray()) {
          const { data, revision } = await account.users.get(user.id as string).withResponse();
          expect(data.fleet_tag).toBe('patched');
          expect(revision?.split('-')[0], `${id} ${user.id}`).toBe('2');
        }
      }
      // Only what a killed worker had in flight (3 tasks: its concurrency) may have reached the
      // server twice; the lookups above show none of it made a second document.
      const puts = (fleet.sandbox.stats().byRoute[USERS_PUT] ?? 0) - putsBefore;
      expect(puts).toBeGreaterThanOrEqual(2 * ACCOUNTS);
      expect(puts).toBeLessThanOrEqual(2 * ACCOUNTS + 3);
      const patches = (fleet.sandbox.stats().byRoute[USERS_PATCH] ?? 0) - patchesBefore;
      expect(patches).toBeGreaterThanOrEqual(2 * ACCOUNTS);
      expect(patches).toBeLessThanOrEqual(2 * ACCOUNTS + 3);
    } finally {
      fleet.sandbox.clearFaults();
      const exits = all
        .filter((w) => w.exitCode === null && w.signalCode === null)
        .map((w) => new Promise((resolve) => w.once('exit', resolve)));
      for (const w of all) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
      await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
  }, 600_000);
});
