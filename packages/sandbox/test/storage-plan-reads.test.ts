import { describe, expect, it } from 'vitest';
import { type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

const storage = { plan: { modb: { types: { call_recording: { attachments: { handler: 'abc' } } } } } };

// cb_storage:validate_storage_plan/3 reads GET and DELETE through cb_storage:read/2: the id is loaded
// from system_data (set_scope/1) and must be a `storage` document (crossbar_doc:check_document_type/3).
describe('GET/DELETE …/storage/plans/{id} (cb_storage:read/2)', () => {
  it('/v2/storage/plans/system is the system storage document (cb_storage:doc_id/1)', async () => {
    expect((await h.call('GET', '/v2/storage/plans/system')).status).toBe(404);
    expect((await h.call('PUT', '/v2/storage', { data: storage })).status).toBe(201);
    const read = await h.call('GET', '/v2/storage/plans/system');
    expect(read.status).toBe(200);
    expect(data(read)).toMatchObject({ id: 'system', plan: storage.plan });
    expect(read.headers.get('etag')).toMatch(/^"\d+-/);
  });

  it("an account's id reaches its storage document, a user's id the user's; DELETE removes it (cb_storage:delete/3)", async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Plan', last_name: 'Reader' } }));
    expect((await h.call('GET', `/v2/storage/plans/${h.sandbox.accountId}`)).status).toBe(404);
    expect((await h.call('PUT', `${h.acct}/storage`, { data: storage })).status).toBe(201);
    expect((await h.call('PUT', `${h.acct}/users/${user.id}/storage`, { data: { plan: {} } })).status).toBe(201);

    const account = await h.call('GET', `/v2/storage/plans/${h.sandbox.accountId}`);
    expect(account.status).toBe(200);
    expect(data(account)).toMatchObject({ id: h.sandbox.accountId, plan: storage.plan });
    const own = await h.call('GET', `/v2/storage/plans/${user.id}`);
    expect(own.status).toBe(200);
    expect(data(own)).toMatchObject({ id: user.id, plan: {} });

    const removed = await h.call('DELETE', `/v2/storage/plans/${user.id}`);
    expect(removed.status).toBe(200);
    expect(data(removed)).toMatchObject({ id: user.id, _read_only: { deleted: true } });
    expect((await h.call('GET', `${h.acct}/users/${user.id}/storage`)).status).toBe(404);
    expect((await h.call('GET', `/v2/storage/plans/${user.id}`)).status).toBe(404);
    // The account's own document is untouched.
    expect(data(await h.call('GET', `${h.acct}/storage`))).toMatchObject({ id: h.sandbox.accountId });
    expect((await h.call('DELETE', `/v2/storage/plans/${h.sandbox.accountId}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/storage`)).status).toBe(404);
  });

  it('a storage plan is no storage document, and an unknown id is missing: 404 bad_identifier naming the id (crossbar_doc:load/4)', async () => {
    const plan = data(await h.call('PUT', '/v2/storage/plans', { data: storage }));
    for (const id of [plan.id, 'f'.repeat(32)]) {
      for (const method of ['GET', 'DELETE']) {
        const answer = await h.call(method, `/v2/storage/plans/${id}`);
        expect(answer.status, `${method} ${id}`).toBe(404);
        expect(answer.body).toMatchObject({ error: '404', message: 'bad_identifier', data: { cause: id } });
      }
    }
    // DELETE refused the plan, which is still listed.
    expect(((await h.call('GET', '/v2/storage/plans')).body.data as Doc[]).map((p) => p.id)).toContain(plan.id);
  });

  it("a reseller's …/accounts/{id}/storage/plans/{id} reads system_data too: a sub-account's storage document (cb_storage:set_scope/1)", async () => {
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Plan Child' } }));
    expect((await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: storage })).status).toBe(201);
    const read = await h.call('GET', `${h.acct}/storage/plans/${child.id}`);
    expect(read.status).toBe(200);
    expect(data(read)).toMatchObject({ id: child.id, plan: storage.plan });
    const plan = data(await h.call('PUT', `${h.acct}/storage/plans`, { data: storage }));
    expect((await h.call('GET', `${h.acct}/storage/plans/${plan.id}`)).status).toBe(404);
  });

  it('are refused to a login that is not the super-duper admin (403, cb_storage:do_authorize/2 for {system_plan, Id})', async () => {
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Plan Tenant' } }));
    expect((await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: storage })).status).toBe(201);
    const key = data(await h.call('GET', `/v2/accounts/${child.id}/api_key`)).api_key as string;
    const token = await h.login(key);
    const as = (method: string, path: string) => request(h.sandbox, method, path, {}, token);
    expect((await as('GET', `/v2/storage/plans/${child.id}`)).status).toBe(403);
    expect((await as('DELETE', `/v2/storage/plans/${child.id}`)).status).toBe(403);
    expect((await as('GET', '/v2/storage/plans/system')).status).toBe(403);
    // Nor through its own account's plans, as it is no reseller (kzd_accounts:is_reseller/1).
    expect((await as('GET', `/v2/accounts/${child.id}/storage/plans/${child.id}`)).status).toBe(403);
    expect(data(await h.call('GET', `/v2/accounts/${child.id}/storage`))).toMatchObject({ id: child.id });
  });
});
