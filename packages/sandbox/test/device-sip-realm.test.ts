import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();

type Fields = Record<string, Record<string, unknown>>;

const inUse = (username: string) => ({ unique: { message: 'SIP credentials already in use', cause: username } });

async function tenant(name: string): Promise<string> {
  return data(await h.call('PUT', h.acct, { data: { name } })).id;
}

async function device(accountId: string, name: string, sip: Record<string, unknown>): Promise<void> {
  const r = await h.call('PUT', `/v2/accounts/${accountId}/devices`, { data: { name, sip } });
  expect(r.status, r.text).toBe(201);
}

const realmTypeError = (value: unknown) => ({
  type: { message: 'Value did not match type(s): string', target: 'string', value },
});

// cb_devices:validate_device/2 runs validate_device_creds/2 before check_device_schema/2, and
// cb_devices:is_creds_global_unique/3 looks the realm up as kz_term:to_lower_binary(Realm): a list
// goes through iolist_to_binary/1, so ["a.com", "b.com"] is the one realm "a.comb.com".
describe('a sip.realm that is not a string (cb_devices:is_creds_global_unique/3, devices.json sip.realm)', () => {
  it('is refused by the schema, which wants a string: 400 with the type error on sip.realm', async () => {
    const realm = ['solo.example.com', 'duo.example.com'];
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Listed', sip: { username: 'listed1', password: 'pw-listed-1', realm } },
    });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({ 'sip.realm': realmTypeError(realm) });
    // jesse checks minLength and pattern on strings only, whatever sip.method is.
    const ip = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Listed trunk', sip: { method: 'ip', ip: '198.51.100.41', username: 'listed2', realm: ['x.io'] } },
    });
    expect(ip.status).toBe(400);
    expect(ip.body.data).toEqual({ 'sip.realm': realmTypeError(['x.io']) });
  });

  it('is not compared element by element: a device holding one element realm is no clash', async () => {
    const other = await tenant('Element Tenant');
    await device(other, 'Element desk', { username: 'elem1', password: 'pw-elem-1', realm: 'elem.example.com' });
    const realm = ['elem.example.com', 'more.example.com'];
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Element', sip: { username: 'elem1', password: 'pw-elem-2', realm } },
    });
    expect(r.status).toBe(400);
    expect(r.body.data).toEqual({ 'sip.realm': realmTypeError(realm) });
  });

  it('is looked up joined and lower-cased: a password device holding the joined realm is reported next to the type error', async () => {
    const other = await tenant('Joined Tenant');
    await device(other, 'Joined desk', { username: 'join1', password: 'pw-join-1', realm: 'left.example.comright.example.com' });
    const realm = ['Left.example.com', 'RIGHT.example.com'];
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Joined', sip: { username: 'Join1', password: 'pw-join-2', realm } },
    });
    expect(r.status).toBe(400);
    expect(r.body.data).toEqual({ 'sip.username': inUse('Join1'), 'sip.realm': realmTypeError(realm) });
  });

  it('is looked up joined among ip devices too (cb_devices:check_device_ip_unique/3 puts them in sip_auth)', async () => {
    const other = await tenant('Joined IP Tenant');
    await device(other, 'Joined trunk', { method: 'ip', ip: '198.51.100.40', username: 'ipjoin', realm: 'ip.example.comtail.example.com' });
    const realm = ['ip.example.com', 'tail.example.com'];
    const mine = data(
      await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Joined IP', sip: { username: 'ipjoin2', password: 'pw-ipjoin-1' } } }),
    );
    const r = await h.call('POST', `${h.acct}/devices/${mine.id}`, {
      data: { name: 'Joined IP', sip: { username: 'ipjoin', password: 'pw-ipjoin-1', realm } },
    });
    expect(r.status).toBe(400);
    expect(r.body.data).toEqual({ 'sip.username': inUse('ipjoin'), 'sip.realm': realmTypeError(realm) });
    // PATCH reads the merged document (crossbar_doc:patch_and_validate/3): same answer.
    const patched = await h.call('PATCH', `${h.acct}/devices/${mine.id}`, { data: { sip: { username: 'ipjoin', realm } } });
    expect(patched.status).toBe(400);
    expect(patched.body.data).toEqual({ 'sip.username': inUse('ipjoin'), 'sip.realm': realmTypeError(realm) });
  });

  it('a number is written out (kz_term:to_binary/1): realm 12345 finds the device holding "12345"', async () => {
    const other = await tenant('Number Realm Tenant');
    await device(other, 'Number desk', { username: 'numrealm', password: 'pw-num-1', realm: '12345' });
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Number', sip: { username: 'numrealm', password: 'pw-num-2', realm: 12345 } },
    });
    expect(r.status).toBe(400);
    expect(r.body.data).toEqual({ 'sip.username': inUse('numrealm'), 'sip.realm': realmTypeError(12345) });
  });

  it('a list iolist_to_binary/1 refuses crashes the look-up: 500 generic_error, unless is_creds_locally_unique/3 already failed', async () => {
    const crash = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Crash', sip: { username: 'crash1', password: 'pw-crash-1', realm: ['a.example.com', true] } },
    });
    expect(crash.status).toBe(500);
    expect(crash.body.message).toBe('generic_error');
    const list = (await h.call('GET', `${h.acct}/devices`)).body.data as { name: string }[];
    expect(list.some((d) => d.name === 'Crash')).toBe(false);

    // check_sip_creds_unique/4 stops at the local check (andalso): no crash, a 400.
    await device(h.sandbox.accountId, 'Local', { username: 'local1', password: 'pw-local-1' });
    const realm = [{ host: 'a.example.com' }];
    const local = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Local 2', sip: { username: 'local1', password: 'pw-local-2', realm } },
    });
    expect(local.status).toBe(400);
    expect(local.body.data as Fields).toEqual({ 'sip.username': inUse('local1'), 'sip.realm': realmTypeError(realm) });
  });
});
