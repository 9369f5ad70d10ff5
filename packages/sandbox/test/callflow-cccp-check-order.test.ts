import { describe, expect, it } from 'vitest';
import { type Doc, data, useHarness } from './helpers';

const h = useHarness();

/** An id that names no document in the seeded account. */
const MISSING = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

const REQUIRED = { numbers: { required: { message: 'Callflows must be assigned at least one number or pattern' } } };
const notAnArray = (value: unknown) => ({ type: { message: 'Value did not match type: array', target: 'array', value } });

/** A flow and a name the callflows schema refuses: any schema error in an answer would show. */
const SCHEMA_BREAKING = { name: 5, flow: 'park' };

async function callflow(numbers: string[]): Promise<Doc> {
  const created = await h.call('PUT', `${h.acct}/callflows`, { data: { name: 'Order', numbers, flow: { module: 'park', data: {} } } });
  expect(created.status, created.text).toBe(201);
  return data(created);
}

// cb_callflows:validate_request/2 looks at `numbers` (and validate_patterns/2 at `patterns`) before
// validate_callflow_schema/2: each of its errors is added with cb_context:add_validation_error/4 and
// the schema never runs, so the answer carries that one error alone.
describe('callflows: numbers and patterns are checked before the schema, and an error stops there', () => {
  it('PUT with neither answers numbers.required alone (cb_callflows:validate_patterns/2 → error_no_numbers_or_patterns/1)', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, { data: SCHEMA_BREAKING });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual(REQUIRED);
    const empty = await h.call('PUT', `${h.acct}/callflows`, { data: { ...SCHEMA_BREAKING, numbers: [], patterns: [] } });
    expect(empty.body.data).toEqual(REQUIRED);
  });

  it('POST with neither answers numbers.required alone (cb_callflows:validate_callflow/3 → validate_request/2)', async () => {
    const stored = await callflow(['+14155551301']);
    const r = await h.call('POST', `${h.acct}/callflows/${stored.id}`, { data: SCHEMA_BREAKING });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual(REQUIRED);
    expect(data(await h.call('GET', `${h.acct}/callflows/${stored.id}`)).numbers).toEqual(['+14155551301']);
  });

  it('PATCH emptying the numbers answers numbers.required alone, on the patched document (crossbar_doc:patch_and_validate/3 → validate_request/2)', async () => {
    const stored = await callflow(['+14155551302']);
    const r = await h.call('PATCH', `${h.acct}/callflows/${stored.id}`, { data: { numbers: [], name: 5 } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual(REQUIRED);
    // A PATCH that leaves the stored numbers in place passes this check and meets the schema.
    const schema = await h.call('PATCH', `${h.acct}/callflows/${stored.id}`, { data: { name: 5 } });
    expect(schema.status, schema.text).toBe(400);
    expect(Object.keys(schema.body.data as object)).toEqual(['name']);
  });

  it('PATCH on a missing id checks the request alone: numbers.required, not 404 (crossbar_doc:patch_and_validate_doc/4 after a failed load)', async () => {
    const r = await h.call('PATCH', `${h.acct}/callflows/${MISSING}`, { data: { name: 'Nowhere' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual(REQUIRED);
    const valid = await h.call('PATCH', `${h.acct}/callflows/${MISSING}`, {
      data: { numbers: ['+14155551303'], flow: { module: 'park', data: {} } },
    });
    expect(valid.status).toBe(404);
  });

  it('numbers that are not a list answer numbers.type in KAZOO’s own wording, alone (cb_callflows:validate_request/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, { data: { ...SCHEMA_BREAKING, numbers: '2001' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ numbers: notAnArray('2001') });
    const nil = await h.call('PUT', `${h.acct}/callflows`, { data: { ...SCHEMA_BREAKING, numbers: null } });
    expect(nil.body.data).toEqual({ numbers: notAnArray(null) });
  });

  it('patterns that are not a list, with no numbers, answer patterns.type alone (cb_callflows:validate_patterns/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, { data: { ...SCHEMA_BREAKING, numbers: [], patterns: '^9(\\d+)$' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ patterns: notAnArray('^9(\\d+)$') });
  });

  it('numbers are turned to E.164 before the schema, so one number spelled twice is not unique (cb_callflows:normalize_numbers/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, {
      data: { numbers: ['4155551304', '+14155551304'], flow: { module: 'park', data: {} } },
    });
    expect(r.status, r.text).toBe(400);
    expect(Object.keys((r.body.data as Record<string, object>).numbers ?? {})).toEqual(['uniqueItems']);
  });

  it('an empty-string number crashes knm_converters:normalize/2 before the schema: 500 generic_error, nothing saved', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, { data: { name: 'Crash', numbers: [''], flow: { module: 'park', data: {} } } });
    expect(r.status, r.text).toBe(500);
    expect(r.body.message).toBe('generic_error');
    const list = (await h.call('GET', `${h.acct}/callflows`)).body.data as { name?: string }[];
    expect(list.some((c) => c.name === 'Crash')).toBe(false);
  });
});

