import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './helpers';

type Doc = Record<string, unknown> & { id: string };
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.stop());
const data = (r: { body: { data?: unknown } }) => r.body.data as Doc;

const ATT = '0123456789abcdef0123456789abcdef';
const storage = {
  attachments: { [ATT]: { handler: 's3', name: 'recordings', settings: { bucket: 'calls', key: 'AKIA', secret: 'x' } } },
  plan: { modb: { types: { call_recording: { attachments: { handler: ATT } } } } },
};

describe('storage (cb_storage)', () => {
  it('creates the account document (id = the account), signs probed backends, refuses a second PUT, patches and deletes it', async () => {
    expect((await h.call('GET', `${h.acct}/storage`)).status).toBe(404);
    const created = await h.call('PUT', `${h.acct}/storage`, { data: storage });
    expect(created.status).toBe(201);
    expect(data(created).id).toBe(h.sandbox.accountId);
    const attachment = (data(created).attachments as Record<string, Record<string, unknown>>)[ATT];
    expect(attachment?._sig).toMatch(/^[0-9a-f]{32}$/);
    const again = await h.call('PUT', `${h.acct}/storage`, { data: storage });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: 'datastore_conflict', data: { message: 'conflicting documents' } });
    const patched = await h.call('PATCH', `${h.acct}/storage`, { data: { connections: { local: { driver: 'kazoo_couch' } } } });
    expect(data(patched)).toMatchObject({ id: h.sandbox.accountId, plan: storage.plan, connections: { local: { driver: 'kazoo_couch' } } });
    expect(data(await h.call('GET', `${h.acct}/storage`)).connections).toEqual({ local: { driver: 'kazoo_couch' } });
    const deleted = await h.call('DELETE', `${h.acct}/storage`);
    expect(deleted.status).toBe(200);
    expect((await h.call('GET', `${h.acct}/storage`)).status).toBe(404);
  });

  it('skips the backend probe with validate_settings=false, and validates the document against the storage schema', async () => {
    const unsigned = await h.call('PUT', `${h.acct}/storage?validate_settings=false`, { data: storage });
    expect(unsigned.status).toBe(201);
    expect((data(unsigned).attachments as Record<string, Record<string, unknown>>)[ATT]).not.toHaveProperty('_sig');
    const bad = await h.call('POST', `${h.acct}/storage`, { data: { attachments: { [ATT]: { handler: 'ftp', settings: {} } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty([`attachments.${ATT}.handler`]);
    await h.call('DELETE', `${h.acct}/storage`);
  });

  it('keeps a reseller’s storage plans (listed whole), and refuses plans to an account that is not a reseller (403)', async () => {
    const created = await h.call('PUT', `${h.acct}/storage/plans`, { data: storage });
    expect(created.status).toBe(201);
    const plan = data(created);
    const listed = (await h.call('GET', `${h.acct}/storage/plans`)).body.data as Doc[];
    expect(listed).toContainEqual(expect.objectContaining({ id: plan.id, plan: storage.plan }));
    const updated = await h.call('POST', `${h.acct}/storage/plans/${plan.id}`, { data: { plan: {} } });
    expect(data(updated)).toMatchObject({ id: plan.id, plan: {} });
    expect(data(await h.call('PATCH', `${h.acct}/storage/plans/${plan.id}`, { data: { connections: {} } }))).toMatchObject({
      plan: {},
      connections: {},
    });
    expect((await h.call('DELETE', `${h.acct}/storage/plans/${plan.id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/storage/plans/${plan.id}`)).status).toBe(404);

    const child = data(await h.call('PUT', h.acct, { data: { name: 'Not a reseller' } }));
    const refused = await h.call('GET', `/v2/accounts/${child.id}/storage/plans`);
    expect(refused.status).toBe(403);
    // The reseller manages its sub-account's own storage document.
    expect((await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: {} })).status).toBe(201);
  });
});
