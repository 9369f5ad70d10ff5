import { describe, expect, it } from 'vitest';
import { type Answer, data, useHarness } from './helpers';

const h = useHarness();

const valid = { plan: { modb: { types: { call_recording: { attachments: { handler: 'abc' } } } } } };
const invalid = { plan: 'everywhere' };
const planTypeError = { plan: { type: { message: 'Value did not match type(s): object', target: 'object', value: 'everywhere' } } };

function expectInvalid(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.text}`).toBe(400);
  expect(answer.body.message, what).toBe('validation error');
  expect(answer.body.data, what).toEqual(planTypeError);
}

function expectMissing(answer: Answer, id: string, what: string): void {
  expect(answer.status, `${what}: ${answer.text}`).toBe(404);
  expect(answer.body, what).toMatchObject({ message: 'bad_identifier', data: { cause: id, message: 'bad identifier' } });
}

// cb_storage:update/1,2 runs cb_context:validate_request_data/3 on the body and loads the document
// only in its on-success fun (on_successful_validation/3 → crossbar_doc:load_merge/3). A PATCH goes
// through crossbar_doc:patch_and_validate/4, whose patch_and_validate_doc/4 still calls the
// validation fun when the load failed, on the request alone. The schema speaks first.
describe('POST/PATCH of a storage document that does not exist (cb_storage:update/1, crossbar_doc:patch_and_validate/4)', () => {
  it('an invalid body is 400 with the schema errors, a valid one is 404 bad_identifier', async () => {
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Storage Order Child' } }));
    const path = `/v2/accounts/${child.id}/storage`;
    for (const method of ['POST', 'PATCH'] as const) {
      expectInvalid(await h.call(method, path, { data: invalid }), `${method} invalid`);
      expectMissing(await h.call(method, path, { data: valid }), child.id, `${method} valid`);
    }
    // Nothing was created by the refused writes.
    expectMissing(await h.call('GET', path), child.id, 'GET');
  });

  it('an existing document still gets the schema errors of the patched whole, and a valid change saves', async () => {
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Storage Order Existing' } }));
    const path = `/v2/accounts/${child.id}/storage`;
    expect((await h.call('PUT', path, { data: valid })).status).toBe(201);
    expectInvalid(await h.call('PATCH', path, { data: invalid }), 'PATCH invalid');
    expectInvalid(await h.call('POST', path, { data: invalid }), 'POST invalid');
    expect((await h.call('POST', path, { data: valid })).status).toBe(200);
  });

  it("a user's storage for an unknown user is 404 first: cb_users:validate_resource/3 runs before cb_storage", async () => {
    const r = await h.call('POST', `${h.acct}/users/${'0'.repeat(32)}/storage`, { data: invalid });
    expect(r.status, r.text).toBe(404);
  });
});

describe('POST/PATCH of a storage plan that does not exist (cb_storage:update/2, patch_update/2)', () => {
  it('an invalid body is 400 with the schema errors, a valid one is 404 bad_identifier', async () => {
    const id = 'f'.repeat(32);
    const path = `${h.acct}/storage/plans/${id}`;
    for (const method of ['POST', 'PATCH'] as const) {
      expectInvalid(await h.call(method, path, { data: invalid }), `${method} invalid`);
      expectMissing(await h.call(method, path, { data: valid }), id, `${method} valid`);
    }
  });
});
