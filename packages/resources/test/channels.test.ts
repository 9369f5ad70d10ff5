import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const U = 'dab25c76-7479-4ed2-ba92-6b725d68e351';
const channel = { uuid: U, answered: true, direction: 'outbound', owner_id: 'u1', destination: '2600' };

describe('channels on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/channels',
      call: (a) => a.channels.list().toArray(),
      request: { method: 'GET', path: acct('/channels') },
      reply: [200, [channel]],
      result: [channel],
    },
    {
      label: 'get → GET …/channels/{UUID}',
      call: (a) => a.channels.get(U),
      request: { method: 'GET', path: acct(`/channels/${U}`) },
      reply: [200, channel],
      result: channel,
    },
    {
      label: 'listByUser → GET …/users/{USER_ID}/channels',
      call: (a) => a.channels.listByUser('u1').toArray(),
      request: { method: 'GET', path: acct('/users/u1/channels') },
      reply: [200, [channel]],
    },
    {
      label: 'listByDevice → GET …/devices/{DEVICE_ID}/channels',
      call: (a) => a.channels.listByDevice('d1').toArray(),
      request: { method: 'GET', path: acct('/devices/d1/channels') },
      reply: [200, []],
    },
    {
      label: 'listSystem → GET /v2/channels',
      call: (a) => a.channels.listSystem().toArray(),
      request: { method: 'GET', path: '/v2/channels' },
      reply: [200, [channel]],
    },
    {
      label: 'transfer → POST …/channels/{UUID} with action transfer in data',
      call: (a) => a.channels.transfer(U, { target: '2600', 'transfer-type': 'attended', moh: 'media1' }),
      request: {
        method: 'POST',
        path: acct(`/channels/${U}`),
        body: { data: { target: '2600', 'transfer-type': 'attended', moh: 'media1', action: 'transfer' } },
      },
      reply: [202, 'transfer initiated'],
    },
    {
      label: 'hangup → POST …/channels/{UUID} with action hangup',
      call: (a) => a.channels.hangup(U),
      request: { method: 'POST', path: acct(`/channels/${U}`), body: { data: { action: 'hangup' } } },
      reply: [202, 'hangup initiated'],
    },
    {
      label: 'execute callflow → POST …/channels/{UUID}',
      call: (a) => a.channels.execute(U, { action: 'callflow', id: 'cf1' }),
      request: { method: 'POST', path: acct(`/channels/${U}`), body: { data: { action: 'callflow', id: 'cf1' } } },
      reply: [202, 'callflow initiated'],
    },
    {
      label: 'metaflow → PUT …/channels/{UUID} with action metaflow beside the node',
      call: (a) => a.channels.metaflow(U, { module: 'hangup', data: {} }),
      request: { method: 'PUT', path: acct(`/channels/${U}`), body: { action: 'metaflow', data: { module: 'hangup', data: {} } } },
      reply: [202, 'metaflow sent'],
    },
  ]);
});

describe('channels validation', () => {
  const wire = useWireServer();

  it('rejects unknown actions, an empty target and a node without module before any request', async () => {
    const { audian, server } = wire();
    await expect(settle(audian.channels.execute(U, { action: 'explode' as never }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.channels.transfer(U, { target: '' }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.channels.metaflow(U, {} as never))).rejects.toThrow(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it('has no create, update or delete: Crossbar has none for channels', () => {
    const { audian } = wire();
    for (const verb of ['create', 'update', 'patch', 'delete']) expect(verb in audian.channels).toBe(false);
  });
});

/** Resolves a call's outcome (a listing is awaited for its first page), so its rejection can be asserted. */
function settle(result: unknown): Promise<unknown> {
  return Promise.resolve(result as PromiseLike<unknown>).then((value) => value);
}
