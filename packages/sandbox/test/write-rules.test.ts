import { describe, expect, it } from 'vitest';
import { credentials, data, request, useHarness } from './helpers';

/** The rules KAZOO applies to a write beyond the JSON schema, each named for the function that applies it. */

const h = useHarness();

async function userLogin(username: string, password: string): Promise<number> {
  const r = await request(h.sandbox, 'PUT', '/v2/user_auth', {
    data: { credentials: await credentials(username, password), account_name: h.sandbox.accountName },
  });
  return r.status;
}

describe('user credentials (kzd_users:maybe_rehash_creds/3)', () => {
  const required = {
    password: {
      required: { message: 'The password must be provided when creating / updating the user name', cause: 'nopass' },
    },
  };

  it('refuses a username without a password on create: 400 password.required', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'No', last_name: 'Pass', username: 'NoPass' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ message: 'validation error', data: required });
  });

  it('refuses a rename without a password (the stored hashes are of the old name), and logs in under a new name given with one', async () => {
    const user = data(
      await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Re', last_name: 'Name', username: 'before', password: 'pw-before' } }),
    );
    expect(await userLogin('before', 'pw-before')).toBe(201);
    const renamed = await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { username: 'after' } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.data).toMatchObject({ password: { required: { cause: 'after' } } });
    const posted = await h.call('POST', `${h.acct}/users/${user.id}`, { data: { first_name: 'Re', last_name: 'Name', username: 'after' } });
    expect(posted.status).toBe(400);
    expect(await userLogin('before', 'pw-before')).toBe(201);

    const withPassword = await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { username: 'after', password: 'pw-after' } });
    expect(withPassword.status).toBe(200);
    expect(data(withPassword)).not.toHaveProperty('password');
    expect(await userLogin('after', 'pw-after')).toBe(201);
    expect(await userLogin('before', 'pw-before')).toBe(401);
    // The same username without a password keeps the credentials.
    expect((await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { first_name: 'Still' } })).status).toBe(200);
    expect(await userLogin('after', 'pw-after')).toBe(201);
  });

  it('gives a password without a username a generated user_<16 hex> username that logs in', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Gen', last_name: 'Erated', password: 'pw-generated' } });
    expect(r.status).toBe(201);
    const username = String(data(r).username);
    expect(username).toMatch(/^user_[0-9a-f]{16}$/);
    expect(await userLogin(username, 'pw-generated')).toBe(201);
  });

  it('keeps hotdesk ids unique in an account (kzd_users:maybe_validate_hotdesk_id_is_unique/3)', async () => {
    const first = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'H', last_name: 'One', hotdesk: { id: '4242' } } });
    expect(first.status).toBe(201);
    const second = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'H', last_name: 'Two', hotdesk: { id: '4242' } } });
    expect(second.status).toBe(400);
    expect(second.body.data).toMatchObject({
      'hotdesk.id': { unique: { message: 'Hotdesk ID must be unique within account', cause: '4242' } },
    });
  });
});

