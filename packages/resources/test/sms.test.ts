import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const S = '202501-sms0000000000000000000001';
const message = { from: '+14155550100', to: '+14155550199', body: 'wave if you received this' };

describe('sms on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/sms',
      call: async (a) => (await a.sms.list()).data,
      request: { method: 'GET', path: acct('/sms') },
      reply: [200, [{ id: S, ...message, direction: 'outbound', status: 'delivered' }]],
      result: [{ id: S, ...message, direction: 'outbound', status: 'delivered' }],
    },
    {
      label: 'get → GET …/sms/{SMS_ID}',
      call: (a) => a.sms.get(S),
      request: { method: 'GET', path: acct(`/sms/${S}`) },
      reply: [200, { id: S, ...message }],
    },
    {
      label: 'send → PUT …/sms',
      call: (a) => a.sms.send(message),
      request: { method: 'PUT', path: acct('/sms'), body: { data: message } },
      reply: [201, { id: S, ...message }],
      result: { id: S, ...message },
    },
    {
      label: 'create → PUT …/sms (same as send)',
      call: (a) => a.sms.create(message),
      request: { method: 'PUT', path: acct('/sms'), body: { data: message } },
      reply: [201, { id: S, ...message }],
    },
    {
      label: 'delete → DELETE …/sms/{SMS_ID}',
      call: (a) => a.sms.delete(S),
      request: { method: 'DELETE', path: acct(`/sms/${S}`) },
      reply: [200, { id: S }],
    },
  ]);
});

describe('sms validation', () => {
  const wire = useWireServer();

  it('rejects a missing body or one longer than 700 characters before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.sms.send({ to: '+14155550199' } as never)).rejects.toMatchObject({ argument: 'data.body' });
    await expect(audian.sms.send({ to: '+14155550199', body: 'x'.repeat(701) })).rejects.toMatchObject({ argument: 'data.body' });
    expect(server.requests).toHaveLength(0);
  });

  it('has no update or patch: Crossbar has none for sms', () => {
    const { audian } = wire();
    expect('update' in audian.sms).toBe(false);
    expect('patch' in audian.sms).toBe(false);
  });
});
