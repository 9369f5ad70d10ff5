import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const F = 'fb0000000000000000000000000000f1';
const box = { id: F, name: 'Front desk', caller_id: '+14155550100', custom: { keep: true } };

describe('faxboxes on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/faxboxes',
      call: async (a) => (await a.faxboxes.list({ pageSize: 5 })).data,
      request: { method: 'GET', path: acct('/faxboxes'), query: { page_size: '5' } },
      reply: [200, [{ id: F, name: 'Front desk', created: 63902908800, flags: [] }]],
      result: [{ id: F, name: 'Front desk', created: 63902908800, flags: [] }],
    },
    {
      label: 'get → GET …/faxboxes/{FAXBOX_ID}, custom fields kept',
      call: (a) => a.faxboxes.get(F),
      request: { method: 'GET', path: acct(`/faxboxes/${F}`) },
      reply: [200, box],
      result: box,
    },
    {
      label: 'create → PUT …/faxboxes',
      call: (a) => a.faxboxes.create({ name: 'Front desk', caller_id: '+14155550100' }),
      request: { method: 'PUT', path: acct('/faxboxes'), body: { data: { name: 'Front desk', caller_id: '+14155550100' } } },
      reply: [201, box],
    },
    {
      label: 'update → POST …/faxboxes/{FAXBOX_ID} with the whole document',
      call: (a) => a.faxboxes.update(F, box),
      request: { method: 'POST', path: acct(`/faxboxes/${F}`), body: { data: box } },
      reply: [200, box],
    },
    {
      label: 'patch → PATCH …/faxboxes/{FAXBOX_ID}',
      call: (a) => a.faxboxes.patch(F, { fax_header: 'ACME', caller_id: null }),
      request: { method: 'PATCH', path: acct(`/faxboxes/${F}`), body: { data: { fax_header: 'ACME', caller_id: null } } },
      reply: [200, box],
    },
    {
      label: 'delete → DELETE …/faxboxes/{FAXBOX_ID}',
      call: (a) => a.faxboxes.delete(F),
      request: { method: 'DELETE', path: acct(`/faxboxes/${F}`) },
      reply: [200, box],
    },
  ]);
});

describe('faxboxes validation', () => {
  const wire = useWireServer();

  it('create without name → InvalidArgumentError naming it, before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.faxboxes.create({ caller_id: '1' } as never)).rejects.toMatchObject({
      name: 'InvalidArgumentError',
      argument: 'data.name',
    });
    await expect(audian.faxboxes.patch(F, { attempts: 9 })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});