describe('devices (cb_devices:validate_device/2)', () => {
  it('stores the MAC address cleansed (cb_devices:prepare_mac_address/2)', async () => {
    const created = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Desk', device_type: 'sip_device', mac_address: '00:1A:2B:3C:4D:5E' },
    });
    expect(created.status).toBe(201);
    expect(data(created).mac_address).toBe('001a2b3c4d5e');
    expect((await h.call('PATCH', `${h.acct}/devices/${data(created).id}`, { data: { name: 'Desk 2' } })).status).toBe(200);
  });

  it('the super-duper admin may change the device type and the MDN; a sub-account admin may not (check_device_type_change/2, check_mdn_changed/3)', async () => {
    const created = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Master desk', device_type: 'sip_device' } });
    const retyped = await h.call('POST', `${h.acct}/devices/${data(created).id}`, {
      data: { name: 'Master desk', device_type: 'softphone' },
    });
    expect(retyped.status).toBe(200);
    expect(data(retyped).device_type).toBe('softphone');
    const cell = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Cell', device_type: 'mobile', mobile: { mdn: '4155550171' } } });
    const renumbered = await h.call('PATCH', `${h.acct}/devices/${data(cell).id}`, { data: { mobile: { mdn: '4155550172' } } });
    expect(renumbered.status).toBe(200);
    expect(data(renumbered)).toMatchObject({ mobile: { mdn: '4155550172' } });

    const sub = data(await h.call('PUT', h.acct, { data: { name: 'Device Tenant' } }));
    const key = data(await h.call('GET', `/v2/accounts/${sub.id}/api_key`));
    const token = await h.login(String(key.api_key));
    const base = `/v2/accounts/${sub.id}/devices`;
    const own = data(await request(h.sandbox, 'PUT', base, { data: { name: 'Tenant desk', device_type: 'sip_device' } }, token));
    const refused = await request(h.sandbox, 'PATCH', `${base}/${own.id}`, { data: { device_type: 'softphone' } }, token);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toEqual({
      device_type: { invalid: { message: 'Not authorized to change type of device', cause: 'softphone' } },
    });
    const ownCell = data(
      await request(h.sandbox, 'PUT', base, { data: { name: 'Tenant cell', device_type: 'mobile', mobile: { mdn: '4155550173' } } }, token),
    );
    const mdn = await request(h.sandbox, 'PATCH', `${base}/${ownCell.id}`, { data: { mobile: { mdn: '4155550174' } } }, token);
    expect(mdn.status).toBe(400);
    expect(mdn.body.data).toMatchObject({ 'mobile.mdn': { invalid: { message: 'Mobile Device Number cannot be changed' } } });
    // The master account's login reaches the sub-account and may change it there.
    expect((await h.call('PATCH', `${base}/${own.id}`, { data: { device_type: 'softphone' } })).status).toBe(200);
  });

  it('needs an IPv4 sip.ip for IP authentication, and mobile.mdn for a mobile device', async () => {
    const badIp = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Trunk', sip: { method: 'ip', ip: '300.1.2.3' } } });
    expect(badIp.status).toBe(400);
    expect(badIp.body.data).toMatchObject({ 'sip.ip': { type: { message: 'Must be a valid IPv4 RFC 791', cause: '300.1.2.3' } } });
    const mobile = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Cell', device_type: 'mobile' } });
    expect(mobile.status).toBe(400);
    expect(mobile.body.data).toMatchObject({ 'mobile.mdn': { required: { message: 'Field is required but missing' } } });
  });

  it('drops a sip.realm equal to the account realm (prepare_device_realm/2)', async () => {
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const created = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Realmed', sip: { username: 'realmed', password: 'pw-realmed', realm } },
    });
    expect(created.status).toBe(201);
    expect(data(created).sip).not.toHaveProperty('realm');
  });
});

