import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childLogin } from './call-routing-helpers';
import { type Doc, data, type Harness, harness, request } from './helpers';

let h: Harness;
let carrier: string;
beforeAll(async () => {
  h = await harness({ demoData: true });
  const carriers = (await h.call('GET', `${h.acct}/resources`)).body.data as Doc[];
  carrier = (carriers.find((c) => c.name === 'Demo carrier') as Doc).id;
});
afterAll(() => h.stop());

describe('resource_selectors (cb_resource_selectors)', () => {
  it('lists the demo selectors, grouped by name and by carrier (`_count` views with group)', async () => {
    const all = (await h.call('GET', `${h.acct}/resource_selectors`)).body.data as Doc[];
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ name: 'lcr', resource: carrier });
    expect((await h.call('GET', `${h.acct}/resource_selectors/name`)).body.data).toEqual([{ lcr: 2 }]);
    expect((await h.call('GET', `${h.acct}/resource_selectors/name/lcr`)).body.data).toEqual([{ [carrier]: 2 }]);
    expect((await h.call('GET', `${h.acct}/resource_selectors/resource`)).body.data).toEqual([{ [carrier]: 2 }]);
    expect((await h.call('GET', `${h.acct}/resource_selectors/resource/${carrier}`)).body.data).toEqual([{ lcr: 2 }]);
    const rows = (await h.call('GET', `${h.acct}/resource_selectors/name/lcr/resource/${carrier}`)).body.data as Doc[];
    expect(rows.map((r) => r.selector).sort()).toEqual(['1212', '1415']);
    expect((await h.call('GET', `${h.acct}/resource_selectors/resource/${carrier}/name/lcr`)).body.data).toEqual(rows);
    expect((await h.call('GET', `${h.acct}/resource_selectors/name/other`)).body.data).toEqual([]);
  });

  it('reads, merges a POST over a selector (validated), deletes; has no PUT', async () => {
    const [first] = (await h.call('GET', `${h.acct}/resource_selectors`)).body.data as Doc[];
    const id = (first as Doc).id;
    expect(data(await h.call('GET', `${h.acct}/resource_selectors/${id}`))).toMatchObject({ name: 'lcr', resource: carrier });
    const changed = await h.call('POST', `${h.acct}/resource_selectors/${id}`, { data: { value: '0.0001' } });
    expect(changed.status).toBe(200);
    expect(data(changed)).toMatchObject({ value: '0.0001', name: 'lcr' });
    const bad = await h.call('POST', `${h.acct}/resource_selectors/${id}`, { data: { start_time: 'soon' } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('start_time');
    expect((await h.call('PUT', `${h.acct}/resource_selectors`, { data: {} })).status).toBe(405);
    expect((await h.call('DELETE', `${h.acct}/resource_selectors/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/resource_selectors/${id}`)).status).toBe(404);
  });

  it('a POST on an unknown id answers its data but keeps nothing (maybe_handle_load_failure/2)', async () => {
    const before = ((await h.call('GET', `${h.acct}/resource_selectors`)).body.data as Doc[]).length;
    const r = await h.call('POST', `${h.acct}/resource_selectors/${'e'.repeat(32)}`, {
      data: { name: 'x', resource: carrier, selector: '1' },
    });
    expect(r.status).toBe(200);
    expect(data(r)).toMatchObject({ name: 'x', selector: '1' });
    expect((await h.call('GET', `${h.acct}/resource_selectors`)).body.data).toHaveLength(before);
  });

  it('rules: 404 until set, then merged on every POST; the system rules are the super-duper admin’s', async () => {
    expect((await h.call('GET', `${h.acct}/resource_selectors/rules`)).status).toBe(404);
    const rules = { rules: [{ get_resources: {} }] };
    const set = await h.call('POST', `${h.acct}/resource_selectors/rules`, { data: rules });
    expect(set.status).toBe(200);
    expect(data(set)).toMatchObject(rules);
    await h.call('POST', `${h.acct}/resource_selectors/rules`, { data: { note: 'kept' } });
    expect(data(await h.call('GET', `${h.acct}/resource_selectors/rules`))).toMatchObject({ ...rules, note: 'kept' });
  });

  it('/v2/resource_selectors/rules: the super-duper admin reads and merges the master account’s rules; 403 for a sub-account admin (cb_resource_selectors:maybe_authorize_admin/1, set_account_db/1)', async () => {
    const child = await childLogin(h, 'Selector Tenant');
    expect((await request(h.sandbox, 'GET', '/v2/resource_selectors/rules', {}, child.token)).status).toBe(403);
    const system = { rules: [{ filter_list: { value_a: 'request:Flags', value_b: 'resource:flags', action: 'keep' } }] };
    expect((await request(h.sandbox, 'POST', '/v2/resource_selectors/rules', { data: system }, child.token)).status).toBe(403);

    const set = await h.call('POST', '/v2/resource_selectors/rules', { data: system });
    expect(set.status).toBe(200);
    expect(data(set)).toMatchObject({ ...system, id: 'resource_selector_rules' });
    expect(data(await h.call('GET', '/v2/resource_selectors/rules'))).toMatchObject(system);
    // The system's rules are the document of the master account's database.
    expect(data(await h.call('GET', `${h.acct}/resource_selectors/rules`))).toMatchObject(system);
    // A sub-account's own rules stay its own.
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/resource_selectors/rules`, {}, child.token)).status).toBe(404);
  });
  it('/v2/resource_selectors and its name/resource views list the master account’s selectors for the super-duper admin; 403 for a sub-account admin (cb_resource_selectors:maybe_authorize_admin/1, set_selectors_db/1)', async () => {
    const child = await childLogin(h, 'Selector Lister');
    const views = [
      '',
      '/name',
      '/name/lcr',
      `/name/lcr/resource/${carrier}`,
      '/resource',
      `/resource/${carrier}`,
      `/resource/${carrier}/name/lcr`,
    ];
    for (const view of views) {
      expect((await request(h.sandbox, 'GET', `/v2/resource_selectors${view}`, {}, child.token)).status, view).toBe(403);
      const system = await h.call('GET', `/v2/resource_selectors${view}`);
      expect(system.status, view).toBe(200);
      expect(system.body.data, view).toEqual((await h.call('GET', `${h.acct}/resource_selectors${view}`)).body.data);
    }
    const [first] = (await h.call('GET', '/v2/resource_selectors')).body.data as Doc[];
    expect(first).toMatchObject({ name: 'lcr', resource: carrier });
    const id = (first as Doc).id;
    expect((await request(h.sandbox, 'GET', `/v2/resource_selectors/${id}`, {}, child.token)).status).toBe(403);
    expect(data(await h.call('GET', `/v2/resource_selectors/${id}`))).toMatchObject({ id, name: 'lcr' });
    // The sub-account's own selectors database is another one: empty.
    expect((await h.call('GET', `/v2/accounts/${child.accountId}/resource_selectors`)).body.data).toEqual([]);
  });
});
