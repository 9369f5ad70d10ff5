import { describe, expect, it } from 'vitest';
import { data, request, useHarness } from './helpers';

const h = useHarness();

const nameTypeError = (value: unknown) => ({
  name: { type: { message: 'Value did not match type(s): string', target: 'string', value } },
});
const inUse = (username: string) => ({ 'sip.username': { unique: { message: 'SIP credentials already in use', cause: username } } });

async function tenant(name: string): Promise<string> {
  return data(await h.call('PUT', h.acct, { data: { name } })).id;
}

// cb_devices:validate_device/2 folds prepare_mac_address/2, prepare_outbound_flags/2,
// prepare_device_realm/2, prepare_provisioner_fields/2, prepare_emergency_caller_id/2,
// validate_mdn/2, validate_mac_address/2, validate_device_creds/2 and check_device_type_change/2
// over the request before check_device_schema/2, which runs whatever they recorded. The schema's
// errors are folded in by cb_context:failed_error/2 with kz_json:merge_jobjs/2: field by field,
// a schema error on a field replacing that field's entry whole.
describe('device checks run before the schema and are reported next to its errors (cb_devices:validate_device/2)', () => {
  it('validate_mdn/2: a mobile device without mobile.mdn is told so next to a schema error', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, { data: { name: 7, device_type: 'mobile' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      'mobile.mdn': { required: { message: 'Field is required but missing' } },
      ...nameTypeError(7),
    });
  });

  it('validate_mdn/2 → check_mdn_taken/3: a taken MDN is reported next to a schema error', async () => {
    const first = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Cell one', device_type: 'mobile', mobile: { mdn: '4155550181' } },
    });
    expect(first.status, first.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/devices`, { data: { name: '', device_type: 'mobile', mobile: { mdn: '4155550181' } } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toMatchObject({
      'mobile.mdn': { unique: { message: 'Mobile Device Number already exists in the system', cause: '+14155550181' } },
      name: { minLength: { target: 1 } },
    });
  });

  it('validate_mac_address/2: a MAC in use in the account is reported next to a schema error', async () => {
    const first = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Desk mac', mac_address: '00:11:22:33:44:aa' } });
    expect(first.status, first.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/devices`, { data: { name: ['Desk'], mac_address: '00-11-22-33-44-AA' } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      mac_address: { unique: { message: 'MAC address already in use', cause: '0011223344aa' } },
      ...nameTypeError(['Desk']),
    });
  });

  it('validate_device_creds/2 → check_device_ip/3: an ip device with no IPv4 address is told so next to a schema error', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, { data: { name: false, sip: { method: 'ip', ip: '300.1.2.3' } } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      'sip.ip': { type: { message: 'Must be a valid IPv4 RFC 791', cause: '300.1.2.3' } },
      ...nameTypeError(false),
    });
  });

  it('validate_device_creds/2: an unknown sip.method is the schema enum error alone (the schema replaces the entry whole)', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Digest', sip: { method: 'digest', username: 'digest1' } } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({
      'sip.method': { enum: { message: 'Value not found in enumerated list of values', target: ['password', 'ip'], value: 'digest' } },
    });
  });

  it('check_device_type_change/2: a schema error on device_type replaces the "not authorized" entry', async () => {
    const sub = await tenant('Check Order Tenant');
    const key = data(await h.call('GET', `/v2/accounts/${sub}/api_key`));
    const token = await h.login(String(key.api_key));
    const base = `/v2/accounts/${sub}/devices`;
    const own = data(await request(h.sandbox, 'PUT', base, { data: { name: 'Tenant desk', device_type: 'sip_device' } }, token));
    const typed = await request(h.sandbox, 'PATCH', `${base}/${own.id}`, { data: { device_type: 5 } }, token);
    expect(typed.status, typed.text).toBe(400);
    expect(typed.body.data).toEqual({
      device_type: { type: { message: 'Value did not match type(s): string', target: 'string', value: 5 } },
    });
    // With the schema satisfied, the check's own error stands, next to another field's schema error.
    const renamed = await request(h.sandbox, 'PATCH', `${base}/${own.id}`, { data: { device_type: 'softphone', name: '' } }, token);
    expect(renamed.status, renamed.text).toBe(400);
    expect(renamed.body.data).toMatchObject({
      device_type: { invalid: { message: 'Not authorized to change type of device', cause: 'softphone' } },
      name: { minLength: { target: 1 } },
    });
  });
});

// The account's devices/sip_credentials view emits every document with a `sip` object under its
// lower-cased username, whatever its sip.method: is_creds_locally_unique/3 finds an ip device too.
describe('a password device and an ip device of the same account share no username (cb_devices:is_creds_locally_unique/3)', () => {
  it('a password device cannot take the username of an ip device of its account', async () => {
    const account = await tenant('Local IP Tenant');
    const base = `/v2/accounts/${account}/devices`;
    const trunk = await h.call('PUT', base, {
      data: { name: 'Trunk', sip: { method: 'ip', ip: '198.51.100.61', username: 'LocalTrunk' } },
    });
    expect(trunk.status, trunk.text).toBe(201);
    const refused = await h.call('PUT', base, { data: { name: 'Desk', sip: { username: 'localtrunk', password: 'pw-local-trunk' } } });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.data).toEqual(inUse('localtrunk'));

    // A device renamed onto it is refused as well, PATCH reading the merged document.
    const desk = data(await h.call('PUT', base, { data: { name: 'Desk 2', sip: { username: 'deskuser', password: 'pw-desk-2' } } }));
    const renamed = await h.call('PATCH', `${base}/${desk.id}`, { data: { sip: { username: 'LOCALTRUNK' } } });
    expect(renamed.status, renamed.text).toBe(400);
    expect(renamed.body.data).toEqual(inUse('LOCALTRUNK'));

    // The bulk update validates as the module does (cb_bulk:get_validate_binding/1).
    const bulk = await h.call('POST', `/v2/accounts/${account}/bulk`, {
      data: { ids: [desk.id], updates: { sip: { username: 'localtrunk', password: 'pw-desk-2' } } },
    });
    expect(bulk.status, bulk.text).toBe(200);
    expect((bulk.body.data as Record<string, unknown>)[desk.id]).toMatchObject({
      status: 'error',
      error: '400',
      data: inUse('localtrunk'),
    });

    // Another account's password device is not in this account's view.
    const elsewhere = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Desk', sip: { username: 'localtrunk', password: 'pw-else' } },
    });
    expect(elsewhere.status, elsewhere.text).toBe(201);
  });

  it('an ip device is not checked itself: it may take the username of a password device (check_device_password/3 runs for password only)', async () => {
    const account = await tenant('Local IP Second Tenant');
    const base = `/v2/accounts/${account}/devices`;
    const desk = await h.call('PUT', base, { data: { name: 'Desk', sip: { username: 'shared1', password: 'pw-shared-1' } } });
    expect(desk.status, desk.text).toBe(201);
    const trunk = await h.call('PUT', base, { data: { name: 'Trunk', sip: { method: 'ip', ip: '198.51.100.62', username: 'shared1' } } });
    expect(trunk.status, trunk.text).toBe(201);
    // Now the view holds two rows for the username: even the desk itself is no longer unique.
    const touched = await h.call('POST', `${base}/${data(desk).id}`, {
      data: { name: 'Desk', sip: { username: 'shared1', password: 'pw-shared-1' } },
    });
    expect(touched.status, touched.text).toBe(400);
    expect(touched.body.data).toEqual(inUse('shared1'));
  });
});
