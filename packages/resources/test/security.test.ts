import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const settings = { auth_modules: { cb_user_auth: { token_auth_expiry_s: 604800 }, cb_api_auth: { enabled: false } } };

describe('security on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/security: own and inherited settings',
      call: (a) => a.security.get(),
      request: { method: 'GET', path: acct('/security') },
      reply: [200, { account: {}, inherited_config: settings }],
      result: { account: {}, inherited_config: settings },
    },
    {
      label: 'update → POST …/security',
      call: (a) => a.security.update(settings),
      request: { method: 'POST', path: acct('/security'), body: { data: settings } },
      reply: [200, { ...settings, id: 'configs_crossbar.auth' }],
    },
    {
      label: 'patch → PATCH …/security',
      call: (a) => a.security.patch({ auth_modules: { cb_api_auth: { enabled: true } } }),
      request: { method: 'PATCH', path: acct('/security'), body: { data: { auth_modules: { cb_api_auth: { enabled: true } } } } },
      reply: [200, settings],
    },
    {
      label: 'delete → DELETE …/security',
      call: (a) => a.security.delete(),
      request: { method: 'DELETE', path: acct('/security') },
      reply: [200, {}],
    },
    {
      label: 'attempts → GET …/security/attempts',
      call: async (a) => (await a.security.attempts({ pageSize: 20 })).data,
      request: { method: 'GET', path: acct('/security/attempts'), query: { page_size: '20' } },
      reply: [200, [{ id: 'at1', auth_module: 'cb_user_auth', status: 'failed', client_ip: '198.51.100.4' }]],
      result: [{ id: 'at1', auth_module: 'cb_user_auth', status: 'failed', client_ip: '198.51.100.4' }],
    },
    {
      label: 'attempt → GET …/security/attempts/{ATTEMPT_ID}',
      call: (a) => a.security.attempt('at1'),
      request: { method: 'GET', path: acct('/security/attempts/at1') },
      reply: [200, { id: 'at1' }],
    },
    {
      label: 'modules → GET /v2/security',
      call: (a) => a.security.modules(),
      request: { method: 'GET', path: '/v2/security' },
      reply: [200, { available_auth_methods: ['cb_api_auth', 'cb_user_auth'] }],
      result: { available_auth_methods: ['cb_api_auth', 'cb_user_auth'] },
    },
  ]);
});

describe('security validation', () => {
  const wire = useWireServer();

  it('rejects a token lifetime that is not a number before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.security.patch({ auth_modules: { cb_api_auth: { token_auth_expiry_s: '1h' as never } } })).rejects.toMatchObject({
      name: 'InvalidArgumentError',
    });
    expect(server.requests).toHaveLength(0);
  });
});
