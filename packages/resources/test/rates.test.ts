import { describe, expect, it } from 'vitest';
import { rejectionOf, scriptedClient, wireCases } from './wire';

const R = '561d9c4c75950235d5565d138752452c';
const rate = { id: R, prefix: '1', iso_country_code: 'US', description: 'Default US Rate', rate_cost: 0.1, routes: ['^\\+?1.+$'] };

describe('rates on the wire', () => {
  wireCases([
    {
      label: 'list → GET /v2/rates?prefix=',
      call: async (a) => (await a.rates.list({ prefix: '14155550123' })).data,
      request: { method: 'GET', path: '/v2/rates', query: { prefix: '14155550123' } },
      reply: [200, [{ id: R, prefix: '1', cost: 0.1, description: 'Default US Rate', surcharge: 0 }]],
      result: [{ id: R, prefix: '1', cost: 0.1, description: 'Default US Rate', surcharge: 0 }],
    },
    {
      label: 'get → GET /v2/rates/{RATE_ID}',
      call: (a) => a.rates.get(R),
      request: { method: 'GET', path: `/v2/rates/${R}` },
      reply: [200, rate],
      result: rate,
    },
    {
      label: 'create → PUT /v2/rates',
      call: (a) => a.rates.create({ prefix: '1', rate_cost: 0.1, iso_country_code: 'US' }),
      request: { method: 'PUT', path: '/v2/rates', body: { data: { prefix: '1', rate_cost: 0.1, iso_country_code: 'US' } } },
      reply: [201, rate],
    },
    {
      label: 'update → POST /v2/rates/{RATE_ID}',
      call: (a) => a.rates.update(R, rate),
      request: { method: 'POST', path: `/v2/rates/${R}`, body: { data: rate } },
      reply: [200, rate],
    },
    {
      label: 'patch → PATCH /v2/rates/{RATE_ID}',
      call: (a) => a.rates.patch(R, { rate_cost: 0.2 }),
      request: { method: 'PATCH', path: `/v2/rates/${R}`, body: { data: { rate_cost: 0.2 } } },
      reply: [200, { ...rate, rate_cost: 0.2 }],
    },
    {
      label: 'delete → DELETE /v2/rates/{RATE_ID}',
      call: (a) => a.rates.delete(R),
      request: { method: 'DELETE', path: `/v2/rates/${R}` },
      reply: [200, rate],
    },
    {
      label: 'ratedecks → GET /v2/rates/ratedecks',
      call: (a) => a.rates.ratedecks(),
      request: { method: 'GET', path: '/v2/rates/ratedecks' },
      reply: [200, { default_ratedeck: 'ratedeck', ratedecks: [] }],
      result: { default_ratedeck: 'ratedeck', ratedecks: [] },
    },
    {
      label: 'forNumber → GET /v2/rates/number/{PHONE_NUMBER} with the direction',
      call: (a) => a.rates.forNumber('+14155550123', { direction: 'outbound' }),
      request: { method: 'GET', path: '/v2/rates/number/%2B14155550123', query: { direction: 'outbound' } },
      reply: [200, { 'E164-Number': '+14155550123', 'Base-Cost': 0.1, Prefix: '1', Rate: 0.1, 'Rate-Description': 'Default US Rate' }],
      result: { 'E164-Number': '+14155550123', 'Base-Cost': 0.1, Prefix: '1', Rate: 0.1, 'Rate-Description': 'Default US Rate' },
    },
  ]);
});

describe('rates validation', () => {
  const { client } = scriptedClient();

  it('a rate needs prefix and rate_cost (KAZOO rates schema)', async () => {
    const error = await rejectionOf(client.audian().rates.create({ description: 'x' } as never));
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['prefix', 'rate_cost']));
    expect(client.server().requests).toHaveLength(0);
  });

  it('a number to rate needs digits', async () => {
    const error = await rejectionOf(client.audian().rates.forNumber('sales'));
    expect(error.argument).toBe('number');
  });
});
