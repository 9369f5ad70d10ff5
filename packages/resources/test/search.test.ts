import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

describe('search on the wire', () => {
  wireCases([
    {
      label: 'query → GET …/search?t=&q=&v=',
      call: (a) => a.search.query({ type: 'callflow', view: 'number', value: '1001' }).toArray(),
      request: { method: 'GET', path: acct('/search'), query: { t: 'callflow', q: 'number', v: '1001' } },
      reply: [200, [{ id: 'cf1', name: 'Main', numbers: ['1001'] }]],
      result: [{ id: 'cf1', name: 'Main', numbers: ['1001'] }],
    },
    {
      label: 'query pages like any listing',
      call: (a) => a.search.query({ type: 'account', view: 'name', value: 'nat' }, { pageSize: 5 }),
      request: { method: 'GET', path: acct('/search'), query: { t: 'account', q: 'name', v: 'nat', page_size: '5' } },
      reply: [200, []],
    },
    {
      label: 'multi → GET …/search/multi?t=&by_<view>=',
      call: (a) => a.search.multi({ type: 'account', by: { name: 'test', realm: 'test.example.com' } }),
      request: { method: 'GET', path: acct('/search/multi'), query: { t: 'account', by_name: 'test', by_realm: 'test.example.com' } },
      reply: [200, { name: [{ id: 'a1', name: 'test' }], realm: [] }],
      result: { name: [{ id: 'a1', name: 'test' }], realm: [] },
    },
  ]);
});

describe('search validation', () => {
  const wire = useWireServer();

  it('rejects missing terms before any request', async () => {
    const { audian, server } = wire();
    await expect(settle(audian.search.query({ type: '', view: 'name', value: 'x' }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.search.query({ type: 'user', view: 'name', value: '' }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.search.multi({ type: 'account', by: {} }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.search.multi({ type: 'account', by: { 'na&me': 'x' } }))).rejects.toThrow(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

/** Resolves a call's outcome (a listing is awaited for its first page), so its rejection can be asserted. */
function settle(result: unknown): Promise<unknown> {
  return Promise.resolve(result as PromiseLike<unknown>).then((value) => value);
}
