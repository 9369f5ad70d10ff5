import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();
const acl = { order: 'allow,deny', cidrs: ['203.0.113.10/32'], user_agent: '^Yealink' };

describe('access_lists (cb_access_lists)', () => {
  it('account: {} until set, the list after a POST (kept on the account document), {} after a DELETE', async () => {
    expect(data(await h.call('GET', `${h.acct}/access_lists`))).toEqual({});
    const set = await h.call('POST', `${h.acct}/access_lists`, { data: acl });
    expect(set.status).toBe(200);
    expect(data(set)).toEqual(acl);
    expect(data(await h.call('GET', `${h.acct}/access_lists`))).toEqual(acl);
    expect(data(await h.call('GET', h.acct)).access_lists).toEqual(acl);
    expect(data(await h.call('DELETE', `${h.acct}/access_lists`))).toEqual({});
    expect(data(await h.call('GET', `${h.acct}/access_lists`))).toEqual({});
  });

  it('device: on the device document; an unknown device is bad_identifier; the schema is enforced', async () => {
    const device = data(
      await h.call('PUT', `${h.acct}/devices`, { data: { name: 'ACL phone', sip: { username: 'aclphone', password: 'secret12' } } }),
    );
    const path = `${h.acct}/devices/${device.id}/access_lists`;
    expect(data(await h.call('POST', path, { data: acl }))).toEqual(acl);
    expect(data(await h.call('GET', `${h.acct}/devices/${device.id}`)).access_lists).toEqual(acl);
    expect(data(await h.call('GET', path))).toEqual(acl);
    const bad = await h.call('POST', path, { data: { order: 'allow', cidrs: ['10.0.0.0/8'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('order');
    const missing = await h.call('POST', path, { data: { order: 'deny,allow' } });
    expect(missing.body.data).toHaveProperty('cidrs.required');
    expect(data(await h.call('DELETE', path))).toEqual({});
    const unknown = await h.call('GET', `${h.acct}/devices/${'0'.repeat(32)}/access_lists`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ message: 'bad_identifier', data: { cause: 'Identifier was not found', details: '0'.repeat(32) } });
  });
});
