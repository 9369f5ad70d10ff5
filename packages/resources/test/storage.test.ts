import { describe, expect, it } from 'vitest';
import type { StorageCreateParams } from '../src/index';
import { ACCOUNT, acct, rejectionOf, useWireServer, wireCases } from './wire';

const ATT = '0123456789abcdef0123456789abcdef';
const PLAN = 'c0ffee00000000000000000000000p01';
const storage: StorageCreateParams = {
  attachments: { [ATT]: { handler: 's3', name: 'recordings', settings: { bucket: 'calls', key: 'AKIA', secret: 'x' } } },
  plan: { modb: { types: { call_recording: { attachments: { handler: ATT } } } } },
};

describe('storage on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/storage',
      call: (a) => a.storage.get(),
      request: { method: 'GET', path: acct('/storage') },
      reply: [200, { id: ACCOUNT, ...storage }],
      result: { id: ACCOUNT, ...storage },
    },
    {
      label: 'create → PUT …/storage',
      call: (a) => a.storage.create(storage),
      request: { method: 'PUT', path: acct('/storage'), body: { data: storage } },
      reply: [201, { id: ACCOUNT, ...storage }],
    },
    {
      label: 'create({ validateSettings: false }) → PUT …/storage?validate_settings=false',
      call: (a) => a.storage.create(storage, { validateSettings: false }),
      request: { method: 'PUT', path: acct('/storage'), query: { validate_settings: 'false' }, body: { data: storage } },
      reply: [201, { id: ACCOUNT, ...storage }],
    },
    {
      label: 'update → POST …/storage',
      call: (a) => a.storage.update(storage),
      request: { method: 'POST', path: acct('/storage'), body: { data: storage } },
      reply: [200, { id: ACCOUNT, ...storage }],
    },
    {
      label: 'patch → PATCH …/storage',
      call: (a) => a.storage.patch({ plan: { modb: { types: { call_recording: null } } } } as never),
      request: { method: 'PATCH', path: acct('/storage'), body: { data: { plan: { modb: { types: { call_recording: null } } } } } },
      reply: [200, { id: ACCOUNT }],
    },
    {
      label: 'delete → DELETE …/storage',
      call: (a) => a.storage.delete(),
      request: { method: 'DELETE', path: acct('/storage') },
      reply: [200, { id: ACCOUNT, ...storage }],
    },
    {
      label: 'plans().list → GET …/storage/plans',
      call: async (a) => (await a.storage.plans().list()).data,
      request: { method: 'GET', path: acct('/storage/plans') },
      reply: [200, [{ id: PLAN, ...storage }]],
      result: [{ id: PLAN, ...storage }],
    },
    {
      label: 'plans().get → GET …/storage/plans/{STORAGE_PLAN_ID}',
      call: (a) => a.storage.plans().get(PLAN),
      request: { method: 'GET', path: acct(`/storage/plans/${PLAN}`) },
      reply: [200, { id: PLAN, ...storage }],
    },
    {
      label: 'plans().create → PUT …/storage/plans',
      call: (a) => a.storage.plans().create(storage),
      request: { method: 'PUT', path: acct('/storage/plans'), body: { data: storage } },
      reply: [201, { id: PLAN, ...storage }],
    },
    {
      label: 'plans().update → POST …/storage/plans/{STORAGE_PLAN_ID}',
      call: (a) => a.storage.plans().update(PLAN, storage),
      request: { method: 'POST', path: acct(`/storage/plans/${PLAN}`), body: { data: storage } },
      reply: [200, { id: PLAN, ...storage }],
    },
    {
      label: 'plans().patch → PATCH …/storage/plans/{STORAGE_PLAN_ID}',
      call: (a) => a.storage.plans().patch(PLAN, { connections: {} }),
      request: { method: 'PATCH', path: acct(`/storage/plans/${PLAN}`), body: { data: { connections: {} } } },
      reply: [200, { id: PLAN }],
    },
    {
      label: 'plans().delete → DELETE …/storage/plans/{STORAGE_PLAN_ID}',
      call: (a) => a.storage.plans().delete(PLAN),
      request: { method: 'DELETE', path: acct(`/storage/plans/${PLAN}`) },
      reply: [200, { id: PLAN }],
    },
  ]);
});

describe('storage validation', () => {
  const wire = useWireServer();

  it('refuses an attachment id that is not 32 lowercase hex characters, or an unknown handler, before any request', async () => {
    const { audian, server } = wire();
    const badId = await rejectionOf(audian.storage.create({ attachments: { short: { handler: 's3', settings: {} } } }));
    expect(badId.argument).toMatch(/^data\.attachments/);
    const badHandler = await rejectionOf(audian.storage.create({ attachments: { [ATT]: { handler: 'ftp', settings: {} } } } as never));
    expect(badHandler.argument).toBe(`data.attachments.${ATT}.handler`);
    expect((await rejectionOf(audian.storage.plans().create({ plan: { nowhere: {} } } as never))).argument).toMatch(/^data\.plan/);
    expect(server.requests).toHaveLength(0);
  });
});
