import { NotFoundError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const DEV = 'de71ce00de71ce00de71ce00de71ce00';
const acl = { order: 'allow,deny' as const, cidrs: ['203.0.113.10/32'], user_agent: '^Yealink' };

describe('access_lists on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/access_lists ({} when none is set)',
      call: (a) => a.access_lists.get(),
      request: { method: 'GET', path: acct('/access_lists') },
      reply: [200, {}],
      result: {},
    },
    {
      label: 'update → POST …/access_lists; answers the list',
      call: (a) => a.access_lists.update(acl),
      request: { method: 'POST', path: acct('/access_lists'), body: { data: acl } },
      reply: [200, acl],
      result: acl,
    },
    {
      label: 'delete → DELETE …/access_lists; answers {}',
      call: (a) => a.access_lists.delete(),
      request: { method: 'DELETE', path: acct('/access_lists') },
      reply: [200, {}],
      result: {},
    },
    {
      label: 'device(id).get → GET …/devices/{DEVICE_ID}/access_lists',
      call: (a) => a.access_lists.device(DEV).get(),
      request: { method: 'GET', path: acct(`/devices/${DEV}/access_lists`) },
      reply: [200, acl],
      result: acl,
    },
    {
      label: 'device(id).update → POST …/devices/{DEVICE_ID}/access_lists',
      call: (a) => a.access_lists.device(DEV).update(acl),
      request: { method: 'POST', path: acct(`/devices/${DEV}/access_lists`), body: { data: acl } },
      reply: [200, acl],
    },
    {
      label: 'device(id).delete → DELETE …/devices/{DEVICE_ID}/access_lists',
      call: (a) => a.access_lists.device(DEV).delete(),
      request: { method: 'DELETE', path: acct(`/devices/${DEV}/access_lists`) },
      reply: [200, {}],
    },
    {
      label: 'device(id) of an unknown device → NotFoundError (cb_access_lists:thing_id_not_found/2)',
      call: (a) => a.access_lists.device('nope').get(),
      request: { method: 'GET', path: acct('/devices/nope/access_lists') },
      reply: {
        status: 404,
        raw: { status: 'error', error: '404', message: 'bad_identifier', data: { cause: 'Identifier was not found', details: 'nope' } },
      },
      error: NotFoundError,
    },
  ]);
});

describe('access_lists validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('order must be allow,deny or deny,allow, and cidrs are required', async () => {
    const error = await rejectionOf(client.audian().access_lists.update({ order: 'allow' as never, cidrs: ['10.0.0.0/8'] }));
    expect(error.issues?.[0]).toMatchObject({ path: 'order' });
    const missing = await rejectionOf(
      client
        .audian()
        .access_lists.device(DEV)
        .update({ order: 'allow,deny' } as never),
    );
    expect(missing.issues?.[0]).toMatchObject({ path: 'cidrs', code: 'required' });
    expect(client.server().requests).toHaveLength(0);
  });
});
