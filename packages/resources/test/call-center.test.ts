import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const U = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const Q = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';

describe('agents, presence, hotdesks, parked_calls, call_inspector, pivot, acdc_call_stats and quickcall on the wire', () => {
  wireCases([
    {
      label: 'agents.list → GET …/agents (agents/crossbar_listing)',
      call: async (a) => (await a.agents.list()).data,
      request: { method: 'GET', path: acct('/agents') },
      reply: [200, [{ id: U, first_name: 'Alice', last_name: 'Anderson', queues: [Q] }]],
      result: [{ id: U, first_name: 'Alice', last_name: 'Anderson', queues: [Q] }],
    },
    {
      label: 'agents.get → GET …/agents/{USER_ID}',
      call: (a) => a.agents.get(U),
      request: { method: 'GET', path: acct(`/agents/${U}`) },
      reply: [200, { id: U, username: 'alice' }],
      result: { id: U, username: 'alice' },
    },
    {
      label: 'agents.stats → GET …/agents/stats with the query',
      call: (a) => a.agents.stats({ start_range: 63900000000 }),
      request: { method: 'GET', path: acct('/agents/stats'), query: { start_range: '63900000000' } },
      reply: [200, { current_statuses: {} }],
      result: { current_statuses: {} },
    },
    {
      label: 'agents.statuses → GET …/agents/status',
      call: (a) => a.agents.statuses(),
      request: { method: 'GET', path: acct('/agents/status') },
      reply: [200, { [U]: { status: 'ready' } }],
      result: { [U]: { status: 'ready' } },
    },
    {
      label: 'agents.getStatus → GET …/agents/{USER_ID}/status',
      call: (a) => a.agents.getStatus(U),
      request: { method: 'GET', path: acct(`/agents/${U}/status`) },
      reply: [200, 'paused'],
      result: 'paused',
    },
    {
      label: 'agents.setStatus → POST …/agents/{USER_ID}/status {status, timeout}',
      call: (a) => a.agents.setStatus(U, { status: 'pause', timeout: 300 }),
      request: { method: 'POST', path: acct(`/agents/${U}/status`), body: { data: { status: 'pause', timeout: 300 } } },
      reply: [200, 'status update sent'],
      result: 'status update sent',
    },
    {
      label: 'agents.statusOf → GET …/agents/status/{USER_ID}',
      call: (a) => a.agents.statusOf(U),
      request: { method: 'GET', path: acct(`/agents/status/${U}`) },
      reply: [200, 'ready'],
      result: 'ready',
    },
    {
      label: 'agents.setStatusOf → POST …/agents/status/{USER_ID}',
      call: (a) => a.agents.setStatusOf(U, { status: 'login' }),
      request: { method: 'POST', path: acct(`/agents/status/${U}`), body: { data: { status: 'login' } } },
      reply: [200, 'status update sent'],
    },
    {
      label: 'agents.queueStatus → GET …/agents/{USER_ID}/queue_status',
      call: (a) => a.agents.queueStatus(U),
      request: { method: 'GET', path: acct(`/agents/${U}/queue_status`) },
      reply: [200, [Q]],
      result: [Q],
    },
    {
      label: 'agents.updateQueueStatus → POST …/agents/{USER_ID}/queue_status {action, queue_id}',
      call: (a) => a.agents.updateQueueStatus(U, { action: 'login', queue_id: Q }),
      request: { method: 'POST', path: acct(`/agents/${U}/queue_status`), body: { data: { action: 'login', queue_id: Q } } },
      reply: [200, [Q]],
      result: [Q],
    },
    {
      label: 'agents.restart → POST …/agents/{USER_ID}/restart',
      call: (a) => a.agents.restart(U),
      request: { method: 'POST', path: acct(`/agents/${U}/restart`) },
      reply: [200, {}],
      result: {},
    },
    {
      label: 'presence.search → GET …/presence',
      call: (a) => a.presence.search(),
      request: { method: 'GET', path: acct('/presence') },
      reply: [200, { subscriptions: { '1001': { dialog: {} } }, timeout: null }],
      result: { subscriptions: { '1001': { dialog: {} } }, timeout: null },
    },
    {
      label: 'presence.get → GET …/presence/{EXTENSION} (encoded)',
      call: (a) => a.presence.get('*3101'),
      request: { method: 'GET', path: acct('/presence/*3101') },
      reply: [200, { subscriptions: {} }],
      result: { subscriptions: {} },
    },
    {
      label: 'presence.update → POST …/presence/{EXTENSION} {action: reset}',
      call: (a) => a.presence.update('1001', { action: 'reset' }),
      request: { method: 'POST', path: acct('/presence/1001'), body: { data: { action: 'reset' } } },
      reply: [202, 'reset command sent for extension 1001'],
      result: 'reset command sent for extension 1001',
    },
    {
      label: 'presence.command → POST …/presence {action: set, state}',
      call: (a) => a.presence.command({ action: 'set', state: 'confirmed' }),
      request: { method: 'POST', path: acct('/presence'), body: { data: { action: 'set', state: 'confirmed' } } },
      reply: [202, 'command sent'],
    },
    {
      label: 'presence.report → GET …/presence/report-{REPORT_ID}',
      call: (a) => a.presence.report('abc123'),
      request: { method: 'GET', path: acct('/presence/report-abc123') },
      reply: [200, { extension: '1001' }],
      result: { extension: '1001' },
    },
    {
      label: 'hotdesks.list → GET …/hotdesks',
      call: async (a) => (await a.hotdesks.list()).data,
      request: { method: 'GET', path: acct('/hotdesks') },
      reply: [200, [{ device_id: Q, device_name: 'Desk 1' }]],
      result: [{ device_id: Q, device_name: 'Desk 1' }],
    },
    {
      label: 'hotdesks.listByUser → GET …/users/{USER_ID}/hotdesks',
      call: async (a) => (await a.hotdesks.listByUser(U)).data,
      request: { method: 'GET', path: acct(`/users/${U}/hotdesks`) },
      reply: [200, []],
      result: [],
    },
    {
      label: 'parked_calls.slots → GET …/parked_calls (slots by number)',
      call: (a) => a.parked_calls.slots(),
      request: { method: 'GET', path: acct('/parked_calls') },
      reply: [200, { slots: { '101': { call_id: 'c1', cid_number: '+14155550160' } } }],
      result: { slots: { '101': { call_id: 'c1', cid_number: '+14155550160' } } },
    },
    {
      label: 'call_inspector.list → GET …/call_inspector',
      call: async (a) => (await a.call_inspector.list()).data,
      request: { method: 'GET', path: acct('/call_inspector') },
      reply: [200, [{ call_id: 'c1' }]],
      result: [{ call_id: 'c1' }],
    },
    {
      label: 'call_inspector.get → GET …/call_inspector/{CALL_ID}',
      call: (a) => a.call_inspector.get('c1@host'),
      request: { method: 'GET', path: acct('/call_inspector/c1%40host') },
      reply: [200, { 'call-id': 'c1@host', messages: [], dialog_entities: [], analysis: [] }],
      result: { 'call-id': 'c1@host', messages: [], dialog_entities: [], analysis: [] },
    },
    {
      label: 'pivot.listDebug → GET …/pivot/debug',
      call: async (a) => (await a.pivot.listDebug()).data,
      request: { method: 'GET', path: acct('/pivot/debug') },
      reply: [200, [{ call_id: 'c1' }]],
      result: [{ call_id: 'c1' }],
    },
    {
      label: 'pivot.getDebug → GET …/pivot/debug/{UUID}',
      call: (a) => a.pivot.getDebug('c1'),
      request: { method: 'GET', path: acct('/pivot/debug/c1') },
      reply: [200, [{ call_id: 'c1', uri: 'http://example.test/pivot' }]],
      result: [{ call_id: 'c1', uri: 'http://example.test/pivot' }],
    },
    {
      label: 'acdc_call_stats.list → GET …/acdc_call_stats with the range',
      call: async (a) => (await a.acdc_call_stats.list({ createdFrom: 63900000000 })).data,
      request: { method: 'GET', path: acct('/acdc_call_stats'), query: { created_from: '63900000000' } },
      reply: [200, []],
      result: [],
    },
    {
      label: 'quickcall.originate → GET …/{ENDPOINT_TYPE}/{ENDPOINT_ID}/quickcall/{NUMBER} with the options',
      call: (a) => a.quickcall.originate('users', U, '+14155550100', { auto_answer: false }),
      request: { method: 'GET', path: acct(`/users/${U}/quickcall/%2B14155550100`), query: { auto_answer: 'false' } },
      reply: [202, { application_name: 'transfer' }],
      result: { application_name: 'transfer' },
    },
    {
      label: 'quickcall.originateAndWait → POST …/devices/{DEVICE_ID}/quickcall/{NUMBER}',
      call: (a) => a.quickcall.originateAndWait('devices', Q, '1002'),
      request: { method: 'POST', path: acct(`/devices/${Q}/quickcall/1002`) },
      reply: [202, { application_name: 'transfer', call_id: 'x-quickcall' }],
      result: { application_name: 'transfer', call_id: 'x-quickcall' },
    },
  ]);
});

describe('call-center validation', () => {
  const wire = useWireServer();

  it('rejects bad input before any request, naming the argument', async () => {
    const { audian, server } = wire();
    await expect(Promise.resolve().then(() => audian.agents.setStatus(U, { status: 'nap' } as never))).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(Promise.resolve().then(() => audian.agents.setStatusOf(U, { status: 'nap' } as never))).rejects.toMatchObject({
      argument: 'change.status',
    });
    await expect(Promise.resolve().then(() => audian.agents.updateQueueStatus(U, { action: 'login', queue_id: '' }))).rejects.toMatchObject(
      {
        argument: 'change.queue_id',
      },
    );
    await expect(Promise.resolve().then(() => audian.presence.update('1001', { action: 'set' }))).rejects.toMatchObject({
      argument: 'command.state',
    });
    await expect(Promise.resolve().then(() => audian.quickcall.originate('groups' as never, U, '1002'))).rejects.toMatchObject({
      argument: 'endpointType',
    });
    expect(server.requests).toHaveLength(0);
  });
});
