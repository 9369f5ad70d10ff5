import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const H = 'hook00000000000000000000000000h1';
const hook = { id: H, name: 'New calls', uri: 'https://example.com/calls', hook: 'channel_create', custom_data: { team: 'ops' } };

describe('webhooks on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/webhooks',
      call: async (a) => (await a.webhooks.list()).data,
      request: { method: 'GET', path: acct('/webhooks') },
      reply: [200, [{ id: H, name: 'New calls', hook: 'channel_create', enabled: false, disable_reason: 'too many failures' }]],
      result: [{ id: H, name: 'New calls', hook: 'channel_create', enabled: false, disable_reason: 'too many failures' }],
    },
    {
      label: 'get → GET …/webhooks/{WEBHOOK_ID}',
      call: (a) => a.webhooks.get(H),
      request: { method: 'GET', path: acct(`/webhooks/${H}`) },
      reply: [200, hook],
      result: hook,
    },
    {
      label: 'create → PUT …/webhooks',
      call: (a) => a.webhooks.create({ name: 'New calls', uri: 'https://example.com/calls', hook: 'channel_create', http_verb: 'post' }),
      request: {
        method: 'PUT',
        path: acct('/webhooks'),
        body: { data: { name: 'New calls', uri: 'https://example.com/calls', hook: 'channel_create', http_verb: 'post' } },
      },
      reply: [201, hook],
    },
    {
      label: 'update → POST …/webhooks/{WEBHOOK_ID}',
      call: (a) => a.webhooks.update(H, hook),
      request: { method: 'POST', path: acct(`/webhooks/${H}`), body: { data: hook } },
      reply: [200, hook],
    },
    {
      label: 'patch → PATCH …/webhooks/{WEBHOOK_ID}',
      call: (a) => a.webhooks.patch(H, { enabled: true }),
      request: { method: 'PATCH', path: acct(`/webhooks/${H}`), body: { data: { enabled: true } } },
      reply: [200, hook],
    },
    {
      label: 'delete → DELETE …/webhooks/{WEBHOOK_ID}',
      call: (a) => a.webhooks.delete(H),
      request: { method: 'DELETE', path: acct(`/webhooks/${H}`) },
      reply: [200, hook],
    },
    {
      label: 'reenable → PATCH …/webhooks with {"re-enable": true}',
      call: (a) => a.webhooks.reenable(),
      request: { method: 'PATCH', path: acct('/webhooks'), body: { data: { 're-enable': true } } },
      reply: [200, {}],
    },
    {
      label: 'reenable with descendants → PATCH …/descendants/webhooks',
      call: (a) => a.webhooks.reenable({ descendants: true }),
      request: { method: 'PATCH', path: acct('/descendants/webhooks'), body: { data: { 're-enable': true } } },
      reply: [200, {}],
    },
    {
      label: 'attempts → GET …/webhooks/attempts (items without id)',
      call: async (a) => (await a.webhooks.attempts()).data,
      request: { method: 'GET', path: acct('/webhooks/attempts') },
      reply: [200, [{ hook_id: H, result: 'failure', reason: 'kazoo http client error', 'retries left': 2, timestamp: 63590996563 }]],
      result: [{ hook_id: H, result: 'failure', reason: 'kazoo http client error', 'retries left': 2, timestamp: 63590996563 }],
    },
    {
      label: 'attemptsOf → GET …/webhooks/{WEBHOOK_ID}/attempts',
      call: (a) => a.webhooks.attemptsOf(H, { pageSize: 10 }),
      request: { method: 'GET', path: acct(`/webhooks/${H}/attempts`), query: { page_size: '10' } },
      reply: [200, []],
    },
    {
      label: 'available → GET /v2/webhooks',
      call: (a) => a.webhooks.available(),
      request: { method: 'GET', path: '/v2/webhooks' },
      reply: [200, [{ id: 'object', name: 'Object', modifiers: { action: { type: 'array' } } }]],
      result: [{ id: 'object', name: 'Object', modifiers: { action: { type: 'array' } } }],
    },
    {
      label: 'samples → GET /v2/webhooks/samples',
      call: (a) => a.webhooks.samples(),
      request: { method: 'GET', path: '/v2/webhooks/samples' },
      reply: [200, ['webhooks_parking', 'webhooks_object']],
    },
    {
      label: 'sample → GET /v2/webhooks/samples/{SAMPLE_ID} with a filter',
      call: (a) => a.webhooks.sample('webhooks_notifications', { filter: { event_name: 'missed_call' } }),
      request: { method: 'GET', path: '/v2/webhooks/samples/webhooks_notifications', query: { filter_event_name: 'missed_call' } },
      reply: [200, [{ event_name: 'missed_call' }]],
    },
    {
      label: 'accountSamples → GET …/webhooks/samples',
      call: (a) => a.webhooks.accountSamples(),
      request: { method: 'GET', path: acct('/webhooks/samples') },
      reply: [200, ['webhooks_parking']],
      result: ['webhooks_parking'],
    },
    {
      label: 'accountSample → GET …/webhooks/samples/{SAMPLE_ID}',
      call: (a) => a.webhooks.accountSample('webhooks_parking'),
      request: { method: 'GET', path: acct('/webhooks/samples/webhooks_parking') },
      reply: [200, [{ event_name: 'PARK_PARKED' }]],
    },
  ]);
});

describe('webhooks validation', () => {
  const wire = useWireServer();

  it('create without uri → InvalidArgumentError before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.webhooks.create({ name: 'x', hook: 'all' } as never)).rejects.toMatchObject({ argument: 'data.uri' });
    await expect(audian.webhooks.patch(H, { http_verb: 'delete' as never })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});
