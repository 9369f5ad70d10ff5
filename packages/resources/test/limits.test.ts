import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const limits = { twoway_trunks: 10, inbound_trunks: 2, allow_prepay: true, burst_trunks: 0 };

describe('limits on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/limits',
      call: (a) => a.limits.get(),
      request: { method: 'GET', path: acct('/limits') },
      reply: [200, limits],
      result: limits,
    },
    {
      label: 'update → POST …/limits',
      call: (a) => a.limits.update(limits),
      request: { method: 'POST', path: acct('/limits'), body: { data: limits } },
      reply: [200, limits],
    },
    {
      label: 'update with acceptCharges → accept_charges beside data',
      call: (a) => a.limits.update(limits, { acceptCharges: true }),
      request: { method: 'POST', path: acct('/limits'), body: { data: limits, accept_charges: true } },
      reply: [200, limits],
    },
  ]);
});

describe('limits shape', () => {
  const wire = useWireServer();

  it('offers get and update only (Crossbar: GET and POST), and checks trunk counts before any request', async () => {
    const { audian, server } = wire();
    for (const verb of ['list', 'create', 'patch', 'delete']) expect(verb in audian.limits).toBe(false);
    await expect(audian.limits.update({ twoway_trunks: -1 })).rejects.toMatchObject({ argument: 'data.twoway_trunks' });
    await expect(audian.limits.update({ twoway_trunks: 1.5 })).rejects.toMatchObject({ argument: 'data.twoway_trunks' });
    expect(server.requests).toHaveLength(0);
  });
});