// cb_cccps:validate_cccps/2 on PUT runs check_cid/1 (a cid in the request) or else check_pin/1
// before create/1 validates the schema; a clash adds its error and create/1 never runs. The views
// they read (cccps/cid_listing, cccps/pin_listing) list active entries only.
describe('cccps: PUT looks its unique value up before the schema, and a clash stops there', () => {
  it('a pin an active entry holds answers cccp.unique alone, with no schema error (cb_cccps:check_pin/1)', async () => {
    const first = await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7001', active: true } });
    expect(first.status, first.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7001', comment: 5, retain_cid: 'yes' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ cccp: { unique: { message: 'Pin already exists' } } });
  });

  it('a cid an active entry holds answers cccp.unique alone, its cause the cid as sent (cb_cccps:check_cid/1, error_cid_exists/2)', async () => {
    const first = await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '+14155557002', active: true } });
    expect(first.status, first.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '4155557002', comment: 5 } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ cccp: { unique: { message: 'CID already exists', cause: '4155557002' } } });
  });

  it('a PUT with a cid never looks at the pin (cb_cccps:validate_cccps/2 → check_cid/1 only)', async () => {
    const first = await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7003', active: true } });
    expect(first.status, first.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '+14155557003', pin: '7003', active: true } });
    expect(r.status, r.text).toBe(201);
    expect(data(r)).toMatchObject({ cid: '+14155557003', pin: '7003' });
  });

  it('with no clash the schema runs as usual (cb_cccps:create/1)', async () => {
    const r = await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7004', comment: 5 } });
    expect(r.status, r.text).toBe(400);
    expect(Object.keys(r.body.data as object)).toEqual(['comment']);
  });

  it('an inactive entry holds nothing: its pin and cid are free (cccps/pin_listing, cccps/cid_listing skip !doc.active)', async () => {
    const first = await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7005', cid: '+14155557005' } });
    expect(first.status, first.text).toBe(201);
    expect(data(first).active).toBe(false);
    expect((await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7005' } })).status).toBe(201);
    expect((await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '+14155557005' } })).status).toBe(201);
  });

  it('POST checks no unique value, only the schema (cb_cccps:update/2)', async () => {
    const held = await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7006', active: true } });
    expect(held.status, held.text).toBe(201);
    const other = data(await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '7007' } }));
    const r = await h.call('POST', `${h.acct}/cccps/${other.id}`, { data: { pin: '7006', active: true } });
    expect(r.status, r.text).toBe(200);
    expect(data(r)).toMatchObject({ pin: '7006', active: true });
  });

  it('a cid knm_converters:normalize/1 has no clause for crashes check_cid/1: 500 generic_error', async () => {
    const r = await h.call('PUT', `${h.acct}/cccps`, { data: { cid: 4155557008, comment: 'number cid' } });
    expect(r.status, r.text).toBe(500);
    expect(r.body.message).toBe('generic_error');
    const list = (await h.call('GET', `${h.acct}/cccps`)).body.data as { comment?: string }[];
    expect(list.some((c) => c.comment === 'number cid')).toBe(false);
  });
});
