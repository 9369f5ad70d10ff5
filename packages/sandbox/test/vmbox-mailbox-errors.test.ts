import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();

const TAKEN = { unique: { message: 'Invalid mailbox number or already exists' } };

async function box(name: string, mailbox: string): Promise<string> {
  const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name, mailbox } });
  expect(r.status, r.text).toBe(201);
  return data(r).id;
}

type Fields = Record<string, Record<string, unknown>>;

// cb_vmboxes:validate_unique_vmbox/3 runs check_uniqueness/2 first, records a clash with
// cb_context:add_validation_error/4 and goes on to check_vmbox_schema/2; cb_context:failed_error/2
// folds the schema errors into the same map (kz_json:merge_jobjs/2), answered as one 400.
describe('a mailbox that is not a whole number next to schema errors (cb_vmboxes:validate_unique_vmbox/3, cb_context:failed_error/2)', () => {
  it('PUT: a decimal looked up rounded onto a taken box is refused next to the missing name', async () => {
    await box('Box 8600', '8600');
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { mailbox: '8599.5' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('validation error');
    const fields = r.body.data as Fields;
    expect(Object.keys(fields).sort()).toEqual(['mailbox', 'name']);
    expect(fields.mailbox).toEqual(TAKEN);
    expect(fields.name).toMatchObject({ required: { message: 'Field is required but missing' } });
  });

  it('PUT: a whole number listed under a box like 87a (vmboxes/listing_by_mailbox) is refused next to a too short name', async () => {
    await box('Box 87a', '87a');
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: '', mailbox: '87' } });
    expect(r.status).toBe(400);
    const fields = r.body.data as Fields;
    expect(Object.keys(fields).sort()).toEqual(['mailbox', 'name']);
    expect(fields.mailbox).toEqual(TAKEN);
    expect(Object.keys(fields.name ?? {})).toEqual(['minLength']);
  });

  it('POST: the request mailbox is checked against the other boxes even when the schema fails', async () => {
    const id = await box('Box 8700', '8700');
    const r = await h.call('POST', `${h.acct}/vmboxes/${id}`, { data: { name: 'x'.repeat(129), mailbox: '8599.5' } });
    expect(r.status).toBe(400);
    const fields = r.body.data as Fields;
    expect(Object.keys(fields).sort()).toEqual(['mailbox', 'name']);
    expect(fields.mailbox).toEqual(TAKEN);
    expect(Object.keys(fields.name ?? {})).toEqual(['maxLength']);
    expect(data(await h.call('GET', `${h.acct}/vmboxes/${id}`)).mailbox).toBe('8700');
  });

  it('PATCH: the merged mailbox is checked (crossbar_doc:patch_and_validate/3 hands it to validate_request/2)', async () => {
    // 8900.5 is looked up as 8901 (free then) and listed as 8900, so 8901 can be created after it.
    const id = await box('Box 8900.5', '8900.5');
    await box('Box 8901', '8901');
    const r = await h.call('PATCH', `${h.acct}/vmboxes/${id}`, { data: { name: '' } });
    expect(r.status).toBe(400);
    const fields = r.body.data as Fields;
    expect(Object.keys(fields).sort()).toEqual(['mailbox', 'name']);
    expect(fields.mailbox).toEqual(TAKEN);
  });

  it('a schema error on mailbox itself replaces the unique one (kz_json:merge_jobjs/2 sets each field whole)', async () => {
    await box('Box 9100', '9100');
    // A JSON number: check_uniqueness/2 reads 9100 and finds the box, the schema wants a string.
    const number = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Number box', mailbox: 9100 } });
    expect(number.status).toBe(400);
    expect(Object.keys(number.body.data as Fields)).toEqual(['mailbox']);
    expect(Object.keys((number.body.data as Fields).mailbox ?? {})).toEqual(['type']);
    // Over 30 characters, but kz_term:to_integer/1 rounds it onto 9100.
    const long = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Long box', mailbox: `9099.5${'0'.repeat(30)}` } });
    expect(long.status).toBe(400);
    expect(Object.keys(long.body.data as Fields)).toEqual(['mailbox']);
    expect(Object.keys((long.body.data as Fields).mailbox ?? {})).toEqual(['maxLength']);
  });

  it('a free mailbox adds nothing to the schema errors', async () => {
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { mailbox: '9999.5' } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.data as Fields)).toEqual(['name']);
  });
});
