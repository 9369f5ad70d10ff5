import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const C = 'c757665dca55edba2395df3ca6423f4f';
const config = {
  id: C,
  name: 'Duo',
  enabled: true,
  provider_name: 'duo',
  settings: { integration_key: 'ikey', api_hostname: 'api.example.com' },
};

describe('multi_factor on the wire', () => {
  const crud = crudWireCases({
    name: 'multi_factor',
    resource: (a) => a.multi_factor,
    path: '/multi_factor',
    id: C,
    document: config,
    create: { name: 'Duo', enabled: true, provider_name: 'duo' },
    patch: { enabled: false },
  }).filter((c) => !c.label.startsWith('multi_factor.list'));
  wireCases([
    ...crud,
    {
      label: 'summary → GET …/multi_factor (configured and system providers)',
      call: (a) => a.multi_factor.summary(),
      request: { method: 'GET', path: acct('/multi_factor') },
      reply: [200, { configured: [{ id: C, name: 'Duo' }], multi_factor_providers: [{ id: 'duo', enabled: false }] }],
      result: { configured: [{ id: C, name: 'Duo' }], multi_factor_providers: [{ id: 'duo', enabled: false }] },
    },
    {
      label: 'attempts → GET …/multi_factor/attempts',
      call: async (a) => (await a.multi_factor.attempts()).data,
      request: { method: 'GET', path: acct('/multi_factor/attempts') },
      reply: [200, [{ id: '201702-09a9', auth_type: 'multi_factor', auth_module: 'cb_user_auth', status: 'failed' }]],
      result: [{ id: '201702-09a9', auth_type: 'multi_factor', auth_module: 'cb_user_auth', status: 'failed' }],
    },
    {
      label: 'attempt → GET …/multi_factor/attempts/{ATTEMPT_ID}',
      call: (a) => a.multi_factor.attempt('201702-09a9'),
      request: { method: 'GET', path: acct('/multi_factor/attempts/201702-09a9') },
      reply: [200, { id: '201702-09a9', status: 'failed' }],
    },
    {
      label: 'system.summary → GET /v2/multi_factor',
      call: (a) => a.multi_factor.system().summary(),
      request: { method: 'GET', path: '/v2/multi_factor' },
      reply: [200, [{ id: 'duo', enabled: false }]],
    },
    {
      label: 'system.create → PUT /v2/multi_factor',
      call: (a) => a.multi_factor.system().create({ name: 'Default', enabled: true, provider_name: 'duo' }),
      request: { method: 'PUT', path: '/v2/multi_factor', body: { data: { name: 'Default', enabled: true, provider_name: 'duo' } } },
      reply: [201, config],
    },
    {
      label: 'system.get → GET /v2/multi_factor/{CONFIG_ID}',
      call: (a) => a.multi_factor.system().get('duo'),
      request: { method: 'GET', path: '/v2/multi_factor/duo' },
      reply: [200, config],
    },
    {
      label: 'system.update → POST /v2/multi_factor/{CONFIG_ID}',
      call: (a) => a.multi_factor.system().update('duo', { name: 'Default', enabled: false, provider_name: 'duo' }),
      request: { method: 'POST', path: '/v2/multi_factor/duo', body: { data: { name: 'Default', enabled: false, provider_name: 'duo' } } },
      reply: [200, config],
    },
    {
      label: 'system.patch → PATCH /v2/multi_factor/{CONFIG_ID}',
      call: (a) => a.multi_factor.system().patch('duo', { enabled: true }),
      request: { method: 'PATCH', path: '/v2/multi_factor/duo', body: { data: { enabled: true } } },
      reply: [200, config],
    },
  ]);
});

describe('multi_factor validation', () => {
  const { client } = scriptedClient();

  it('a configuration needs name, enabled and provider_name (multi_factor_provider schema)', async () => {
    const error = await rejectionOf(client.audian().multi_factor.create({ name: 'Duo' } as never));
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['enabled', 'provider_name']));
    expect(client.server().requests).toHaveLength(0);
  });
});
