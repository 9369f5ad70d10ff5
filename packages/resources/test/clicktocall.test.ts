import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const C = 'c2c00000000000000000000000000c01';
const c2c = { id: C, name: 'Call sales', extension: '2000', auth_required: true };

describe('clicktocall on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/clicktocall',
      call: async (a) => (await a.clicktocall.list()).data,
      request: { method: 'GET', path: acct('/clicktocall') },
      reply: [200, [{ id: C, name: 'Call sales', extension: '2000' }]],
      result: [{ id: C, name: 'Call sales', extension: '2000' }],
    },
    {
      label: 'get → GET …/clicktocall/{C2C_ID}',
      call: (a) => a.clicktocall.get(C),
      request: { method: 'GET', path: acct(`/clicktocall/${C}`) },
      reply: [200, c2c],
      result: c2c,
    },
    {
      label: 'create → PUT …/clicktocall',
      call: (a) => a.clicktocall.create({ name: 'Call sales', extension: '2000' }),
      request: { method: 'PUT', path: acct('/clicktocall'), body: { data: { name: 'Call sales', extension: '2000' } } },
      reply: [201, c2c],
    },
    {
      label: 'update → POST …/clicktocall/{C2C_ID}',
      call: (a) => a.clicktocall.update(C, c2c),
      request: { method: 'POST', path: acct(`/clicktocall/${C}`), body: { data: c2c } },
      reply: [200, c2c],
    },
    {
      label: 'patch → PATCH …/clicktocall/{C2C_ID}',
      call: (a) => a.clicktocall.patch(C, { auth_required: false }),
      request: { method: 'PATCH', path: acct(`/clicktocall/${C}`), body: { data: { auth_required: false } } },
      reply: [200, c2c],
    },
    {
      label: 'delete → DELETE …/clicktocall/{C2C_ID}',
      call: (a) => a.clicktocall.delete(C),
      request: { method: 'DELETE', path: acct(`/clicktocall/${C}`) },
      reply: [200, c2c],
    },
    {
      label: 'connect → POST …/clicktocall/{C2C_ID}/connect with the contact',
      call: (a) => a.clicktocall.connect(C, { contact: '+14155550199', blocking: true }),
      request: { method: 'POST', path: acct(`/clicktocall/${C}/connect`), body: { data: { contact: '+14155550199', blocking: true } } },
      reply: [202, { application_name: 'transfer' }],
      result: { application_name: 'transfer' },
    },
    {
      label: 'connectViaLink → GET …/clicktocall/{C2C_ID}/connect with the contact in the query',
      call: (a) => a.clicktocall.connectViaLink(C, { contact: '+14155550199' }),
      request: { method: 'GET', path: acct(`/clicktocall/${C}/connect`), query: { contact: '+14155550199' } },
      reply: [202, { application_name: 'transfer' }],
      result: { application_name: 'transfer' },
    },
    {
      label: 'history → GET …/clicktocall/{C2C_ID}/history',
      call: (a) => a.clicktocall.history(C).toArray(),
      request: { method: 'GET', path: acct(`/clicktocall/${C}/history`) },
      reply: [200, [{ contact: '+14155550199', timestamp: 63902908800 }]],
      result: [{ contact: '+14155550199', timestamp: 63902908800 }],
    },
  ]);
});

describe('clicktocall validation', () => {
  const wire = useWireServer();

  it('rejects a missing extension or contact before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.clicktocall.create({ name: 'x' } as never)).rejects.toMatchObject({ argument: 'data.extension' });
    await expect(settle(audian.clicktocall.connect(C, { contact: ' ' }))).rejects.toThrow(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

/** Resolves a call's outcome (a listing is awaited for its first page), so its rejection can be asserted. */
function settle(result: unknown): Promise<unknown> {
  return Promise.resolve(result as PromiseLike<unknown>).then((value) => value);
}
