import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const Q = 'queue000000000000000000000000q01';
const queue = { id: Q, name: 'Support', strategy: 'most_idle' as const, custom: 1 };

describe('queues on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/queues',
      call: async (a) => (await a.queues.list()).data,
      request: { method: 'GET', path: acct('/queues') },
      reply: [200, [{ id: Q, name: 'Support', strategy: 'most_idle' }]],
      result: [{ id: Q, name: 'Support', strategy: 'most_idle' }],
    },
    {
      label: 'get → GET …/queues/{QUEUE_ID}',
      call: (a) => a.queues.get(Q),
      request: { method: 'GET', path: acct(`/queues/${Q}`) },
      reply: [200, queue],
      result: queue,
    },
    {
      label: 'create → PUT …/queues',
      call: (a) => a.queues.create({ name: 'Support', strategy: 'most_idle' }),
      request: { method: 'PUT', path: acct('/queues'), body: { data: { name: 'Support', strategy: 'most_idle' } } },
      reply: [201, queue],
    },
    {
      label: 'update → POST …/queues/{QUEUE_ID}',
      call: (a) => a.queues.update(Q, queue),
      request: { method: 'POST', path: acct(`/queues/${Q}`), body: { data: queue } },
      reply: [200, queue],
    },
    {
      label: 'patch → PATCH …/queues/{QUEUE_ID}',
      call: (a) => a.queues.patch(Q, { max_queue_size: 7 }),
      request: { method: 'PATCH', path: acct(`/queues/${Q}`), body: { data: { max_queue_size: 7 } } },
      reply: [200, queue],
    },
    {
      label: 'delete → DELETE …/queues/{QUEUE_ID}',
      call: (a) => a.queues.delete(Q),
      request: { method: 'DELETE', path: acct(`/queues/${Q}`) },
      reply: [200, queue],
    },
    {
      label: 'roster → GET …/queues/{QUEUE_ID}/roster',
      call: (a) => a.queues.roster(Q),
      request: { method: 'GET', path: acct(`/queues/${Q}/roster`) },
      reply: [200, ['agent1', 'agent2']],
      result: ['agent1', 'agent2'],
    },
    {
      label: 'setRoster → POST …/queues/{QUEUE_ID}/roster with the ids as data',
      call: (a) => a.queues.setRoster(Q, ['agent1', 'agent2']),
      request: { method: 'POST', path: acct(`/queues/${Q}/roster`), body: { data: ['agent1', 'agent2'] } },
      reply: [200, ['agent1', 'agent2']],
    },
    {
      label: 'clearRoster → DELETE …/queues/{QUEUE_ID}/roster',
      call: (a) => a.queues.clearRoster(Q),
      request: { method: 'DELETE', path: acct(`/queues/${Q}/roster`) },
      reply: [200, {}],
    },
    {
      label: 'stats → GET …/queues/stats',
      call: (a) => a.queues.stats(),
      request: { method: 'GET', path: acct('/queues/stats') },
      reply: [200, { current_timestamp: 63642383800, stats: [] }],
      result: { current_timestamp: 63642383800, stats: [] },
    },
    {
      label: 'eavesdrop → PUT …/queues/eavesdrop with call_id and the listener',
      call: (a) => a.queues.eavesdrop('call-1', { id: 'dev1', mode: 'whisper' }),
      request: { method: 'PUT', path: acct('/queues/eavesdrop'), body: { data: { id: 'dev1', mode: 'whisper', call_id: 'call-1' } } },
      reply: [200, {}],
    },
    {
      label: 'eavesdropQueue → PUT …/queues/{QUEUE_ID}/eavesdrop',
      call: (a) => a.queues.eavesdropQueue(Q, { id: 'user1' }),
      request: { method: 'PUT', path: acct(`/queues/${Q}/eavesdrop`), body: { data: { id: 'user1' } } },
      reply: [200, {}],
    },
  ]);
});

describe('queues validation', () => {
  const wire = useWireServer();

  it('rejects bad input before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.queues.create({ strategy: 'round_robin' } as never)).rejects.toMatchObject({ argument: 'data.name' });
    await expect(audian.queues.create({ name: 'Q', strategy: 'random' } as never)).rejects.toMatchObject({ argument: 'data.strategy' });
    await expect(settle(audian.queues.setRoster(Q, ['']))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.queues.eavesdrop('', { id: 'd' }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.queues.eavesdropQueue(Q, { id: 'd', mode: 'shout' as never }))).rejects.toThrow(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

/** Resolves a call's outcome (a listing is awaited for its first page), so its rejection can be asserted. */
function settle(result: unknown): Promise<unknown> {
  return Promise.resolve(result as PromiseLike<unknown>).then((value) => value);
}
