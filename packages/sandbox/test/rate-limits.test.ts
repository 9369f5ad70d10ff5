import { describe, expect, it } from 'vitest';
import { childLogin } from './call-routing-helpers';
import { data, request, useHarness } from './helpers';

const h = useHarness();
const perDevice = { per_minute: { total_packets: 600, registrations: 30 }, per_second: { total_packets: 20 } };
const limits = { account: { per_minute: { total_packets: 6000 }, per_second: { total_packets: 200 } }, device: perDevice };

describe('rate_limits (cb_rate_limits)', () => {
  it('account: {} until set; POST validates and stores; a second POST merges; DELETE answers what was removed', async () => {
    expect(data(await h.call('GET', `${h.acct}/rate_limits`))).toEqual({});
    const bad = await h.call('POST', `${h.acct}/rate_limits`, { data: { account: limits.account } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('device.required');
    const set = await h.call('POST', `${h.acct}/rate_limits`, { data: limits });
    expect(set.status).toBe(200);
    expect(data(set)).toMatchObject(limits);
    const merged = await h.call('POST', `${h.acct}/rate_limits`, { data: { ...limits, note: 'kept' } });
    expect(data(merged)).toMatchObject({ ...limits, note: 'kept', id: data(set).id });
    const removed = await h.call('DELETE', `${h.acct}/rate_limits`);
    expect(data(removed)).toMatchObject({ ...limits, _read_only: { deleted: true } });
    expect(data(await h.call('GET', `${h.acct}/rate_limits`))).toEqual({});
  });

  it('device: per_minute and per_second with total_packets; an unknown device is refused', async () => {
    const device = data(
      await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Limited', sip: { username: 'limited1', password: 'secret12' } } }),
    );
    const path = `${h.acct}/devices/${device.id}/rate_limits`;
    const bad = await h.call('POST', path, { data: { per_minute: {}, per_second: { total_packets: 1 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty(['per_minute.total_packets']);
    expect(data(await h.call('POST', path, { data: perDevice }))).toMatchObject(perDevice);
    expect(data(await h.call('GET', path))).toMatchObject(perDevice);
    expect(data(await h.call('GET', `${h.acct}/rate_limits`))).toEqual({});
    expect((await h.call('POST', `${h.acct}/devices/${'0'.repeat(32)}/rate_limits`, { data: perDevice })).status).toBe(404);
  });

  it('only a reseller’s login may read or set them (authorize/1): 403 for a plain sub-account', async () => {
    const child = await childLogin(h, 'No Reseller');
    const r = await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/rate_limits`, {}, child.token);
    expect(r.status).toBe(403);
    expect((await h.call('GET', `/v2/accounts/${child.accountId}/rate_limits`)).status).toBe(200);
  });
});