describe('SIP credentials across accounts (cb_devices:check_sip_creds_unique/4)', () => {
  it('refuses a username another account holds in the same realm once aggregated to sip_auth (is_creds_global_unique/3, maybe_aggregate_device/2)', async () => {
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const other = data(await h.call('PUT', h.acct, { data: { name: 'Foreign Realm Tenant' } }));
    const otherRealm = String(other.realm);
    expect(otherRealm).not.toBe(realm);
    const otherDevices = `/v2/accounts/${other.id}/devices`;

    // In its own realm a device is not aggregated: another account may name that realm with the same username.
    const local = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Local', sip: { username: 'Roamer', password: 'pw-roamer-1' } },
    });
    expect(local.status).toBe(201);
    const foreign = await h.call('PUT', otherDevices, {
      data: { name: 'Foreign', sip: { username: 'roamer', password: 'pw-roamer-2', realm } },
    });
    expect(foreign.status).toBe(201);
    expect(data(foreign).sip).toMatchObject({ realm });

    // Now sip_auth holds (realm, roamer): a third account naming the realm is refused, and so is a
    // save of the first account's own device, whose username is looked up under its realm.
    const third = data(await h.call('PUT', h.acct, { data: { name: 'Third Realm Tenant' } }));
    const clash = await h.call('PUT', `/v2/accounts/${third.id}/devices`, {
      data: { name: 'Clash', sip: { username: 'ROAMER', password: 'pw-roamer-3', realm: realm.toUpperCase() } },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({ 'sip.username': { unique: { message: 'SIP credentials already in use', cause: 'ROAMER' } } });
    const resaved = await h.call('PATCH', `${h.acct}/devices/${data(local).id}`, { data: { name: 'Local again' } });
    expect(resaved.status).toBe(400);
    expect(resaved.body.data).toMatchObject({ 'sip.username': { unique: { message: 'SIP credentials already in use', cause: 'Roamer' } } });
    // The aggregated device itself saves again; another realm or username is free.
    expect((await h.call('PATCH', `${otherDevices}/${data(foreign).id}`, { data: { name: 'Foreign again' } })).status).toBe(200);
    expect(
      (
        await h.call('PUT', `/v2/accounts/${third.id}/devices`, {
          data: { name: 'Elsewhere', sip: { username: 'roamer', password: 'pw-roamer-4', realm: 'elsewhere.example.com' } },
        })
      ).status,
    ).toBe(201);

    // Back in its own realm the device leaves sip_auth (maybe_remove_aggregate/2): the pair is free again.
    const home = await h.call('POST', `${otherDevices}/${data(foreign).id}`, {
      data: { name: 'Foreign home', sip: { username: 'roamer', password: 'pw-roamer-2', realm: otherRealm } },
    });
    expect(home.status).toBe(200);
    expect((await h.call('PATCH', `${h.acct}/devices/${data(local).id}`, { data: { name: 'Local at last' } })).status).toBe(200);
  });

  it('frees the pair when the aggregated device is deleted (cb_devices:delete/2, remove_aggregate/2)', async () => {
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const other = data(await h.call('PUT', h.acct, { data: { name: 'Deleting Realm Tenant' } }));
    const foreign = data(
      await h.call('PUT', `/v2/accounts/${other.id}/devices`, {
        data: { name: 'Gone', sip: { username: 'visitor', password: 'pw-visitor-1', realm } },
      }),
    );
    const refused = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Host', sip: { username: 'visitor', password: 'pw-visitor-2' } },
    });
    expect(refused.status).toBe(400);
    expect((await h.call('DELETE', `/v2/accounts/${other.id}/devices/${foreign.id}`)).status).toBe(200);
    const accepted = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Host', sip: { username: 'visitor', password: 'pw-visitor-2' } },
    });
    expect(accepted.status).toBe(201);
  });
});

describe('device MACs and MDNs (cb_devices:unique_mac_address/2, check_mdn_taken/3)', () => {
  it('keeps a MAC address unique in its account only (cb_devices:unique_mac_address/2)', async () => {
    const mine = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Mac one', mac_address: 'AA:BB:CC:00:11:22' } });
    expect(mine.status).toBe(201);
    const clash = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Mac two', mac_address: 'aabbcc001122' } });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({ mac_address: { unique: { message: 'MAC address already in use', cause: 'aabbcc001122' } } });
    const sub = data(await h.call('PUT', h.acct, { data: { name: 'Mac Tenant' } }));
    const elsewhere = await h.call('PUT', `/v2/accounts/${sub.id}/devices`, {
      data: { name: 'Mac three', mac_address: 'aa-bb-cc-00-11-22' },
    });
    expect(elsewhere.status).toBe(201);
    expect(data(elsewhere).mac_address).toBe('aabbcc001122');
  });

  it('refuses a mobile device whose MDN another device holds, in any account (cb_devices:check_mdn_taken/3)', async () => {
    const cell = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Cell A', device_type: 'mobile', mobile: { mdn: '4155550181' } },
    });
    expect(cell.status).toBe(201);
    const sub = data(await h.call('PUT', h.acct, { data: { name: 'Mdn Tenant' } }));
    const taken = await h.call('PUT', `/v2/accounts/${sub.id}/devices`, {
      data: { name: 'Cell B', device_type: 'mobile', mobile: { mdn: '+14155550181' } },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.data).toEqual({
      'mobile.mdn': { unique: { message: 'Mobile Device Number already exists in the system', cause: '+14155550181' } },
    });
    // Saving the holder again is no clash; deleting it frees the number (cb_devices:maybe_remove_mdn/2).
    expect((await h.call('PATCH', `${h.acct}/devices/${data(cell).id}`, { data: { name: 'Cell A2' } })).status).toBe(200);
    expect((await h.call('DELETE', `${h.acct}/devices/${data(cell).id}`)).status).toBe(200);
    const freed = await h.call('PUT', `/v2/accounts/${sub.id}/devices`, {
      data: { name: 'Cell B', device_type: 'mobile', mobile: { mdn: '4155550181' } },
    });
    expect(freed.status).toBe(201);
  });
});

