import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const restrictions = { restrictions: { cb_user_auth: { user: { accounts: [{ rules: { '*': ['GET', 'POST'] } }] } } } };

describe('token_restrictions on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/token_restrictions',
      call: (a) => a.token_restrictions.get(),
      request: { method: 'GET', path: acct('/token_restrictions') },
      reply: [200, restrictions],
      result: restrictions,
    },
    {
      label: 'update → POST …/token_restrictions',
      call: (a) => a.token_restrictions.update(restrictions as never),
      request: { method: 'POST', path: acct('/token_restrictions'), body: { data: restrictions } },
      reply: [200, restrictions],
    },
    {
      label: 'delete → DELETE …/token_restrictions',
      call: (a) => a.token_restrictions.delete(),
      request: { method: 'DELETE', path: acct('/token_restrictions') },
      reply: [200, {}],
    },
  ]);
});

describe('token_restrictions validation', () => {
  const wire = useWireServer();

  it('rejects an unknown HTTP verb in a rule before any request', async () => {
    const { audian, server } = wire();
    const bad = { restrictions: { cb_user_auth: { user: { accounts: [{ rules: { '*': ['FETCH'] } }] } } } };
    await expect(audian.token_restrictions.update(bad as never)).rejects.toMatchObject({ name: 'InvalidArgumentError' });
    expect(server.requests).toHaveLength(0);
  });
});
