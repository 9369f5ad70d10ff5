import { ForbiddenError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, acct, rejectionOf, scriptedClient, wireCases } from './wire';

const ALERT = 'a1e2a1e2a1e2a1e2a1e2a1e2a1e2a1e2';
const alert = {
  id: ALERT,
  title: 'Maintenance tonight',
  message: 'Calls may drop between 02:00 and 02:05 UTC',
  category: 'system',
  from: [{ type: 'account', value: ACCOUNT }],
  to: [{ type: 'account', value: ACCOUNT }],
  clearable: true,
};

describe('alerts on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/alerts',
      call: (a) => a.alerts.list(),
      request: { method: 'GET', path: acct('/alerts') },
      reply: [200, [alert]],
      result: (page: unknown) => expect((page as { data: unknown[] }).data).toEqual([alert]),
    },
    {
      label: 'create → PUT …/alerts',
      call: (a) => a.alerts.create({ title: alert.title, message: alert.message, from: alert.from, to: alert.to }),
      request: {
        method: 'PUT',
        path: acct('/alerts'),
        body: { data: { title: alert.title, message: alert.message, from: alert.from, to: alert.to } },
      },
      reply: [201, alert],
    },
    {
      label: 'create by a login that is not a super admin rejects with ForbiddenError',
      call: (a) => a.alerts.create({ title: 't', message: 'm', from: [], to: [] }),
      request: { method: 'PUT', path: acct('/alerts') },
      reply: { status: 403, raw: { status: 'error', error: '403', message: 'forbidden', data: { message: 'forbidden' } } },
      error: ForbiddenError,
    },
    {
      label: 'get → GET …/alerts/{id}',
      call: (a) => a.alerts.get(ALERT),
      request: { method: 'GET', path: acct(`/alerts/${ALERT}`) },
      reply: [200, alert],
      result: alert,
    },
    {
      label: 'delete → DELETE …/alerts/{id}',
      call: (a) => a.alerts.delete(ALERT),
      request: { method: 'DELETE', path: acct(`/alerts/${ALERT}`) },
      reply: [200, alert],
    },
  ]);
});

describe('alert validation', () => {
  const { client } = scriptedClient();

  it('an alert needs a title, a message and its parties', async () => {
    const error = await rejectionOf(client.audian().alerts.create({ message: 'm', from: [], to: [] } as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'title' });
    expect(client.server().requests).toHaveLength(0);
  });
});
