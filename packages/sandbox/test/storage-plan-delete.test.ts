import { describe, expect, it } from 'vitest';
import { type Answer, type Doc, data, useHarness } from './helpers';

const h = useHarness();

const storage = { plan: { modb: { types: { call_recording: { attachments: { handler: 'abc' } } } } } };

const ids = (answer: Answer) => (answer.body.data as Doc[]).map((p) => p.id).sort();

function expectMissing(answer: Answer, id: string, what: string): void {
  expect(answer.status, what).toBe(404);
  expect(answer.body, what).toMatchObject({ error: '404', message: 'bad_identifier', data: { cause: id, message: 'bad identifier' } });
}

// cb_storage:delete/3 for …/storage/plans/{id} is crossbar_doc:delete(Context, ?HARD_DELETE), as is
// cb_storage:delete/1 for …/storage: the document read by cb_storage:read/2 is removed from
// system_data, not flagged pvt_deleted.
describe('DELETE …/storage/plans/{id} hard-deletes (cb_storage:delete/3, crossbar_doc:delete/2 with ?HARD_DELETE)', () => {
  it('answers the document as it was, then the id is gone: GET, POST, PATCH and DELETE are 404 naming it, the listing is unchanged', async () => {
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Hard Delete Child' } }));
    const plan = data(await h.call('PUT', `${h.acct}/storage/plans`, { data: storage }));
    const created = await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: storage });
    expect(created.status).toBe(201);
    const listed = ids(await h.call('GET', `${h.acct}/storage/plans`));
    expect(listed).toContain(plan.id);

    const removed = await h.call('DELETE', `${h.acct}/storage/plans/${child.id}`);
    expect(removed.status).toBe(200);
    expect(data(removed)).toEqual({ id: child.id, plan: storage.plan, _read_only: { deleted: true } });
    expect(removed.headers.get('etag')).toBe(created.headers.get('etag'));

    for (const [method, path] of [
      ['GET', `${h.acct}/storage/plans/${child.id}`],
      ['DELETE', `${h.acct}/storage/plans/${child.id}`],
      ['GET', `/v2/accounts/${child.id}/storage`],
      ['POST', `/v2/accounts/${child.id}/storage`],
      ['PATCH', `/v2/accounts/${child.id}/storage`],
      ['DELETE', `/v2/accounts/${child.id}/storage`],
    ] as const) {
      const body = method === 'POST' || method === 'PATCH' ? { data: storage } : undefined;
      expectMissing(await h.call(method, path, body), child.id, `${method} ${path}`);
    }
    expect(ids(await h.call('GET', `${h.acct}/storage/plans`))).toEqual(listed);
  });

  it('a PUT afterwards creates the document again, where a soft-deleted one would still hold the id (409 datastore_conflict)', async () => {
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Hard Delete Again' } }));
    expect((await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: storage })).status).toBe(201);
    expect((await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: storage })).status).toBe(409);
    expect((await h.call('DELETE', `${h.acct}/storage/plans/${child.id}`)).status).toBe(200);

    const again = await h.call('PUT', `/v2/accounts/${child.id}/storage`, { data: { plan: {} } });
    expect(again.status).toBe(201);
    expect(data(again)).toEqual({ id: child.id, plan: {} });
    expect(data(await h.call('GET', `${h.acct}/storage/plans/${child.id}`))).toEqual({ id: child.id, plan: {} });
  });

  it("a user's storage document and the system's go the same way (cb_storage:doc_id/1)", async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Hard', last_name: 'Delete' } }));
    expect((await h.call('PUT', `${h.acct}/users/${user.id}/storage`, { data: storage })).status).toBe(201);
    expect((await h.call('DELETE', `${h.acct}/storage/plans/${user.id}`)).status).toBe(200);
    expectMissing(await h.call('GET', `${h.acct}/users/${user.id}/storage`), user.id, 'user storage');
    expectMissing(await h.call('GET', `${h.acct}/storage/plans/${user.id}`), user.id, 'user storage by plan id');

    const systemPlan = data(await h.call('PUT', '/v2/storage/plans', { data: storage }));
    expect((await h.call('PUT', '/v2/storage', { data: storage })).status).toBe(201);
    const removed = await h.call('DELETE', '/v2/storage/plans/system');
    expect(removed.status).toBe(200);
    expect(data(removed)).toEqual({ id: 'system', plan: storage.plan, _read_only: { deleted: true } });
    expectMissing(await h.call('GET', '/v2/storage'), 'system', 'system storage');
    expectMissing(await h.call('GET', '/v2/storage/plans/system'), 'system', 'system storage by plan id');
    expect(ids(await h.call('GET', '/v2/storage/plans'))).toContain(systemPlan.id);
    expect((await h.call('PUT', '/v2/storage', { data: storage })).status).toBe(201);
  });
});
