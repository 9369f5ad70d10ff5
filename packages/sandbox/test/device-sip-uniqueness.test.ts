import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();

const inUse = (username: string) => ({ 'sip.username': { unique: { message: 'SIP credentials already in use', cause: username } } });

// cb_devices:check_device_ip_unique/3 aggregates every `ip` device to `sip_auth`; the
// `credentials/lookup` view emits [realm, username] for those that keep a realm other than their
// account's, and cb_devices:is_creds_global_unique/3 reads that key for every password device.
describe('ip devices in sip_auth (cb_devices:is_creds_global_unique/3, credentials/lookup)', () => {
  it('an ip device naming a foreign realm blocks that realm username for the realm owner password devices', async () => {
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const other = data(await h.call('PUT', h.acct, { data: { name: 'IP Visitor Tenant' } }));
    const ip = await h.call('PUT', `/v2/accounts/${other.id}/devices`, {
      data: { name: 'Trunk', sip: { method: 'ip', ip: '198.51.100.10', username: 'Trunk1', realm } },
    });
    expect(ip.status, ip.text).toBe(201);
    const refused = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Desk', sip: { username: 'trunk1', password: 'pw-trunk-1' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.data).toEqual(inUse('trunk1'));
    // A password device of a third account naming the same realm is refused too.
    const third = data(await h.call('PUT', h.acct, { data: { name: 'IP Third Tenant' } }));
    const foreign = await h.call('PUT', `/v2/accounts/${third.id}/devices`, {
      data: { name: 'Roamer', sip: { username: 'TRUNK1', password: 'pw-trunk-2', realm } },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.data).toEqual(inUse('TRUNK1'));

    // Leaving the realm frees the key (the aggregate is rewritten without it).
    const moved = await h.call('PATCH', `/v2/accounts/${other.id}/devices/${data(ip).id}`, { data: { sip: { realm: null } } });
    expect(moved.status, moved.text).toBe(200);
    const accepted = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Desk', sip: { username: 'trunk1', password: 'pw-trunk-1' } },
    });
    expect(accepted.status, accepted.text).toBe(201);
  });

  it('does not count ip devices in their own account realm, nor those without a username (the view emits nothing)', async () => {
    const other = data(await h.call('PUT', h.acct, { data: { name: 'IP Home Tenant' } }));
    const otherRealm = String(other.realm);
    const home = await h.call('PUT', `/v2/accounts/${other.id}/devices`, {
      data: { name: 'Home trunk', sip: { method: 'ip', ip: '198.51.100.11', username: 'hometrunk', realm: otherRealm } },
    });
    expect(home.status, home.text).toBe(201);
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const anonymous = await h.call('PUT', `/v2/accounts/${other.id}/devices`, {
      data: { name: 'Nameless trunk', sip: { method: 'ip', ip: '198.51.100.12', realm } },
    });
    expect(anonymous.status, anonymous.text).toBe(201);
    const mine = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Mine', sip: { username: 'hometrunk', password: 'pw-home-1' } },
    });
    expect(mine.status, mine.text).toBe(201);
  });

  it('ip devices are not checked themselves: two may share a realm and username (check_device_password/3 runs for password only)', async () => {
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const other = data(await h.call('PUT', h.acct, { data: { name: 'IP Pair Tenant' } }));
    for (const [name, ip] of [
      ['Pair A', '198.51.100.21'],
      ['Pair B', '198.51.100.22'],
    ]) {
      const r = await h.call('PUT', `/v2/accounts/${other.id}/devices`, {
        data: { name, sip: { method: 'ip', ip, username: 'pair', realm } },
      });
      expect(r.status, r.text).toBe(201);
    }
    const refused = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Pair desk', sip: { username: 'pair', password: 'pw-pair-1' } },
    });
    expect(refused.status).toBe(400);
  });

  it('an ip device turned password keeps no clash with its own aggregate (one row, its own id)', async () => {
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const other = data(await h.call('PUT', h.acct, { data: { name: 'IP Switch Tenant' } }));
    const ip = data(
      await h.call('PUT', `/v2/accounts/${other.id}/devices`, {
        data: { name: 'Switcher', sip: { method: 'ip', ip: '198.51.100.31', username: 'switcher', realm } },
      }),
    );
    const switched = await h.call('POST', `/v2/accounts/${other.id}/devices/${ip.id}`, {
      data: { name: 'Switcher', sip: { method: 'password', username: 'switcher', password: 'pw-switch-1', realm } },
    });
    expect(switched.status, switched.text).toBe(200);
  });

  it('a bulk update runs the same check: cb_bulk:get_validate_binding/1 validates each device as its module does', async () => {
    const realm = String(data(await h.call('GET', h.acct)).realm);
    const other = data(await h.call('PUT', h.acct, { data: { name: 'IP Bulk Tenant' } }));
    const ip = await h.call('PUT', `/v2/accounts/${other.id}/devices`, {
      data: { name: 'Bulk trunk', sip: { method: 'ip', ip: '198.51.100.20', username: 'bulktrunk', realm } },
    });
    expect(ip.status, ip.text).toBe(201);
    const desk = data(
      await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Bulk desk', sip: { username: 'bulkdesk', password: 'pw-bulk-1' } } }),
    );
    const bulk = await h.call('POST', `${h.acct}/bulk`, {
      data: { ids: [desk.id], updates: { sip: { username: 'bulktrunk', password: 'pw-bulk-1' } } },
    });
    expect(bulk.status).toBe(200);
    const outcome = (bulk.body.data as Record<string, { status: string; error: string; data: unknown }>)[desk.id];
    expect(outcome).toMatchObject({ status: 'error', error: '400', data: inUse('bulktrunk') });
    expect((data(await h.call('GET', `${h.acct}/devices/${desk.id}`)).sip as { username: string }).username).toBe('bulkdesk');
  });
});
