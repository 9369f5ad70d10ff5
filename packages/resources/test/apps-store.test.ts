import { BadRequestError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const APP = '1b2c3d4e5f60718293a4b5c6d7e8f901';
const summary = { id: APP, name: 'voip', tags: ['reseller'], api_url: 'https://api.example/v2/', phase: 'gold', masqueradable: true };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('apps_store on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/apps_store',
      call: (a) => a.apps_store.list(),
      request: { method: 'GET', path: acct('/apps_store') },
      reply: [200, [summary]],
      result: (page: unknown) => expect((page as { data: unknown[] }).data).toEqual([summary]),
    },
    {
      label: 'get → GET …/apps_store/{appId}',
      call: (a) => a.apps_store.get(APP),
      request: { method: 'GET', path: acct(`/apps_store/${APP}`) },
      reply: [200, { ...summary, icon: 'voip.png', screenshots: ['voip-1.png'] }],
    },
    {
      label: 'install → PUT …/apps_store/{appId} with the permissions',
      call: (a) => a.apps_store.install(APP, { allowed_users: 'specific', users: [{ id: 'u1' }] }),
      request: { method: 'PUT', path: acct(`/apps_store/${APP}`), body: { data: { allowed_users: 'specific', users: [{ id: 'u1' }] } } },
      reply: [200, { name: 'voip', allowed_users: 'specific', users: [{ id: 'u1' }] }],
      result: { name: 'voip', allowed_users: 'specific', users: [{ id: 'u1' }] },
    },
    {
      label: 'install without permissions enables it for all users',
      call: (a) => a.apps_store.install(APP),
      request: { method: 'PUT', path: acct(`/apps_store/${APP}`), body: { data: { allowed_users: 'all' } } },
      reply: [200, { name: 'voip', allowed_users: 'all' }],
    },
    {
      label: 'update → POST …/apps_store/{appId}',
      call: (a) => a.apps_store.update(APP, { allowed_users: 'admins' }),
      request: { method: 'POST', path: acct(`/apps_store/${APP}`), body: { data: { allowed_users: 'admins' } } },
      reply: [200, { name: 'voip', allowed_users: 'admins' }],
    },
    {
      label: 'uninstall → DELETE …/apps_store/{appId}',
      call: (a) => a.apps_store.uninstall(APP),
      request: { method: 'DELETE', path: acct(`/apps_store/${APP}`) },
      reply: [200, {}],
      result: {},
    },
    {
      label: 'an app installed twice rejects with 400',
      call: (a) => a.apps_store.install(APP),
      request: { method: 'PUT', path: acct(`/apps_store/${APP}`) },
      reply: { status: 400, raw: { status: 'error', error: '400', message: 'Application already installed', data: {} } },
      error: BadRequestError,
    },
    {
      label: 'blacklist → GET …/apps_store/blacklist',
      call: (a) => a.apps_store.blacklist(),
      request: { method: 'GET', path: acct('/apps_store/blacklist') },
      reply: [200, { blacklist: [APP] }],
      result: { blacklist: [APP] },
    },
    {
      label: 'setBlacklist → POST …/apps_store/blacklist',
      call: (a) => a.apps_store.setBlacklist({ blacklist: [APP] }),
      request: { method: 'POST', path: acct('/apps_store/blacklist'), body: { data: { blacklist: [APP] } } },
      reply: [200, { blacklist: [APP] }],
    },
    {
      label: 'icon → GET …/apps_store/{appId}/icon',
      call: async (a) => (await a.apps_store.icon(APP)).bytes(),
      request: { method: 'GET', path: acct(`/apps_store/${APP}/icon`), headers: { accept: 'image/*' } },
      reply: { status: 200, raw: Buffer.from(PNG), headers: { 'content-type': 'image/png' } },
      result: PNG,
    },
    {
      label: 'screenshot → GET …/apps_store/{appId}/screenshot/{index}',
      call: async (a) => (await a.apps_store.screenshot(APP, 0)).bytes(),
      request: { method: 'GET', path: acct(`/apps_store/${APP}/screenshot/0`) },
      reply: { status: 200, raw: Buffer.from(PNG), headers: { 'content-type': 'image/png' } },
      result: PNG,
    },
  ]);
});

describe('apps_store validation', () => {
  const { client } = scriptedClient();

  it('refuses unknown permissions, a bad blacklist and a negative screenshot index before any request', async () => {
    const store = client.audian().apps_store;
    expect((await rejectionOf(store.install(APP, { allowed_users: 'everyone' } as never))).issues?.[0]).toMatchObject({
      path: 'allowed_users',
    });
    expect((await rejectionOf(store.setBlacklist({ blacklist: APP } as never))).issues?.[0]).toMatchObject({ path: 'blacklist' });
    expect(await rejectionOf(store.screenshot(APP, -1))).toMatchObject({ argument: 'index' });
    expect(client.server().requests).toHaveLength(0);
  });
});
