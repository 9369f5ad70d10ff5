import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type Harness, harness, request } from './helpers';

let h: Harness;
let childToken: string;

beforeAll(async () => {
  h = await harness();
  const created = await h.call('PUT', h.acct, { data: { name: 'Rates Customer' } });
  const child = String((created.body.data as { id: string }).id);
  const key = await h.call('GET', `/v2/accounts/${child}/api_key`);
  childToken = await apiLogin(h.sandbox, String((key.body.data as { api_key: string }).api_key));
});
afterAll(() => h.stop());

describe('rates (cb_rates)', () => {
  it('the master account (super-duper admin) creates rates; routes default to the prefix’s (ensure_routes_set/1)', async () => {
    const us = await h.call('PUT', '/v2/rates', { data: { prefix: '1', rate_cost: 0.1, description: 'US', iso_country_code: 'US' } });
    expect(us.status).toBe(201);
    expect(us.body.data).toMatchObject({
      prefix: '1',
      rate_cost: 0.1,
      routes: ['^\\+?1.+$'],
      rate_increment: 60,
      rate_minimum: 60,
      rate_surcharge: 0,
    });
    const ca = await h.call('PUT', '/v2/rates', { data: { prefix: 1415, rate_cost: 0.05, rate_surcharge: 0.01, description: 'SF' } });
    expect(ca.status).toBe(201);
  });

  it('lists the crossbar_listing rows, or with ?prefix= the rates that could apply, longest first', async () => {
    const all = await h.call('GET', '/v2/rates');
    const rows = (all.body.data as { prefix: string }[]).sort((a, b) => a.prefix.localeCompare(b.prefix));
    expect(rows).toEqual([
      expect.objectContaining({ prefix: '1', cost: 0.1, surcharge: 0, description: 'US' }),
      expect.objectContaining({ prefix: '1415', cost: 0.05, surcharge: 0.01, description: 'SF' }),
    ]);
    const byPrefix = await h.call('GET', '/v2/rates?prefix=14155550123');
    expect((byPrefix.body.data as { prefix: string }[]).map((r) => r.prefix)).toEqual(['1415', '1']);
  });

  it('rates a number by its longest matching prefix, for any login', async () => {
    const r = await request(h.sandbox, 'GET', '/v2/rates/number/14155550123', {}, childToken);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      'E164-Number': '+14155550123',
      Prefix: '1415',
      Rate: 0.05,
      'Rate-Description': 'SF',
      Surcharge: 0.01,
      'Base-Cost': 0.06,
    });
    const other = await h.call('GET', '/v2/rates/number/%2B12125550123');
    expect(other.body.data).toMatchObject({ Prefix: '1', Rate: 0.1 });
  });

  it('a number no rate matches is 500 "No rate found for this number"; an unrateable one is 400', async () => {
    const none = await h.call('GET', '/v2/rates/number/%2B442075550123');
    expect(none.status).toBe(500);
    expect(none.body.message).toBe('No rate found for this number');
    const bad = await h.call('GET', '/v2/rates/number/123');
    expect(bad.status).toBe(400);
    expect(bad.body.data).toMatchObject({ 'number format': { error: { message: 'Number is un-rateable' } } });
  });

  it('patches, replaces and deletes a rate; a rate without rate_cost is a field error', async () => {
    const list = (await h.call('GET', '/v2/rates')).body.data as { id: string; prefix: string }[];
    const sf = list.find((r) => r.prefix === '1415') as { id: string };
    expect((await h.call('PATCH', `/v2/rates/${sf.id}`, { data: { rate_cost: 0.07 } })).body.data).toMatchObject({ rate_cost: 0.07 });
    expect((await h.call('DELETE', `/v2/rates/${sf.id}`)).status).toBe(200);
    expect((await h.call('GET', `/v2/rates/${sf.id}`)).status).toBe(404);
    const bad = await h.call('PUT', '/v2/rates', { data: { prefix: '44' } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('rate_cost');
  });

  it('the ratedeck is the super-duper admin’s: another login gets 403; ratedecks are listed for the admin', async () => {
    expect((await request(h.sandbox, 'GET', '/v2/rates', {}, childToken)).status).toBe(403);
    expect((await request(h.sandbox, 'PUT', '/v2/rates', { data: { prefix: '1', rate_cost: 0 } }, childToken)).status).toBe(403);
    expect((await request(h.sandbox, 'GET', '/v2/rates/ratedecks', {}, childToken)).status).toBe(403);
    expect((await h.call('GET', '/v2/rates/ratedecks')).body.data).toEqual({ default_ratedeck: 'ratedeck', ratedecks: [] });
  });
});
