import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, useWireServer, wireCases } from './wire';

const D1 = 'dev00000000000000000000000000001';
const D2 = 'dev00000000000000000000000000002';

describe('bulk on the wire', () => {
  wireCases([
    {
      label: 'get → POST …/bulk?verb=GET with the ids (a GET carries no body)',
      call: (a) => a.bulk.get([D1, D2, D1]),
      request: { method: 'POST', path: acct('/bulk'), query: { verb: 'GET' }, body: { data: { ids: [D1, D2] } } },
      reply: [
        200,
        [
          { id: D1, name: 'Desk' },
          { id: D2, name: 'Lobby' },
        ],
      ],
      result: [
        { id: D1, name: 'Desk' },
        { id: D2, name: 'Lobby' },
      ],
    },
    {
      label: 'update → POST …/bulk with ids and updates, the per-id outcome back',
      call: (a) => a.bulk.update([D1, D2], { enabled: false }),
      request: { method: 'POST', path: acct('/bulk'), body: { data: { ids: [D1, D2], updates: { enabled: false } } } },
      reply: [200, { [D1]: { status: 'success' }, [D2]: { status: 'error', error: '400', message: 'validation error' } }],
      result: { [D1]: { status: 'success' }, [D2]: { status: 'error', error: '400', message: 'validation error' } },
    },
    {
      label: 'delete → DELETE …/bulk with the ids',
      call: (a) => a.bulk.delete([D1]),
      request: { method: 'DELETE', path: acct('/bulk'), body: { data: { ids: [D1] } } },
      reply: [200, { [D1]: { status: 'success' } }],
    },
  ]);
});

describe('bulk validation', () => {
  const wire = useWireServer();

  it('refuses empty ids or empty updates before any request', async () => {
    const { audian, server } = wire();
    expect((await rejectionOf(audian.bulk.get([]))).argument).toBe('ids');
    expect((await rejectionOf(audian.bulk.delete(['']))).argument).toBe('ids');
    expect((await rejectionOf(audian.bulk.update([D1], {}))).argument).toBe('updates');
    expect(server.requests).toHaveLength(0);
  });
});
