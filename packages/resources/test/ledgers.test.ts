import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const entry = {
  amount: 50,
  description: 'Prepaid top-up',
  source: { service: 'payments', id: 'invoice-1042' },
  usage: { type: 'credit', quantity: 0, unit: 'dollars' },
};
const stored = { ...entry, id: '202612-5a1e', account: { id: 'a', name: 'Acme' }, period: { start: 63900000000 } };

describe('ledgers on the wire', () => {
  wireCases([
    {
      label: 'summary → GET …/ledgers (sums by source)',
      call: (a) => a.ledgers.summary(),
      request: { method: 'GET', path: acct('/ledgers') },
      reply: [200, { 'per-minute-voip': { amount: -54.7404, usage: { quantity: 14520, type: 'voice', unit: 'sec' } } }],
      result: { 'per-minute-voip': { amount: -54.7404, usage: { quantity: 14520, type: 'voice', unit: 'sec' } } },
    },
    {
      label: 'total → GET …/ledgers/total',
      call: (a) => a.ledgers.total(),
      request: { method: 'GET', path: acct('/ledgers/total') },
      reply: [200, { amount: 45.5 }],
      result: { amount: 45.5 },
    },
    {
      label: 'available → GET …/ledgers/available',
      call: (a) => a.ledgers.available(),
      request: { method: 'GET', path: acct('/ledgers/available') },
      reply: [200, [{ name: 'per-minute-voip', friendly_name: 'Per Minute VoIP', markup_type: ['percentage'] }]],
    },
    {
      label: 'month → GET …/ledgers/summary/{MODB_SUFFIX}',
      call: (a) => a.ledgers.month('202612'),
      request: { method: 'GET', path: acct('/ledgers/summary/202612') },
      reply: [200, { summary: {}, breakdown: [] }],
      result: { summary: {}, breakdown: [] },
    },
    {
      label: 'list → GET …/ledgers/{SOURCE_SERVICE}',
      call: async (a) => (await a.ledgers.list('payments', { pageSize: 10 })).data,
      request: { method: 'GET', path: acct('/ledgers/payments'), query: { page_size: '10' } },
      reply: [200, [stored]],
      result: [stored],
    },
    {
      label: 'get → GET …/ledgers/{SOURCE_SERVICE}/{LEDGER_ID}',
      call: (a) => a.ledgers.get('payments', stored.id),
      request: { method: 'GET', path: acct(`/ledgers/payments/${stored.id}`) },
      reply: [200, stored],
      result: stored,
    },
    {
      label: 'credit → PUT …/ledgers/credit',
      call: (a) => a.ledgers.credit(entry),
      request: { method: 'PUT', path: acct('/ledgers/credit'), body: { data: entry } },
      reply: [201, stored],
      result: stored,
    },
    {
      label: 'debit with impactReseller → PUT …/ledgers/debit, impact_reseller in the envelope',
      call: (a) => a.ledgers.debit(entry, { impactReseller: true }),
      request: { method: 'PUT', path: acct('/ledgers/debit'), body: { data: entry, impact_reseller: true } },
      reply: [201, {}],
    },
  ]);
});

describe('ledgers validation', () => {
  const { client } = scriptedClient();

  it('a credit needs source and usage (KAZOO ledgers schema)', async () => {
    const error = await rejectionOf(client.audian().ledgers.credit({ amount: 5 } as never));
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['source', 'usage']));
    expect(client.server().requests).toHaveLength(0);
  });

  it('a month is YYYYMM', async () => {
    const error = await rejectionOf(client.audian().ledgers.month('2026-12'));
    expect(error.argument).toBe('month');
  });
});
