import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type Harness, harness, request } from './helpers';

let h: Harness;
let childToken: string;

beforeAll(async () => {
  h = await harness();
  const created = await h.call('PUT', h.acct, { data: { name: 'MFA Customer' } });
  const child = String((created.body.data as { id: string }).id);
  const key = await h.call('GET', `/v2/accounts/${child}/api_key`);
  childToken = await apiLogin(h.sandbox, String((key.body.data as { api_key: string }).api_key));
});
afterAll(() => h.stop());

const duo = {
  name: 'Duo',
  enabled: true,
  provider_name: 'duo',
  settings: { integration_key: 'ikey', secret_key: 'skey', api_hostname: 'api.example.com' },
};

describe('multi_factor (cb_multi_factor)', () => {
  it('configures a provider for the account and lists it beside the system’s', async () => {
    const created = await h.call('PUT', `${h.acct}/multi_factor`, { data: duo });
    expect(created.status).toBe(201);
    const id = String((created.body.data as { id: string }).id);
    const summary = await h.call('GET', `${h.acct}/multi_factor`);
    expect(summary.body.data).toEqual({
      configured: [{ id, name: 'Duo', enabled: true, provider_name: 'duo', provider_type: 'multi_factor' }],
      multi_factor_providers: [],
    });
    expect((await h.call('PATCH', `${h.acct}/multi_factor/${id}`, { data: { enabled: false } })).body.data).toMatchObject({
      enabled: false,
      settings: duo.settings,
    });
    expect((await h.call('POST', `${h.acct}/multi_factor/${id}`, { data: { ...duo, name: 'Duo 2' } })).body.data).toMatchObject({
      name: 'Duo 2',
    });
    expect((await h.call('DELETE', `${h.acct}/multi_factor/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/multi_factor/${id}`)).status).toBe(404);
  });

  it('a configuration needs name, enabled and provider_name (multi_factor_provider schema)', async () => {
    const r = await h.call('PUT', `${h.acct}/multi_factor`, { data: { name: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.data).toMatchObject({ enabled: { required: {} }, provider_name: { required: {} } });
  });

  it('lists no attempts (no login asked for a second factor); an attempt id that is not a MODB id is 404', async () => {
    const r = await h.call('GET', `${h.acct}/multi_factor/attempts`);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/multi_factor/attempts/nope`)).status).toBe(404);
  });

  it('system configurations: the super-duper admin writes them, anyone lists them, nobody deletes them', async () => {
    const created = await h.call('PUT', '/v2/multi_factor', { data: { ...duo, name: 'System Duo' } });
    expect(created.status).toBe(201);
    const id = String((created.body.data as { id: string }).id);
    const listed = await request(h.sandbox, 'GET', '/v2/multi_factor', {}, childToken);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([expect.objectContaining({ id, name: 'System Duo' })]);
    expect((await request(h.sandbox, 'GET', `/v2/multi_factor/${id}`, {}, childToken)).status).toBe(403);
    expect((await request(h.sandbox, 'PUT', '/v2/multi_factor', { data: duo }, childToken)).status).toBe(403);
    expect((await h.call('PATCH', `/v2/multi_factor/${id}`, { data: { enabled: false } })).body.data).toMatchObject({ enabled: false });
    expect((await h.call('DELETE', `/v2/multi_factor/${id}`)).status).toBe(403);
    const summary = await h.call('GET', `${h.acct}/multi_factor`);
    expect((summary.body.data as { multi_factor_providers: unknown[] }).multi_factor_providers).toHaveLength(1);
  });
});