describe('voicemail boxes (cb_vmboxes:check_uniqueness/2)', () => {
  it('compares mailboxes as integers; one that is not an integer clashes with nothing (kz_term:safe_cast/3)', async () => {
    expect((await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 100', mailbox: '100' } })).status).toBe(201);
    const padded = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 0100', mailbox: '0100' } });
    expect(padded.status).toBe(400);
    expect(padded.body.data).toMatchObject({ mailbox: { unique: { message: 'Invalid mailbox number or already exists' } } });
    const letters = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 100a', mailbox: '100a' } });
    expect(letters.status).toBe(201);
  });
});

describe('conferences (cb_conferences:validate_numbers/2)', () => {
  it('keeps conference, member and moderator numbers unique among the conferences', async () => {
    const first = await h.call('PUT', `${h.acct}/conferences`, {
      data: { name: 'Daily', conference_numbers: ['7001'], member: { numbers: ['7002'] } },
    });
    expect(first.status).toBe(201);
    const clash = await h.call('PUT', `${h.acct}/conferences`, { data: { name: 'Weekly', moderator: { numbers: ['7002'] } } });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({ numbers: { unique: { message: 'Numbers already in use', cause: '7002' } } });
    expect(
      (await h.call('POST', `${h.acct}/conferences/${data(first).id}`, { data: { name: 'Daily', conference_numbers: ['7001'] } })).status,
    ).toBe(200);
  });
});

describe('conference numbers (cb_conferences:validate_numbers/2, invalid_numbers/2)', () => {
  it('names every number in use, joined with ", ", and checks them only once the schema passed', async () => {
    const first = await h.call('PUT', `${h.acct}/conferences`, {
      data: { name: 'Standup', conference_numbers: ['7101'], member: { numbers: ['7102'] } },
    });
    expect(first.status).toBe(201);
    const clash = await h.call('PUT', `${h.acct}/conferences`, {
      data: { name: 'Retro', conference_numbers: ['7102'], moderator: { numbers: ['7101', '7103'] } },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({ numbers: { unique: { message: 'Numbers already in use', cause: '7102, 7101' } } });
    // A schema error stops the request before the numbers are looked up.
    const invalid = await h.call('PUT', `${h.acct}/conferences`, { data: { name: 7, conference_numbers: ['7101'] } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.data).not.toHaveProperty('numbers');
    expect(invalid.body.data).toHaveProperty('name');
  });
});

describe('list entries (cb_lists:validate_req/3, validate_doc/3)', () => {
  it('takes list_id from the path on create only: a POST without list_id is refused, a PATCH keeps it', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Blocked' } }));
    const entry = await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { number: '+14155550190' } });
    expect(entry.status).toBe(201);
    expect(data(entry).list_id).toBe(list.id);
    const posted = await h.call('POST', `${h.acct}/lists/${list.id}/entries/${data(entry).id}`, { data: { number: '+14155550191' } });
    expect(posted.status).toBe(400);
    expect(posted.body.data).toMatchObject({ list_id: { required: { message: 'Field is required but missing' } } });
    const patched = await h.call('PATCH', `${h.acct}/lists/${list.id}/entries/${data(entry).id}`, { data: { number: '+14155550191' } });
    expect(patched.status).toBe(200);
    expect(data(patched)).toMatchObject({ list_id: list.id, number: '+14155550191' });
  });
  it('creates an entry under a list id that does not exist, listed under it (cb_lists:validate_req/3 does not load the list)', async () => {
    const ghost = 'a'.repeat(32);
    expect((await h.call('GET', `${h.acct}/lists/${ghost}`)).status).toBe(404);
    const entry = await h.call('PUT', `${h.acct}/lists/${ghost}/entries`, { data: { number: '+14155550192' } });
    expect(entry.status).toBe(201);
    expect(data(entry).list_id).toBe(ghost);
    const listed = await h.call('GET', `${h.acct}/lists/${ghost}/entries`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([{ id: data(entry).id, key: ghost, value: { number: '+14155550192' } }]);
  });

  it('moves an entry to the list_id a POST names (cb_lists:validate_doc/3, crossbar_doc:load_merge/4)', async () => {
    const from = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'From' } }));
    const to = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'To' } }));
    const entry = data(await h.call('PUT', `${h.acct}/lists/${from.id}/entries`, { data: { number: '+14155550193' } }));
    const posted = await h.call('POST', `${h.acct}/lists/${from.id}/entries/${entry.id}`, {
      data: { number: '+14155550193', list_id: to.id },
    });
    expect(posted.status).toBe(200);
    expect(data(posted).list_id).toBe(to.id);
    expect((await h.call('GET', `${h.acct}/lists/${from.id}/entries`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/lists/${to.id}/entries`)).body.data).toEqual([
      { id: entry.id, key: to.id, value: { number: '+14155550193' } },
    ]);
    // A PATCH naming a list moves it back.
    const patched = await h.call('PATCH', `${h.acct}/lists/${to.id}/entries/${entry.id}`, { data: { list_id: from.id } });
    expect(data(patched).list_id).toBe(from.id);
    expect((await h.call('GET', `${h.acct}/lists/${from.id}/entries`)).body.data).toHaveLength(1);
    expect((await h.call('GET', `${h.acct}/lists/${to.id}/entries`)).body.data).toEqual([]);
  });

  it('deletes a list together with its entries (cb_lists:delete/2)', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Doomed' } }));
    const entry = data(await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { number: '+14155550194' } }));
    const other = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Kept' } }));
    const kept = data(await h.call('PUT', `${h.acct}/lists/${other.id}/entries`, { data: { number: '+14155550195' } }));
    const removed = await h.call('DELETE', `${h.acct}/lists/${list.id}`);
    expect(removed.status).toBe(200);
    expect(data(removed)).toMatchObject({ id: list.id, name: 'Doomed' });
    expect((await h.call('GET', `${h.acct}/lists/${list.id}`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/lists/${list.id}/entries/${entry.id}`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/lists/${list.id}/entries`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/lists/${other.id}/entries/${kept.id}`)).status).toBe(200);
    // Deleting it again is not a 404: crossbar_doc:delete/1 runs on the failed load (see lists-unknown.test.ts).
    expect((await h.call('DELETE', `${h.acct}/lists/${list.id}`)).body.data).toEqual({ _read_only: { deleted: true } });
  });
});

