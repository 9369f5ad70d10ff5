import { ResponseValidationError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const C = 'ts0000000000000000000000000000c1';
const doc = {
  id: C,
  account: { trunks: 4 },
  servers: [{ auth: { auth_method: 'IP' as const, ip: '203.0.113.10' }, DIDs: { '+14155550100': {} } }],
};

describe('connectivity on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/connectivity: the ids',
      call: (a) => a.connectivity.list().toArray(),
      request: { method: 'GET', path: acct('/connectivity') },
      reply: [200, [C, 'ts2']],
      result: [C, 'ts2'],
    },
    {
      label: 'list rejects items that are not ids',
      call: (a) => a.connectivity.list().toArray(),
      request: { method: 'GET', path: acct('/connectivity') },
      reply: [200, [{ id: C }]],
      error: ResponseValidationError,
    },
    {
      label: 'get → GET …/connectivity/{CONNECTIVITY_ID}',
      call: (a) => a.connectivity.get(C),
      request: { method: 'GET', path: acct(`/connectivity/${C}`) },
      reply: [200, doc],
      result: doc,
    },
    {
      label: 'create → PUT …/connectivity',
      call: (a) => a.connectivity.create({ account: { trunks: 4 }, servers: [{ auth: { auth_method: 'IP', ip: '203.0.113.10' } }] }),
      request: {
        method: 'PUT',
        path: acct('/connectivity'),
        body: { data: { account: { trunks: 4 }, servers: [{ auth: { auth_method: 'IP', ip: '203.0.113.10' } }] } },
      },
      reply: [201, doc],
    },
    {
      label: 'update → POST …/connectivity/{CONNECTIVITY_ID}',
      call: (a) => a.connectivity.update(C, doc),
      request: { method: 'POST', path: acct(`/connectivity/${C}`), body: { data: doc } },
      reply: [200, doc],
    },
    {
      label: 'patch → PATCH …/connectivity/{CONNECTIVITY_ID}',
      call: (a) => a.connectivity.patch(C, { account: { trunks: 8 } }),
      request: { method: 'PATCH', path: acct(`/connectivity/${C}`), body: { data: { account: { trunks: 8 } } } },
      reply: [200, doc],
    },
    {
      label: 'delete → DELETE …/connectivity/{CONNECTIVITY_ID}',
      call: (a) => a.connectivity.delete(C),
      request: { method: 'DELETE', path: acct(`/connectivity/${C}`) },
      reply: [200, doc],
    },
  ]);
});

describe('connectivity validation', () => {
  const wire = useWireServer();

  it('rejects a negative trunk count before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.connectivity.patch(C, { account: { trunks: -1 } })).rejects.toMatchObject({ argument: 'data.account.trunks' });
    expect(server.requests).toHaveLength(0);
  });
});
