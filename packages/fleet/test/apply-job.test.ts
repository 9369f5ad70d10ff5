import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOffice, applyOfficePlan, type FleetJob, parseOfficeSpec, planOffice, runJob, runResults } from '../src/index.js';
import { type Fleet, startFleet } from './fleet-fixture.js';

const USERS_PUT = 'PUT /v2/accounts/{account_id}/users';

// An office every customer gets: no MAC addresses, which Crossbar keeps unique across the system.
const BRANCH = `
office: Branch
users:
  - { first_name: Ann, last_name: Lee, email: ann@branch.example, extension: 2001, admin: true, devices: [{ name: Ann softphone, type: softphone }] }
  - { first_name: Bob, last_name: Roe, extension: 2002, voicemail: { pin: 0042 } }
ring_group: { name: Front desk, extension: 2100, members: [2001, 2002] }
main_number:
  number: '+14155550150'
  business_hours: { open: '08:30', close: '17:30' }
  open: ring_group
  closed: voicemail:2001
`;

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet(3);
}, 60_000);
afterAll(async () => {
  await fleet?.sandbox.stop();
});

const writes = () => {
  const s = fleet.sandbox.stats();
  return (s.byMethod.PUT ?? 0) + (s.byMethod.POST ?? 0) + (s.byMethod.PATCH ?? 0) + (s.byMethod.DELETE ?? 0);
};

function applyJob(spec: string, prune?: boolean): FleetJob {
  return {
    action: 'apply',
    accounts: { descendantsOf: fleet.resellerId },
    spec: parseOfficeSpec(spec),
    ...(prune === undefined ? {} : { prune }),
  } as FleetJob;
}

describe('the apply action', () => {
  it('plans without writing in a dry run, applies the office in every account, and a second run writes nothing', async () => {
    const before = writes();
    const dry = await runJob(applyJob(BRANCH), { client: fleet.client, dryRun: true });
    expect(await dry.finished()).toMatchObject({ total: 3, done: 3 });
    expect((await runResults(dry.runId)).map((r) => r.counts)).toEqual(
      Array(3).fill({ wouldCreate: 10, wouldChange: 0, unchanged: 0, wouldRemove: 0, orphaned: 0 }),
    );
    expect(writes()).toBe(before);

    const run = await runJob(applyJob(BRANCH), { client: fleet.client });
    expect(await run.finished()).toMatchObject({ total: 3, done: 3, failed: 0 });
    expect((await runResults(run.runId)).map((r) => r.counts)).toEqual(
      Array(3).fill({ created: 10, changed: 0, unchanged: 0, removed: 0, orphaned: 0 }),
    );
    for (const id of fleet.accountIds) {
      const users = await fleet.audian
        .account(id)
        .users.list({ filter: { 'office_setup.office': 'Branch' } })
        .toArray();
      expect(users.map((u) => u.presence_id).sort()).toEqual(['2001', '2002']);
    }

    const afterFirst = writes();
    const again = await runJob(applyJob(BRANCH), { client: fleet.client });
    await again.finished();
    expect((await runResults(again.runId)).map((r) => r.counts)).toEqual(
      Array(3).fill({ created: 0, changed: 0, unchanged: 10, removed: 0, orphaned: 0 }),
    );
    expect(writes()).toBe(afterFirst);
  }, 60_000);

  it('applies a changed spec as the difference, and prunes what the spec no longer names only with prune', async () => {
    const changed = BRANCH.replace('ann@branch.example', 'ann.lee@branch.example').replace(
      ', devices: [{ name: Ann softphone, type: softphone }]',
      '',
    );
    const run = await runJob(applyJob(changed), { client: fleet.client });
    await run.finished();
    expect((await runResults(run.runId))[0]?.counts).toMatchObject({ changed: 1, orphaned: 1, removed: 0 });
    const pruned = await runJob(applyJob(changed, true), { client: fleet.client });
    await pruned.finished();
    expect((await runResults(pruned.runId))[0]?.counts).toMatchObject({ changed: 0, removed: 1, orphaned: 0 });
    const [first] = fleet.accountIds as [string];
    expect(
      await fleet.audian
        .account(first)
        .devices.list({ filter: { 'office_setup.office': 'Branch' } })
        .toArray(),
    ).toEqual([]);
  }, 60_000);

  it('looks every create up by its office key right before the PUT: a plan made before another apply creates nothing twice', async () => {
    // Mailboxes and callflow numbers are unique in an account: the annex has its own.
    const annex = BRANCH.replaceAll('Branch', 'Annex')
      .replaceAll(/\b2(\d{3})\b/g, '3$1')
      .replace('+14155550150', '+14155550151');
    const spec = parseOfficeSpec(annex);
    const account = fleet.audian.account(fleet.accountIds[1] as string);
    // As when a task dies after its PUTs landed and is delivered again with the plan it read first.
    const stale = await planOffice(account, spec);
    expect(stale.steps.every((s) => s.action === 'create')).toBe(true);
    await applyOffice(account, spec);
    const puts = fleet.sandbox.stats().byRoute[USERS_PUT] ?? 0;
    const applied = await applyOfficePlan(account, stale);
    expect(applied.map((a) => a.action)).toEqual(Array(10).fill('keep'));
    expect(fleet.sandbox.stats().byRoute[USERS_PUT] ?? 0).toBe(puts);
    expect(await account.users.list({ filter: { 'office_setup.office': 'Annex' } }).toArray()).toHaveLength(2);
  }, 60_000);
});
