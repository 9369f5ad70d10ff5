import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, useWireServer, wireCases } from './wire';

// Shape of applications/crossbar/doc/configs.md: the merged configuration with id configs_<CONFIG_ID>.
const merged = { id: 'configs_conferences', number_timeout: 5000, pin_timeout: 3000 };

describe('configs on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/configs/{CONFIG_ID}',
      call: (a) => a.configs.get('conferences'),
      request: { method: 'GET', path: acct('/configs/conferences') },
      reply: [200, merged],
      result: merged,
    },
    {
      label: 'create → PUT …/configs/{CONFIG_ID}',
      call: (a) => a.configs.create('conferences', { pin_timeout: 3000 }),
      request: { method: 'PUT', path: acct('/configs/conferences'), body: { data: { pin_timeout: 3000 } } },
      reply: [200, merged],
    },
    {
      label: 'update → POST …/configs/{CONFIG_ID}',
      call: (a) => a.configs.update('conferences', { pin_timeout: 3000 }),
      request: { method: 'POST', path: acct('/configs/conferences'), body: { data: { pin_timeout: 3000 } } },
      reply: [200, merged],
    },
    {
      label: 'patch → PATCH …/configs/{CONFIG_ID}',
      call: (a) => a.configs.patch('conferences', { pin_timeout: 3000 }),
      request: { method: 'PATCH', path: acct('/configs/conferences'), body: { data: { pin_timeout: 3000 } } },
      reply: [200, merged],
      result: merged,
    },
    {
      label: 'delete → DELETE …/configs/{CONFIG_ID}, the inherited configuration back',
      call: (a) => a.configs.delete('conferences'),
      request: { method: 'DELETE', path: acct('/configs/conferences') },
      reply: [200, { id: 'configs_conferences', number_timeout: 5000 }],
      result: { id: 'configs_conferences', number_timeout: 5000 },
    },
  ]);
});

describe('configs validation', () => {
  const wire = useWireServer();

  it('refuses a configuration that is not an object before any request', async () => {
    const { audian, server } = wire();
    expect((await rejectionOf(audian.configs.update('conferences', [] as never))).argument).toBe('data');
    expect(server.requests).toHaveLength(0);
  });
});
