import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const allotments = { did_us: { amount: 3600, cycle: 'monthly', increment: 60, minimum: 60 } } as const;

describe('allotments on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/allotments',
      call: (a) => a.allotments.get(),
      request: { method: 'GET', path: acct('/allotments') },
      reply: [200, allotments],
      result: allotments,
    },
    {
      label: 'update → POST …/allotments',
      call: (a) => a.allotments.update(allotments),
      request: { method: 'POST', path: acct('/allotments'), body: { data: allotments } },
      reply: [200, allotments],
    },
    {
      label: 'consumed → GET …/allotments/consumed with a window',
      call: (a) => a.allotments.consumed({ createdFrom: 63900000000, createdTo: 63902592000 }),
      request: { method: 'GET', path: acct('/allotments/consumed'), query: { created_from: '63900000000', created_to: '63902592000' } },
      reply: [200, { did_us: { consumed: 120, cycle: 'manual', consumed_from: 63900000000, consumed_to: 63902592000 } }],
      result: { did_us: { consumed: 120, cycle: 'manual', consumed_from: 63900000000, consumed_to: 63902592000 } },
    },
  ]);
});

describe('allotments validation', () => {
  const { client } = scriptedClient();

  it('a cycle is one of KAZOO’s (cb_allotments:cycle_start/2)', async () => {
    const error = await rejectionOf(client.audian().allotments.update({ did_us: { amount: 60, cycle: 'yearly' as never } }));
    expect(error.issues?.[0]?.path).toBe('did_us.cycle');
    expect(client.server().requests).toHaveLength(0);
  });
});
