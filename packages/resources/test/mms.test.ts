import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, useWireServer, wireCases } from './wire';

const M = '202501-mms0000000000000000000001';
const body = ['Content-Type: text/plain', '', 'Your table is ready'].join('\r\n');
const message = { from: '+14155550100', to: '+14155550199', body };

describe('mms on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/mms',
      call: async (a) => (await a.mms.list()).data,
      request: { method: 'GET', path: acct('/mms') },
      reply: [200, [{ id: M, from: '+14155550100', to: '+14155550199', direction: 'outbound', status: 'queued' }]],
      result: [{ id: M, from: '+14155550100', to: '+14155550199', direction: 'outbound', status: 'queued' }],
    },
    {
      label: 'get → GET …/mms/{SMS_ID}',
      call: (a) => a.mms.get(M),
      request: { method: 'GET', path: acct(`/mms/${M}`) },
      reply: [200, { id: M, ...message }],
      result: { id: M, ...message },
    },
    {
      label: 'send → PUT …/mms',
      call: (a) => a.mms.send(message),
      request: { method: 'PUT', path: acct('/mms'), body: { data: message } },
      reply: [201, { id: M, ...message }],
    },
    {
      label: 'create → PUT …/mms (same as send)',
      call: (a) => a.mms.create(message),
      request: { method: 'PUT', path: acct('/mms'), body: { data: message } },
      reply: [201, { id: M, ...message }],
    },
    {
      label: 'delete → DELETE …/mms/{SMS_ID}',
      call: (a) => a.mms.delete(M),
      request: { method: 'DELETE', path: acct(`/mms/${M}`) },
      reply: [200, { id: M }],
    },
  ]);
});

describe('mms validation', () => {
  const wire = useWireServer();

  it('refuses a message without `to` or with an empty body before any request', async () => {
    const { audian, server } = wire();
    expect((await rejectionOf(audian.mms.send({ body } as never))).argument).toBe('data.to');
    expect((await rejectionOf(audian.mms.send({ to: '+14155550199', body: '' }))).argument).toBe('data.body');
    expect(server.requests).toHaveLength(0);
  });
});
