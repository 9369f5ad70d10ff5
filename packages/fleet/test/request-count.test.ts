import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FleetJob, runJob, runResults, runStatus, startWorker } from '../src/index.js';
import { type Fleet, startFleet } from './fleet-fixture.js';
import { hasRedis, startRedis } from './redis-server.js';

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet(3);
});
afterAll(async () => {
  await fleet?.sandbox.stop();
});

/** Requests the sandbox received on account routes (`/v2/accounts/{account_id}/…`): what the accounts' buckets saw. */
function accountRequests(): number {
  return Object.entries(fleet.sandbox.stats().byRoute)
    .filter(([route]) => / \/v2\/accounts\/\{account_id\}\//.test(route))
    .reduce((sum, [, n]) => sum + n, 0);
}

/** Two rows per account, one task per row (chunkSize 1): two tasks of one account run at once. */
function importJob(tag: string): FleetJob {
  return {
    action: 'import',
    resource: 'users',
    key: 'email',
    chunkSize: 1,
    accounts: { ids: fleet.accountIds },
    rows: fleet.accountIds.flatMap((account_id, i) => [
      { account_id, email: `${tag}-ann${i}@example.com`, first_name: 'Ann', last_name: `Doe${i}` },
      { account_id, email: `${tag}-bob${i}@example.com`, first_name: 'Bob', last_name: `Roe${i}` },
    ]),
  };
}

// Crossbar takes tokens per request from the (client IP, account) bucket (cb_token_auth:authenticate/3
// consumes cb_modules_util:token_cost/1 from cb_modules_util:bucket_name/1; kz_buckets' defaults are
// 100 tokens and 10 per second), so the count that sizes a run is the requests each account received.
describe('requests per task', () => {
  it('counts each task’s requests exactly, even for two chunks of one account at once, and a status carries the pace', async () => {
    const client = { ...fleet.client, rateLimit: { capacity: 100, refillPerSecond: 10 } };
    const before = accountRequests();
    const run = await runJob(importJob('first'), { client, concurrency: 6, maxRequestsPerSecond: 1000 });
    const status = await run.finished();
    // import: a lookup by key, then the create, per row (import-rows.ts)
    const results = await runResults(run.runId);
    expect(results).toHaveLength(6);
    expect(results.map((r) => [r.counts, r.requests])).toEqual(Array(6).fill([{ rows: 1, created: 1, existing: 0 }, 2]));
    expect(accountRequests() - before).toBe(12);
    expect(status).toMatchObject({ requests: 12, requestsPerTask: 2, pendingAccounts: 0 });
    expect(status.pace).toEqual({
      workers: 1,
      concurrency: 6,
      maxRequestsPerSecond: 1000,
      rateLimit: { capacity: 100, refillPerSecond: 10 },
    });

    // Again: each row is found by its lookup and not created — one request per task.
    const between = accountRequests();
    const again = await runJob(importJob('first'), { client: fleet.client, concurrency: 2 });
    const second = await again.finished();
    expect((await runResults(again.runId)).map((r) => r.requests)).toEqual(Array(6).fill(1));
    expect(accountRequests() - between).toBe(6);
    expect(second).toMatchObject({ requests: 6, requestsPerTask: 1 });
    // The fixture's client has no bucket (rateLimit: false) and no cap.
    expect(second.pace).toEqual({ workers: 1, concurrency: 2 });
  });

  it.skipIf(!hasRedis)('Redis mode: workers record requests and publish their pace; a closed worker stops counting', async () => {
    const redis = await startRedis();
    try {
      const worker = await startWorker({ redis: redis.url, concurrency: 3, maxRequestsPerSecond: 500, client: fleet.client });
      const before = accountRequests();
      const run = await runJob(importJob('redis'), { redis: redis.url, client: fleet.client });
      const status = await run.finished(50);
      await run.close();
      expect((await runResults(run.runId, { redis: redis.url })).map((r) => r.requests)).toEqual(Array(6).fill(2));
      expect(accountRequests() - before).toBe(12);
      expect(status).toMatchObject({ requests: 12, requestsPerTask: 2 });
      expect((await runStatus(run.runId, { redis: redis.url })).pace).toEqual({ workers: 1, concurrency: 3, maxRequestsPerSecond: 500 });
      await worker.close();
      expect((await runStatus(run.runId, { redis: redis.url })).pace).toEqual({ workers: 0, concurrency: 0 });
    } finally {
      await redis.stop();
    }
  });
});
