import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rejectionOf, useWireServer, wireCases } from './wire';

const C = 'cccp0000000000000000000000000001';
const USER = 'user0000000000000000000000000001';

describe('cccps on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'cccps',
      resource: (a) => a.cccps,
      path: '/cccps',
      id: C,
      document: { id: C, cid: '+14155550123', user_id: USER, active: true, comment: 'front desk' },
      create: { cid: '+14155550123', user_id: USER, active: true },
    }),
    {
      label: 'autodial → PUT …/cccps/autodial with the camping request',
      call: (a) => a.cccps.autodial({ number: '+14155550199' }),
      request: { method: 'PUT', path: acct('/cccps/autodial'), body: { data: { number: '+14155550199' } } },
      reply: [200, {}],
    },
  ]);
});

describe('cccps validation', () => {
  const wire = useWireServer();

  it('refuses a user_id that is not 32 characters before any request', async () => {
    const { audian, server } = wire();
    expect((await rejectionOf(audian.cccps.create({ pin: '1234', user_id: 'short' }))).argument).toBe('data.user_id');
    expect(server.requests).toHaveLength(0);
  });
});
