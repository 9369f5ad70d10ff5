import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Doc, type Harness, harness, request } from './helpers';

let h: Harness;
let apps: Doc[];
beforeAll(async () => {
  h = await harness();
  apps = (await h.call('GET', `${h.acct}/apps_store`)).body.data as Doc[];
});
afterAll(() => h.stop());

const idOf = (name: string) => (apps.find((a) => a.name === name) as Doc).id;

describe('apps store (cb_apps_store)', () => {
  it('lists a catalogue of Monster apps with the listing fields of normalize_apps_result/2', () => {
    expect(apps.map((a) => a.name)).toEqual(expect.arrayContaining(['voip', 'callflows', 'numbers', 'port']));
    expect(apps[0]).toMatchObject({ account_id: h.sandbox.accountId, phase: 'gold', masqueradable: true });
    expect(apps[0]?.i18n).toHaveProperty(['en-US', 'label']);
  });

  it('installs, updates and uninstalls an app, with KAZOO refusals for twice and for not installed', async () => {
    const voip = idOf('voip');
    const path = `${h.acct}/apps_store/${voip}`;
    expect((await h.call('POST', path, { data: { allowed_users: 'all' } })).body).toMatchObject({
      error: '400',
      message: 'Application is not installed',
    });
    const put = await h.call('PUT', path, { data: { allowed_users: 'specific', users: [{ id: 'u1' }] } });
    expect(put.body.data).toEqual({ allowed_users: 'specific', users: [{ id: 'u1' }], name: 'voip' });
    expect((await h.call('PUT', path, { data: { allowed_users: 'all' } })).body).toMatchObject({
      error: '400',
      message: 'Application already installed',
    });
    expect((await h.call('POST', path, { data: { allowed_users: 'admins' } })).body.data).toEqual({
      allowed_users: 'admins',
      name: 'voip',
    });
    const listed = ((await h.call('GET', `${h.acct}/apps_store`)).body.data as Doc[]).find((a) => a.id === voip);
    expect(listed).toMatchObject({ allowed_users: 'admins' });
    const one = (await h.call('GET', path)).body.data as Doc;
    expect(one).toMatchObject({ id: voip, name: 'voip', icon: 'voip.png' });
    expect((await h.call('DELETE', path)).body.data).toEqual({});
    expect((await h.call('DELETE', path)).status).toBe(400);
  });

  it('a blacklisted app is gone from the account: not listed, 404 to read, 403 to install', async () => {
    const child = (await h.call('PUT', h.acct, { data: { name: 'No webhooks' } })).body.data as Doc;
    const base = `/v2/accounts/${child.id}/apps_store`;
    const webhooks = idOf('webhooks');
    expect((await h.call('GET', `${base}/blacklist`)).body.data).toEqual({ blacklist: [] });
    expect((await h.call('POST', `${base}/blacklist`, { data: { blacklist: [webhooks] } })).body.data).toEqual({ blacklist: [webhooks] });
    expect(((await h.call('GET', base)).body.data as Doc[]).map((a) => a.id)).not.toContain(webhooks);
    expect((await h.call('GET', `${base}/${webhooks}`)).body).toMatchObject({
      error: '404',
      message: 'bad_identifier',
      data: { details: webhooks },
    });
    expect((await h.call('PUT', `${base}/${webhooks}`, { data: {} })).body).toMatchObject({ error: '403', data: { details: webhooks } });
  });

  it('serves icons and screenshots as PNG without a login', async () => {
    const voip = idOf('voip');
    const icon = await request(h.sandbox, 'GET', `${h.acct}/apps_store/${voip}/icon`, { token: null });
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await (await fetch(`${h.sandbox.url}${h.acct}/apps_store/${voip}/screenshot/1`)).arrayBuffer());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await request(h.sandbox, 'GET', `${h.acct}/apps_store/${voip}/screenshot/9`, { token: null })).status).toBe(404);
    expect((await request(h.sandbox, 'GET', `${h.acct}/apps_store/${'f'.repeat(32)}/icon`, { token: null })).status).toBe(404);
    expect((await request(h.sandbox, 'GET', `${h.acct}/apps_store`, { token: null })).status).toBe(401);
  });
});
