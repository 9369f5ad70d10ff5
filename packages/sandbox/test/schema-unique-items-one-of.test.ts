import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers';

const h = useHarness();

/** kz_json_schema:error_to_jobj/2, its clause for jesse's `{not_unique, Item}`: the whole list as `value`. */
const notUnique = (value: unknown) => ({ uniqueItems: { message: 'List of items is not unique', value } });
/** kz_json_schema:error_to_jobj/2's catch-all clause, which answers jesse's `not_one_schema_valid`. */
const notOne = (value: unknown) => ({ not_one_schema_valid: { message: 'failed to validate', value } });

describe('uniqueItems (jesse_validator_draft4:check_unique_items/3, kz_json_schema:error_to_jobj/2)', () => {
  it('a callflow with numbers ["7401", "7401"] is a 400 uniqueItems on numbers', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Twice', numbers: ['7401', '7401'], flow: { module: 'park', data: {} } },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({ numbers: notUnique(['7401', '7401']) });
  });

  it('a callflow with distinct numbers is created (201)', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Once', numbers: ['7401', '7402'], flow: { module: 'park', data: {} } },
    });
    expect(r.status, r.text).toBe(201);
    expect((r.body.data as { numbers: string[] }).numbers).toEqual(['7401', '7402']);
  });

  it('a conference with a repeated member number, and a bad one: each at its own path', async () => {
    const r = await h.call('PUT', `${h.acct}/conferences`, {
      data: { name: 'Room', member: { numbers: ['1001', '1001', 'x'] } },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      'member.numbers': notUnique(['1001', '1001', 'x']),
      'member.numbers.2': { pattern: { message: "Failed to match pattern '^[0-9]+$'", target: '^[0-9]+$', value: 'x' } },
    });
  });
});

describe('any failure inside a oneOf answers not_one_schema_valid at its value (jesse_validator_draft4:check_one_of/3)', () => {
  it('a port request with send_to: 42 (neither an address nor a list) is a 400 not_one_schema_valid', async () => {
    const r = await h.call('PUT', `${h.acct}/port_requests`, {
      data: { name: 'Typed', numbers: { '+12025558821': {} }, notifications: { email: { send_to: 42 } } },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({ 'notifications.email.send_to': notOne(42) });
  });

  it('a list branch with an item of the wrong type answers the oneOf too, not the item', async () => {
    const r = await h.call('PUT', `${h.acct}/port_requests`, {
      data: { name: 'Item', numbers: { '+12025558822': {} }, notifications: { email: { send_to: ['ok@example.com', 7] } } },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ 'notifications.email.send_to': notOne(['ok@example.com', 7]) });
  });

  it('a port request with one valid address is created (201)', async () => {
    const r = await h.call('PUT', `${h.acct}/port_requests`, {
      data: { name: 'Fine', numbers: { '+12025558823': {} }, notifications: { email: { send_to: 'ops@example.com' } } },
    });
    expect(r.status, r.text).toBe(201);
  });

  it('a menu exit_media too short for the string branch and not a boolean answers the oneOf, not minLength', async () => {
    const r = await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Menu', media: { exit_media: 'ab' } } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ 'media.exit_media': notOne('ab') });
  });
});

/** kz_json_schema:error_to_jobj/2's catch-all clause, which answers jesse's `any_schemas_not_valid`. */
const noneOfAny = (value: unknown) => ({ any_schemas_not_valid: { message: 'failed to validate', value } });

// jesse_validator_draft4:check_value/3 applies every keyword of a node, so a oneOf/anyOf beside
// `type` or `properties` is checked as well as them.
describe('a oneOf/anyOf beside type or properties is checked too (jesse_validator_draft4:check_value/3)', () => {
  it('a device sip.custom_sip_headers {"out": {"X-A": 1}} is a 400 any_schemas_not_valid (check_any_of/3)', async () => {
    const value = { out: { 'X-A': 1 } };
    const r = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Headers', sip: { custom_sip_headers: value } } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({ 'sip.custom_sip_headers': noneOfAny(value) });
  });

  it('a device with in/out custom_sip_headers is created (201)', async () => {
    const value = { in: { 'X-In': 'a' }, out: { 'X-Out': 'b' } };
    const r = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Headers ok', sip: { custom_sip_headers: value } } });
    expect(r.status, r.text).toBe(201);
    expect((r.body.data as { sip: { custom_sip_headers: unknown } }).sip.custom_sip_headers).toEqual(value);
  });

  it('a device combo key of an unknown type is a 400 not_one_schema_valid at the key (devices.combo_key, check_one_of/3)', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Keys', provision: { combo_keys: { '1': { type: 'voicemail', value: '1001' } } } },
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ 'provision.combo_keys.1': notOne({ type: 'voicemail', value: '1001' }) });
  });

  it('a device with a parking and a line combo key is created (201)', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Keys ok', provision: { combo_keys: { '1': { type: 'parking', value: 2 }, '2': { type: 'line', value: '1001' } } } },
    });
    expect(r.status, r.text).toBe(201);
  });

  // jesse_validator_draft4:check_pattern_properties/3 checks only keys matching ^[0-9]+$
  // (check_match/3), and devices.json has no additionalProperties beside it; cb_devices only
  // prunes null keys (prune_null_provisioner_fields/2).
  it('a device combo key named "a" (outside ^[0-9]+$) is not checked and the device is created (201)', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Keys named', provision: { combo_keys: { a: { type: 'voicemail', anything: [1] } } } },
    });
    expect(r.status, r.text).toBe(201);
    expect((r.body.data as { provision: { combo_keys: unknown } }).provision.combo_keys).toEqual({
      a: { type: 'voicemail', anything: [1] },
    });
  });
});
