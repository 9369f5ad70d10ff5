import { describe, expect, it } from 'vitest';
import { type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

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

  it('keeps a reseller’s storage plans (listed whole, POST/PATCH by id; GET/DELETE by id 404 as cb_storage:read/2 expects a storage document), and refuses plans to an account that is not a reseller (403)', async () => {
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
    // crossbar_doc:check_document_type/3 refuses the storage_plan where cb_storage:read/2 wants a storage document.
    const read = await h.call('GET', `${h.acct}/storage/plans/${plan.id}`);
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ error: '404', message: 'bad_identifier' });
    expect((await h.call('DELETE', `${h.acct}/storage/plans/${plan.id}`)).status).toBe(404);
    const kept = (await h.call('GET', `${h.acct}/storage/plans`)).body.data as Doc[];
    expect(kept).toContainEqual(expect.objectContaining({ id: plan.id, plan: {}, connections: {} }));

    const child = data(await h.call('PUT', h.acct, { data: { name: 'Not a reseller' } }));
    const refused = await h.call('GET', `/v2/accounts/${child.id}/storage/plans`);
    expect(refused.status).toBe(403);
    // The reseller manages its sub-account's own storage document.
    expect((await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: {} })).status).toBe(201);
  });

  it('…/users/{id}/storage keeps the user’s own storage document, id the user’s (cb_storage:set_scope/2, doc_id/1); an unknown user 404s (cb_users:validate_resource/3)', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Store', last_name: 'Keeper' } }));
    const path = `${h.acct}/users/${user.id}/storage`;
    expect((await h.call('GET', path)).status).toBe(404);
    const created = await h.call('PUT', path, { data: storage });
    expect(created.status).toBe(201);
    expect(data(created)).toMatchObject({ id: user.id, plan: storage.plan });
    expect(data(created).attachments).toMatchObject({ [ATT]: { _sig: expect.any(String) } });
    expect((await h.call('PUT', path, { data: storage })).status).toBe(409);
    // Apart from the account's own document.
    expect((await h.call('GET', `${h.acct}/storage`)).status).toBe(404);
    const patched = await h.call('PATCH', path, { data: { connections: {} } });
    expect(data(patched)).toMatchObject({ id: user.id, plan: storage.plan, connections: {} });
    const replaced = await h.call('POST', path, { data: { plan: {} } });
    expect(data(replaced)).toMatchObject({ id: user.id, plan: {} });
    expect(data(replaced)).not.toHaveProperty('connections');
    expect(data(await h.call('GET', path))).toMatchObject({ id: user.id, plan: {} });
    expect((await h.call('DELETE', path)).status).toBe(200);
    expect((await h.call('GET', path)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/users/${'b'.repeat(32)}/storage`)).status).toBe(404);
    expect((await h.call('PUT', `${h.acct}/users/${'b'.repeat(32)}/storage`, { data: storage })).status).toBe(404);
  });

  it('/v2/storage: the super-duper admin keeps the system document (id system), validated and probed as an account’s (cb_storage:do_authorize/2, doc_id/1, maybe_check_storage_settings/2)', async () => {
    expect((await h.call('GET', '/v2/storage')).status).toBe(404);
    expect((await h.call('POST', '/v2/storage', { data: storage })).status).toBe(404);
    const bad = await h.call('PUT', '/v2/storage', { data: { attachments: { [ATT]: { handler: 'ftp', settings: {} } } } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty([`attachments.${ATT}.handler`]);
    const created = await h.call('PUT', '/v2/storage', { data: storage });
    expect(created.status).toBe(201);
    expect(data(created)).toMatchObject({ id: 'system', plan: storage.plan });
    expect((data(created).attachments as Record<string, Record<string, unknown>>)[ATT]?._sig).toMatch(/^[0-9a-f]{32}$/);
    expect((await h.call('PUT', '/v2/storage', { data: storage })).status).toBe(409);
    const patched = await h.call('PATCH', '/v2/storage', { data: { connections: { local: { driver: 'kazoo_couch' } } } });
    expect(data(patched)).toMatchObject({ id: 'system', plan: storage.plan, connections: { local: { driver: 'kazoo_couch' } } });
    const replaced = await h.call('POST', '/v2/storage', { data: { plan: {} } });
    expect(data(replaced)).toEqual(expect.objectContaining({ id: 'system', plan: {} }));
    expect(data(replaced)).not.toHaveProperty('connections');
    // The account's own document is apart from the system's.
    expect((await h.call('GET', `${h.acct}/storage`)).status).toBe(404);
    expect((await h.call('DELETE', '/v2/storage')).status).toBe(200);
    expect((await h.call('GET', '/v2/storage')).status).toBe(404);
  });

  it('/v2/storage/plans: system plans (pvt_system_plan) listed whole, POST/PATCH by id, GET/DELETE by id 404 as cb_storage:read/2 expects a storage document (crossbar_doc:check_document_type/3)', async () => {
    const created = await h.call('PUT', '/v2/storage/plans', { data: storage });
    expect(created.status).toBe(201);
    const plan = data(created);
    const listed = (await h.call('GET', '/v2/storage/plans')).body.data as Doc[];
    expect(listed.map((p) => p.id)).toEqual([plan.id]);
    expect(listed[0]).toMatchObject({ plan: storage.plan });
    // A reseller's plans and the system's are listed apart (storage/plans_by_account, storage/system_plans).
    expect(((await h.call('GET', `${h.acct}/storage/plans`)).body.data as Doc[]).map((p) => p.id)).not.toContain(plan.id);
    const updated = await h.call('POST', `/v2/storage/plans/${plan.id}`, { data: { plan: {} } });
    expect(updated.status).toBe(200);
    expect(data(updated)).toMatchObject({ id: plan.id, plan: {} });
    expect(data(await h.call('PATCH', `/v2/storage/plans/${plan.id}`, { data: { connections: {} } }))).toMatchObject({
      plan: {},
      connections: {},
    });
    expect((await h.call('GET', `/v2/storage/plans/${plan.id}`)).status).toBe(404);
    expect((await h.call('DELETE', `/v2/storage/plans/${plan.id}`)).status).toBe(404);
    expect((await h.call('POST', '/v2/storage/plans/missing', { data: { plan: {} } })).status).toBe(404);
  });

  it('/v2/storage and its plans are refused to a sub-account login (403), which keeps its own document (cb_storage:do_authorize/2)', async () => {
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Storage Tenant' } }));
    const key = data(await h.call('GET', `/v2/accounts/${child.id}/api_key`)).api_key as string;
    const token = await h.login(key);
    const as = (method: string, path: string, options = {}) => request(h.sandbox, method, path, options, token);
    expect((await as('GET', '/v2/storage')).status).toBe(403);
    expect((await as('PUT', '/v2/storage', { data: storage })).status).toBe(403);
    expect((await as('GET', '/v2/storage/plans')).status).toBe(403);
    expect((await as('POST', '/v2/storage/plans/any', { data: {} })).status).toBe(403);
    expect((await as('PUT', `/v2/accounts/${child.id}/storage`, { data: {} })).status).toBe(201);
  });
});