describe('accounts (kzd_accounts:validate/3)', () => {
  it('refuses a name already in use, compared lower-cased on letters and digits: 400 name.unique', async () => {
    const first = await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}`, { data: { name: 'Acme Widgets' } });
    expect(first.status).toBe(201);
    const clash = await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}`, { data: { name: 'ACME-widgets!' } });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({ name: { unique: { message: 'Account name already in use', cause: 'ACME-widgets!' } } });
    // Renaming an account to its own name (in another spelling) is not a clash.
    const own = await h.call('POST', `/v2/accounts/${data(first).id}`, { data: { name: 'acme widgets' } });
    expect(own.status).toBe(200);
  });

  it('gives a created account a timezone (ensure_account_has_timezone/2), keeps a given one', async () => {
    const plain = await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}`, { data: { name: 'No Zone' } });
    expect(data(plain).timezone).toBe('America/Los_Angeles');
    const zoned = await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}`, { data: { name: 'Zoned', timezone: 'Europe/Paris' } });
    expect(data(zoned).timezone).toBe('Europe/Paris');
  });

  it('GET shows the private fields cb_accounts:leak_pvt_fields/2 leaks, the API key only when asked', async () => {
    const child = data(await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}`, { data: { name: 'Leaky' } }));
    const fetched = await h.call('GET', `/v2/accounts/${child.id}`);
    expect(data(fetched)).toMatchObject({
      wnm_allow_additions: false,
      superduper_admin: false,
      enabled: true,
      is_reseller: false,
      reseller_id: h.sandbox.accountId,
      billing_mode: 'limits_only',
      created: expect.any(Number),
    });
    expect(data(fetched)).not.toHaveProperty('api_key');
    const withKey = await h.call('GET', `/v2/accounts/${child.id}?include_api_key=true`);
    expect(String(data(withKey).api_key)).toMatch(/^[0-9a-f]{64}$/);
    // The leaked keys are dropped again on a write (cleanup_leaky_keys/2).
    const posted = await h.call('POST', `/v2/accounts/${child.id}`, { data: { ...data(fetched), superduper_admin: true } });
    expect(posted.status).toBe(200);
    expect(data(await h.call('GET', `/v2/accounts/${child.id}`)).superduper_admin).toBe(false);
  });

  it('saves a POST with update/2: keys the request leaves out are kept', async () => {
    const created = data(
      await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}`, { data: { name: 'Kept Keys', language: 'fr-fr', my_field: 1 } }),
    );
    const posted = await h.call('POST', `/v2/accounts/${created.id}`, { data: { name: 'Kept Keys Renamed' } });
    expect(posted.status).toBe(200);
    expect(data(posted)).toMatchObject({ name: 'Kept Keys Renamed', language: 'fr-fr', my_field: 1, realm: created.realm });
  });
});

