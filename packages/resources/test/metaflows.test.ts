import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const flows = { binding_digit: '*' as const, patterns: { '2(\\d+)': { module: 'transfer', data: { takeback_dtmf: '*1' } } } };

describe('metaflows on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/metaflows',
      call: (a) => a.metaflows.get(),
      request: { method: 'GET', path: acct('/metaflows') },
      reply: [200, flows],
      result: flows,
    },
    {
      label: 'update → POST …/metaflows',
      call: (a) => a.metaflows.update(flows),
      request: { method: 'POST', path: acct('/metaflows'), body: { data: flows } },
      reply: [200, flows],
    },
    {
      label: 'delete → DELETE …/metaflows',
      call: (a) => a.metaflows.delete(),
      request: { method: 'DELETE', path: acct('/metaflows') },
      reply: [200, {}],
    },
  ]);
});

describe('metaflows validation', () => {
  const wire = useWireServer();

  it('rejects a binding digit that is not a key before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.metaflows.update({ binding_digit: 'x' as never })).rejects.toMatchObject({ argument: 'data.binding_digit' });
    expect(server.requests).toHaveLength(0);
  });
});
