import { describe, expect, it } from 'vitest';
import { ACCOUNT, acct, rawUploadCases, rejectionOf, useWireServer, wireCases } from './wire';

const T = 'e5c92c4b50bcec520d5d7e1ce1b869';
// Shapes of applications/crossbar/doc/tasks.md (kz_tasks:to_public_json/1).
const details = {
  id: T,
  account_id: ACCOUNT,
  auth_account_id: ACCOUNT,
  category: 'number_management',
  action: 'list',
  created: 63632526992,
  status: 'pending',
};
const csv = 'e164,account_id\n+14155550100,\n';

describe('tasks on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/tasks',
      call: async (a) => (await a.tasks.list()).data,
      request: { method: 'GET', path: acct('/tasks') },
      reply: [200, [details]],
      result: [details],
    },
    {
      label: 'get → GET …/tasks/{TASK_ID}, details under _read_only',
      call: (a) => a.tasks.get(T),
      request: { method: 'GET', path: acct(`/tasks/${T}`) },
      reply: [200, { _read_only: { ...details, csvs: ['in.csv'] } }],
      result: { _read_only: { ...details, csvs: ['in.csv'] } },
    },
    {
      label: 'create → PUT …/tasks?category&action with the JSON records',
      call: (a) =>
        a.tasks.create({ category: 'number_management', action: 'find', records: [{ e164: '+14155550100' }], file_name: 'mine.csv' }),
      request: {
        method: 'PUT',
        path: acct('/tasks'),
        query: { category: 'number_management', action: 'find' },
        body: { data: { records: [{ e164: '+14155550100' }], file_name: 'mine.csv' } },
      },
      reply: [201, { _read_only: { ...details, action: 'find', total_count: 1 } }],
    },
    {
      label: 'create without input → PUT …/tasks with an empty data object',
      call: (a) => a.tasks.create({ category: 'number_management', action: 'list' }),
      request: { method: 'PUT', path: acct('/tasks'), query: { category: 'number_management', action: 'list' }, body: { data: {} } },
      reply: [201, { _read_only: details }],
    },
    {
      label: 'start → PATCH …/tasks/{TASK_ID}',
      call: (a) => a.tasks.start(T),
      request: { method: 'PATCH', path: acct(`/tasks/${T}`) },
      reply: [200, { _read_only: { ...details, status: 'executing' } }],
    },
    {
      label: 'stop → PATCH …/tasks/{TASK_ID}/stop',
      call: (a) => a.tasks.stop(T),
      request: { method: 'PATCH', path: acct(`/tasks/${T}/stop`) },
      reply: [200, { _read_only: { ...details, status: 'stopped' } }],
    },
    {
      label: 'delete → DELETE …/tasks/{TASK_ID}',
      call: (a) => a.tasks.delete(T),
      request: { method: 'DELETE', path: acct(`/tasks/${T}`) },
      reply: [200, { _read_only: { ...details, status: 'success' } }],
    },
    {
      label: 'input → GET …/tasks/{TASK_ID}/input accepting text/csv, the CSV text',
      call: async (a) => (await a.tasks.input(T)).text(),
      request: { method: 'GET', path: acct(`/tasks/${T}/input`), headers: { accept: 'text/csv' } },
      reply: { status: 200, raw: csv, headers: { 'content-type': 'text/csv' } },
      result: csv,
    },
    {
      label: 'output → GET …/tasks/{TASK_ID}/output accepting text/csv',
      call: async (a) => (await a.tasks.output(T)).text(),
      request: { method: 'GET', path: acct(`/tasks/${T}/output`), headers: { accept: 'text/csv' } },
      reply: { status: 200, raw: 'e164\n+14155550100\n', headers: { 'content-type': 'text/csv' } },
      result: 'e164\n+14155550100\n',
    },
    {
      label: 'available → GET /v2/tasks?category (no account in the path)',
      call: (a) => a.tasks.available({ category: 'number_management' }),
      request: { method: 'GET', path: '/v2/tasks', query: { category: 'number_management' } },
      reply: [200, { tasks: { number_management: { list: { description: 'List all numbers' } } } }],
      result: { tasks: { number_management: { list: { description: 'List all numbers' } } } },
    },
  ]);

  rawUploadCases([
    {
      label: 'createFromCsv → PUT …/tasks?category&action&file_name with Content-Type: text/csv and the bytes as they are',
      call: (a) => a.tasks.createFromCsv({ category: 'number_management', action: 'find', file_name: 'mine.csv' }, csv),
      method: 'PUT',
      path: acct('/tasks'),
      contentType: 'text/csv',
      bytes: new TextEncoder().encode(csv),
      reply: { _read_only: details },
    },
  ]);
});

describe('tasks validation', () => {
  const wire = useWireServer();

  it('refuses a task without category or action, empty records, or an empty CSV before any request', async () => {
    const { audian, server } = wire();
    expect((await rejectionOf(audian.tasks.create({ action: 'list' } as never))).argument).toBe('data.category');
    expect((await rejectionOf(audian.tasks.create({ category: 'number_management', action: '' }))).argument).toBe('data.action');
    expect((await rejectionOf(audian.tasks.create({ category: 'c', action: 'a', records: [] }))).argument).toBe('data.records');
    expect((await rejectionOf(audian.tasks.createFromCsv({ category: 'c', action: 'a' }, '  '))).argument).toBe('csv');
    expect((await rejectionOf(audian.tasks.createFromCsv({ category: 'c', action: 'a' }, csv, 'application/json'))).argument).toBe(
      'contentType',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('has no update: a task is started, stopped or deleted', () => {
    const { audian } = wire();
    expect('update' in audian.tasks).toBe(false);
    expect('patch' in audian.tasks).toBe(false);
  });
});