describe('callflow numbers (cb_callflows:normalize_numbers/2)', () => {
  it('stores numbers in E.164 and checks uniqueness on that form', async () => {
    const created = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Main', numbers: ['4155559876', '14155559877', '1001', '+442071234567'], flow: { module: 'voicemail', data: {} } },
    });
    expect(created.status).toBe(201);
    expect(data(created).numbers).toEqual(['+14155559876', '+14155559877', '1001', '+442071234567']);
    const clash = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Other', numbers: ['+14155559876'], flow: { module: 'voicemail', data: {} } },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toMatchObject({
      numbers: { unique: { message: `Number +14155559876 exists in callflow ${data(created).id} Main`, cause: '+14155559876' } },
    });
    // The 11-digit form of a stored number is the same number.
    const again = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Again', numbers: ['14155559876'], flow: { module: 'voicemail', data: {} } },
    });
    expect(again.status).toBe(400);
  });
});

describe('callflow number ownership (cb_modules_util:validate_number_ownership/2)', () => {
  it('refuses to route a number another account holds (403), allows its own and its descendants', async () => {
    const other = h.sandbox.createAccount({ name: 'Number Owner' });
    const otherToken = await h.login(other.apiKey);
    const acquired = await h.call('PUT', `/v2/accounts/${other.accountId}/phone_numbers/+14155550901`, { token: otherToken, data: {} });
    expect(acquired.status).toBe(201);
    const taken = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Theirs', numbers: ['4155550901'], flow: { module: 'voicemail', data: {} } },
    });
    expect(taken.status).toBe(403);
    expect(taken.body).toMatchObject({ message: 'forbidden', data: { message: 'unauthorized to use +14155550901' } });

    const child = data(await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}`, { data: { name: 'Number Child' } }));
    expect((await h.call('PUT', `/v2/accounts/${child.id}/phone_numbers/+14155550902`, { data: {} })).status).toBe(201);
    const descendant = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Child number', numbers: ['+14155550902'], flow: { module: 'voicemail', data: {} } },
    });
    expect(descendant.status).toBe(201);
  });
});

describe('PATCH (crossbar_doc:patch_the_doc/2, kz_json:merge_left/3)', () => {
  it('replaces an object with an empty one: PATCH {"caller_id": {}} clears caller_id', async () => {
    const user = data(
      await h.call('PUT', `${h.acct}/users`, {
        data: { first_name: 'Cal', last_name: 'Ler', caller_id: { internal: { number: '1001' }, external: { number: '+14155550100' } } },
      }),
    );
    const patched = await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { caller_id: {} } });
    expect(patched.status).toBe(200);
    expect(data(patched).caller_id).toEqual({});
    expect(data(await h.call('GET', `${h.acct}/users/${user.id}`)).caller_id).toEqual({});
    // A non-empty object still merges.
    await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { caller_id: { internal: { number: '1002' } } } });
    const merged = await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { caller_id: { external: { number: '+14155550101' } } } });
    expect(data(merged).caller_id).toEqual({ internal: { number: '1002' }, external: { number: '+14155550101' } });
  });
});
