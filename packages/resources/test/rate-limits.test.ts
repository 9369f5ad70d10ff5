import { ForbiddenError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const DEV = 'de71ce00de71ce00de71ce00de71ce00';
const perDevice = { per_minute: { total_packets: 600, registrations: 30 }, per_second: { total_packets: 20 } };
const limits = { account: { per_minute: { total_packets: 6000 }, per_second: { total_packets: 200 } }, device: perDevice };

describe('rate_limits on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/rate_limits ({} when none are set)',
      call: (a) => a.rate_limits.get(),
      request: { method: 'GET', path: acct('/rate_limits') },
      reply: [200, {}],
      result: {},
    },
    {
      label: 'update → POST …/rate_limits',
      call: (a) => a.rate_limits.update(limits),
      request: { method: 'POST', path: acct('/rate_limits'), body: { data: limits } },
      reply: [200, { ...limits, id: 'rl' }],
    },
    {
      label: 'delete → DELETE …/rate_limits',
      call: (a) => a.rate_limits.delete(),
      request: { method: 'DELETE', path: acct('/rate_limits') },
      reply: [200, {}],
    },
    {
      label: 'device(id).get → GET …/devices/{DEVICE_ID}/rate_limits',
      call: (a) => a.rate_limits.device(DEV).get(),
      request: { method: 'GET', path: acct(`/devices/${DEV}/rate_limits`) },
      reply: [200, perDevice],
      result: perDevice,
    },
    {
      label: 'device(id).update → POST …/devices/{DEVICE_ID}/rate_limits',
      call: (a) => a.rate_limits.device(DEV).update(perDevice),
      request: { method: 'POST', path: acct(`/devices/${DEV}/rate_limits`), body: { data: perDevice } },
      reply: [200, perDevice],
    },
    {
      label: 'device(id).delete → DELETE …/devices/{DEVICE_ID}/rate_limits',
      call: (a) => a.rate_limits.device(DEV).delete(),
      request: { method: 'DELETE', path: acct(`/devices/${DEV}/rate_limits`) },
      reply: [200, {}],
    },
    {
      label: 'a login that is no reseller → ForbiddenError (cb_rate_limits:authorize/1)',
      call: (a) => a.rate_limits.get(),
      request: { method: 'GET', path: acct('/rate_limits') },
      reply: { status: 403, raw: { status: 'error', error: '403', message: 'forbidden', data: {} } },
      error: ForbiddenError,
    },
  ]);
});

describe('rate_limits validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('both account and device limits are required, each with total_packets', async () => {
    const error = await rejectionOf(client.audian().rate_limits.update({ account: limits.account } as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'device', code: 'required' });
    const device = await rejectionOf(
      client
        .audian()
        .rate_limits.device(DEV)
        .update({ per_minute: {}, per_second: { total_packets: 1 } } as never),
    );
    expect(device.issues?.[0]).toMatchObject({ path: 'per_minute.total_packets' });
    expect(client.server().requests).toHaveLength(0);
  });
});
