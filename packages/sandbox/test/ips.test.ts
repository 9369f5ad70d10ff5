import { describe, expect, it } from 'vitest';
import { childLogin } from './call-routing-helpers';
import { request, useHarness } from './helpers';

type Doc = Record<string, unknown>;
const data = (r: { body: { data?: unknown } }) => r.body.data as Doc;
const h = useHarness();

describe('ips (cb_ips): the fixed pool of dedicated IPs', () => {
  it('lists zones and hosts, and at most one available IP, of a zone when asked (kz_ips:available/1)', async () => {
    expect((await h.call('GET', `${h.acct}/ips/zones`)).body.data).toEqual(['us-east', 'us-west']);
    expect((await h.call('GET', `${h.acct}/ips/hosts`)).body.data).toHaveLength(4);
    expect((await h.call('GET', `${h.acct}/ips`)).body.data).toEqual([{ ip: '198.51.100.10', zone: 'us-east' }]);
    expect((await h.call('GET', `${h.acct}/ips?zone=us-west`)).body.data).toEqual([{ ip: '203.0.113.20', zone: 'us-west' }]);
    expect((await h.call('GET', `${h.acct}/ips?zone=mars`)).body.data).toEqual([]);
  });

  it('assigns one, shows it assigned, refuses it twice (superfluous) and to another account (forbidden), releases it', async () => {
    const add = await h.call('POST', `${h.acct}/ips/198.51.100.10`, { data: {} });
    expect(add.status).toBe(200);
    expect(data(add)).toEqual({
      success: {
        '198.51.100.10': {
          id: '198.51.100.10',
          ip: '198.51.100.10',
          zone: 'us-east',
          host: 'proxy1.us-east.example.net',
          status: 'assigned',
          type: 'dedicated_ip',
          assigned_to: h.sandbox.accountId,
        },
      },
      error: {},
    });
    expect((await h.call('GET', `${h.acct}/ips/assigned`)).body.data).toEqual([{ ip: '198.51.100.10', zone: 'us-east' }]);
    expect(data(await h.call('GET', `${h.acct}/ips/198.51.100.10`))).toMatchObject({
      status: 'assigned',
      assigned_to: h.sandbox.accountId,
    });
    expect((await h.call('GET', `${h.acct}/ips`)).body.data).toEqual([{ ip: '198.51.100.11', zone: 'us-east' }]);

    const again = await h.call('POST', `${h.acct}/ips/198.51.100.10`, { data: {} });
    expect(again.status).toBe(400);
    expect(again.body.data).toEqual({ 'ips.0': { superfluous: { message: 'ip already assigned', value: '198.51.100.10' } } });

    const child = await childLogin(h, 'IP Tenant');
    const other = await request(
      h.sandbox,
      'POST',
      `/v2/accounts/${child.accountId}/ips`,
      { data: { ips: ['198.51.100.10'] } },
      child.token,
    );
    expect(other.status).toBe(400);
    expect(other.body.data).toEqual({ 'ips.0': { forbidden: { message: 'ip assigned to another account', value: '198.51.100.10' } } });
    const notHeld = await request(h.sandbox, 'DELETE', `/v2/accounts/${child.accountId}/ips/198.51.100.10`, {}, child.token);
    expect(notHeld.body.data).toHaveProperty(['ips.0', 'forbidden']);

    const released = await h.call('DELETE', `${h.acct}/ips/198.51.100.10`);
    expect(data(released).success).toMatchObject({ '198.51.100.10': { status: 'available' } });
    expect((data(released).success as Record<string, Doc>)['198.51.100.10']).not.toHaveProperty('assigned_to');
    expect((await h.call('GET', `${h.acct}/ips/assigned`)).body.data).toEqual([]);
    const twice = await h.call('DELETE', `${h.acct}/ips/198.51.100.10`);
    expect(twice.body.data).toEqual({ 'ips.0': { superfluous: { message: 'ip not assigned', value: '198.51.100.10' } } });
  });

  it('assigns and releases several at once, all or none; unknown and malformed addresses are field errors', async () => {
    const mixed = await h.call('POST', `${h.acct}/ips`, { data: { ips: ['203.0.113.20', '192.0.2.99'] } });
    expect(mixed.status).toBe(400);
    expect(mixed.body.data).toEqual({ 'ips.1': { not_found: { message: 'ip not found', value: '192.0.2.99' } } });
    expect((await h.call('GET', `${h.acct}/ips/assigned`)).body.data).toEqual([]);
    const malformed = await h.call('POST', `${h.acct}/ips`, { data: { ips: ['nope'] } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.data).toHaveProperty(['ips.0']);
    const both = await h.call('POST', `${h.acct}/ips`, { data: { ips: ['203.0.113.20', '203.0.113.21'] } });
    expect(Object.keys(data(both).success as Doc)).toEqual(['203.0.113.20', '203.0.113.21']);
    const freed = await h.call('DELETE', `${h.acct}/ips`, { data: { ips: ['203.0.113.20', '203.0.113.21'] } });
    expect(Object.keys(data(freed).success as Doc)).toHaveLength(2);
    expect((await h.call('GET', `${h.acct}/ips/192.0.2.99`)).status).toBe(404);
  });

  it('PUT /v2/ips: the super-duper admin adds an IP to the pool (cb_ips:put/1, kz_ip:create/3); 403 for a sub-account admin and on the account path', async () => {
    const ip = { ip: '192.0.2.1', zone: 'eu-west', host: 'proxy9.example.net' };
    const child = await childLogin(h, 'IP Adder');
    expect((await request(h.sandbox, 'PUT', '/v2/ips', { data: ip }, child.token)).status).toBe(403);
    // `maybe_create_ip/2`: IPs are added on /v2/ips only, whoever asks.
    expect((await h.call('PUT', `${h.acct}/ips`, { data: ip })).status).toBe(403);

    const created = await h.call('PUT', '/v2/ips', { data: ip });
    expect(created.status).toBe(201);
    const readOnly = (data(created)._read_only ?? {}) as Doc;
    expect(Object.keys(data(created))).toEqual(['_read_only']);
    expect(readOnly).toMatchObject({
      id: '192.0.2.1',
      vsn: '1',
      status: 'available',
      type: 'dedicated_ip',
      zone: 'eu-west',
      host: 'proxy9.example.net',
    });
    expect(readOnly.created).toEqual(expect.any(Number));
    expect(readOnly.rev).toBe(created.body.revision);

    expect((await h.call('GET', `${h.acct}/ips?zone=eu-west`)).body.data).toEqual([{ ip: '192.0.2.1', zone: 'eu-west' }]);
    expect((await h.call('GET', `${h.acct}/ips/zones`)).body.data).toEqual(['eu-west', 'us-east', 'us-west']);
    const assigned = await request(h.sandbox, 'POST', `/v2/accounts/${child.accountId}/ips/192.0.2.1`, { data: {} }, child.token);
    expect(data(assigned).success).toMatchObject({ '192.0.2.1': { status: 'assigned', assigned_to: child.accountId } });

    // The same address again is a CouchDB conflict (crossbar_doc:handle_datamgr_errors/3).
    const twice = await h.call('PUT', '/v2/ips', { data: ip });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('datastore_conflict');
  });

  it('PUT /v2/ips checks the ip schema: an IPv4/IPv6 address, a zone and a host (cb_context:validate_request_data/2)', async () => {
    const missing = await h.call('PUT', '/v2/ips', { data: { ip: '192.0.2.2' } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.data as Doc).sort()).toEqual(['host', 'zone']);
    const malformed = await h.call('PUT', '/v2/ips', { data: { ip: 'not-an-ip', zone: 'z', host: 'h' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.data).toHaveProperty('ip');
    expect((await h.call('PUT', '/v2/ips', { data: { ip: '2001:db8::7', zone: 'v6', host: 'h6' } })).status).toBe(201);
  });
  it('the system paths /v2/ips[/zones|hosts|assigned|{ip}] answer the super-duper admin as the account paths do, 403 for a sub-account admin (cb_ips:authorize_nouns/2, load_available/1, load_ip/2)', async () => {
    const child = await childLogin(h, 'System IP Reader');
    for (const path of ['/v2/ips', '/v2/ips/zones', '/v2/ips/hosts', '/v2/ips/assigned', '/v2/ips/198.51.100.11']) {
      expect((await request(h.sandbox, 'GET', path, {}, child.token)).status, path).toBe(403);
    }
    expect((await request(h.sandbox, 'DELETE', '/v2/ips/198.51.100.11', {}, child.token)).status).toBe(403);
    for (const path of ['', '?zone=us-west', '/zones', '/hosts']) {
      expect((await h.call('GET', `/v2/ips${path}`)).body.data, path).toEqual((await h.call('GET', `${h.acct}/ips${path}`)).body.data);
    }
    expect(data(await h.call('GET', '/v2/ips/203.0.113.21'))).toMatchObject({ id: '203.0.113.21', zone: 'us-west', status: 'available' });
    expect((await h.call('GET', '/v2/ips/192.0.2.250')).status).toBe(404);
    // `kz_ips:assigned/1` of no account (`cb_context:account_id/1` is undefined on /v2/ips).
    expect((await h.call('GET', '/v2/ips/assigned')).body.data).toEqual([]);
  });

  it('DELETE /v2/ips/{ip} names no account, so the release check fails every address and the IP stays (cb_ips:validate_release_ip/2, additional_release_validations/4)', async () => {
    const ip = { ip: '192.0.2.60', zone: 'eu-north', host: 'proxy60.example.net' };
    expect((await h.call('PUT', '/v2/ips', { data: ip })).status).toBe(201);
    const free = await h.call('DELETE', '/v2/ips/192.0.2.60');
    expect(free.status).toBe(400);
    expect(free.body.data).toEqual({ 'ips.0': { superfluous: { message: 'ip not assigned', value: '192.0.2.60' } } });
    const child = await childLogin(h, 'IP Holder');
    await request(h.sandbox, 'POST', `/v2/accounts/${child.accountId}/ips/192.0.2.60`, { data: {} }, child.token);
    const held = await h.call('DELETE', '/v2/ips/192.0.2.60');
    expect(held.status).toBe(400);
    expect(held.body.data).toEqual({ 'ips.0': { forbidden: { message: 'ip assigned to another account', value: '192.0.2.60' } } });
    const bulk = await h.call('DELETE', '/v2/ips', { data: { ips: ['192.0.2.60', '192.0.2.251'] } });
    expect(bulk.status).toBe(400);
    expect(Object.keys(bulk.body.data as Doc).sort()).toEqual(['ips.0', 'ips.1']);
    expect(data(await h.call('GET', '/v2/ips/192.0.2.60'))).toMatchObject({ status: 'assigned', assigned_to: child.accountId });
    // Released on the account path, it is available again, and still in the pool.
    expect((await request(h.sandbox, 'DELETE', `/v2/accounts/${child.accountId}/ips/192.0.2.60`, {}, child.token)).status).toBe(200);
    expect(data(await h.call('GET', '/v2/ips/192.0.2.60'))).toMatchObject({ status: 'available' });
  });

  it('POST /v2/ips[/{ip}] assigns to no account: 200 with nothing in success, and the last IP requested is left assigned to nobody (cb_ips:assign_ips/2, kz_ip:assign/2 crashing in maybe_save_in_account/2); 403 for a sub-account admin', async () => {
    const child = await childLogin(h, 'IP Poster');
    for (const ip of ['192.0.2.70', '192.0.2.71', '192.0.2.72']) {
      expect((await h.call('PUT', '/v2/ips', { data: { ip, zone: 'eu-south', host: `proxy-${ip}.example.net` } })).status).toBe(201);
    }
    expect((await request(h.sandbox, 'POST', '/v2/ips', { data: { ips: ['192.0.2.70'] } }, child.token)).status).toBe(403);
    expect((await request(h.sandbox, 'POST', '/v2/ips/192.0.2.70', { data: {} }, child.token)).status).toBe(403);

    // The validation still refuses unknown IPs and another account's (additional_assignment_validations/4).
    await request(h.sandbox, 'POST', `/v2/accounts/${child.accountId}/ips/192.0.2.72`, { data: {} }, child.token);
    const refused = await h.call('POST', '/v2/ips', { data: { ips: ['192.0.2.72', '192.0.2.252'] } });
    expect(refused.status).toBe(400);
    expect(refused.body.data).toEqual({
      'ips.0': { forbidden: { message: 'ip assigned to another account', value: '192.0.2.72' } },
      'ips.1': { not_found: { message: 'ip not found', value: '192.0.2.252' } },
    });

    const posted = await h.call('POST', '/v2/ips', { data: { ips: ['192.0.2.70', '192.0.2.71'] } });
    expect(posted.status).toBe(200);
    expect(data(posted)).toEqual({ success: {}, error: {} });
    const orphan = data(await h.call('GET', '/v2/ips/192.0.2.71'));
    expect(orphan).toMatchObject({ status: 'assigned' });
    expect(orphan).not.toHaveProperty('assigned_to');
    expect(data(await h.call('GET', '/v2/ips/192.0.2.70'))).toMatchObject({ status: 'available' });
    expect((await h.call('GET', '/v2/ips?zone=eu-south')).body.data).toEqual([{ ip: '192.0.2.70', zone: 'eu-south' }]);

    // An account may not take it: the validation passes (no owner), kz_ip:assign/2 answers already_assigned.
    const taken = await request(h.sandbox, 'POST', `/v2/accounts/${child.accountId}/ips/192.0.2.71`, { data: {} }, child.token);
    expect(taken.status).toBe(200);
    expect(data(taken)).toEqual({ success: {}, error: { '192.0.2.71': { message: 'already_assigned' } } });
    const single = await h.call('POST', '/v2/ips/192.0.2.70', { data: {} });
    expect(data(single)).toEqual({ success: {}, error: {} });
    expect(data(await h.call('GET', '/v2/ips/192.0.2.70'))).toMatchObject({ status: 'assigned' });
  });
});
