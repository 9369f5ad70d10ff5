import { BadRequestError, ForbiddenError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const IP = '198.51.100.10';
const ip = {
  id: IP,
  ip: IP,
  zone: 'us-east',
  host: 'proxy1.us-east.example',
  status: 'assigned',
  type: 'dedicated_ip',
  assigned_to: 'acc',
};
const assigned = { success: { [IP]: ip }, error: {} };

describe('ips on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/ips?zone=: the available IPs of a zone',
      call: (a) => a.ips.list({ zone: 'us-east' }),
      request: { method: 'GET', path: acct('/ips'), query: { zone: 'us-east' } },
      reply: [200, [{ ip: IP, zone: 'us-east' }]],
      result: [{ ip: IP, zone: 'us-east' }],
    },
    {
      label: 'list without a zone sends no query',
      call: (a) => a.ips.list(),
      request: { method: 'GET', path: acct('/ips'), query: {} },
      reply: [200, []],
    },
    {
      label: 'get → GET …/ips/{IP_ADDRESS}',
      call: (a) => a.ips.get(IP),
      request: { method: 'GET', path: acct(`/ips/${IP}`) },
      reply: [200, ip],
      result: ip,
    },
    {
      label: 'add → POST …/ips/{IP_ADDRESS}',
      call: (a) => a.ips.add(IP),
      request: { method: 'POST', path: acct(`/ips/${IP}`), body: { data: {} } },
      reply: [200, assigned],
      result: assigned,
    },
    {
      label: 'delete → DELETE …/ips/{IP_ADDRESS} releases it',
      call: (a) => a.ips.delete(IP),
      request: { method: 'DELETE', path: acct(`/ips/${IP}`) },
      reply: [200, assigned],
    },
    {
      label: 'assign → POST …/ips with { ips }',
      call: (a) => a.ips.assign([IP]),
      request: { method: 'POST', path: acct('/ips'), body: { data: { ips: [IP] } } },
      reply: [200, assigned],
    },
    {
      label: 'release → DELETE …/ips with { ips }',
      call: (a) => a.ips.release([IP]),
      request: { method: 'DELETE', path: acct('/ips'), body: { data: { ips: [IP] } } },
      reply: [200, assigned],
    },
    {
      label: 'assigned → GET …/ips/assigned',
      call: (a) => a.ips.assigned(),
      request: { method: 'GET', path: acct('/ips/assigned') },
      reply: [200, [{ ip: IP, zone: 'us-east' }]],
    },
    {
      label: 'zones → GET …/ips/zones',
      call: (a) => a.ips.zones(),
      request: { method: 'GET', path: acct('/ips/zones') },
      reply: [200, ['us-east']],
      result: ['us-east'],
    },
    {
      label: 'hosts → GET …/ips/hosts',
      call: (a) => a.ips.hosts(),
      request: { method: 'GET', path: acct('/ips/hosts') },
      reply: [200, ['proxy1.us-east.example']],
    },
    {
      label: 'create → PUT /v2/ips; ForbiddenError for anyone but the super-duper admin',
      call: (a) => a.ips.create({ ip: IP, zone: 'us-east', host: 'proxy1.us-east.example' }),
      request: { method: 'PUT', path: '/v2/ips', body: { data: { ip: IP, zone: 'us-east', host: 'proxy1.us-east.example' } } },
      reply: { status: 403, raw: { status: 'error', error: '403', message: 'forbidden', data: {} } },
      error: ForbiddenError,
    },
    {
      label: 'add an IP another account holds → BadRequestError (cb_ips:validate_error_assigned/3)',
      call: (a) => a.ips.add(IP),
      request: { method: 'POST', path: acct(`/ips/${IP}`) },
      reply: {
        status: 400,
        raw: {
          status: 'error',
          error: '400',
          message: 'validation error',
          data: { 'ips.0': { forbidden: { message: 'ip assigned to another account', value: IP } } },
        },
      },
      error: BadRequestError,
    },
  ]);
});

describe('ips validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('assign takes IP addresses, at least one; create needs ip, zone and host', async () => {
    const error = await rejectionOf(client.audian().ips.assign(['not-an-ip']));
    expect(error.issues?.[0]).toMatchObject({ path: 'ips.0' });
    await expect(client.audian().ips.release([])).rejects.toMatchObject({ argument: 'data.ips' });
    const create = await rejectionOf(client.audian().ips.create({ ip: IP, zone: 'us-east' } as never));
    expect(create.issues?.[0]).toMatchObject({ path: 'host', code: 'required' });
    expect(client.server().requests).toHaveLength(0);
  });
});
