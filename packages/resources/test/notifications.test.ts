import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const V = 'voicemail_to_email';
const note = {
  id: V,
  from: 'no_reply@example.com',
  subject: 'New voicemail',
  to: { type: 'original' as const },
  enabled: true,
  brand: 'acme',
};

describe('notifications on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/notifications',
      call: async (a) => (await a.notifications.list()).data,
      request: { method: 'GET', path: acct('/notifications') },
      reply: [200, [{ id: V, category: 'voicemail', account_overridden: true }]],
      result: [{ id: V, category: 'voicemail', account_overridden: true }],
    },
    {
      label: 'get → GET …/notifications/{NOTIFICATION_ID} as JSON',
      call: (a) => a.notifications.get(V),
      request: { method: 'GET', path: acct(`/notifications/${V}`), headers: { accept: 'application/json' } },
      reply: [200, note],
      result: note,
    },
    {
      label: 'create (account override) → PUT …/notifications',
      call: (a) => a.notifications.create(note),
      request: { method: 'PUT', path: acct('/notifications'), body: { data: note } },
      reply: [201, { ...note, account_overridden: true }],
    },
    {
      label: 'update → POST …/notifications/{NOTIFICATION_ID}',
      call: (a) => a.notifications.update(V, note),
      request: { method: 'POST', path: acct(`/notifications/${V}`), body: { data: note } },
      reply: [200, note],
    },
    {
      label: 'delete → DELETE …/notifications/{NOTIFICATION_ID}',
      call: (a) => a.notifications.delete(V),
      request: { method: 'DELETE', path: acct(`/notifications/${V}`) },
      reply: [200, note],
    },
    {
      label: 'template text/html → GET with Accept: text/html, the raw template',
      call: (a) => a.notifications.template(V, 'text/html'),
      request: { method: 'GET', path: acct(`/notifications/${V}`), headers: { accept: 'text/html' } },
      reply: { status: 200, raw: '<p>Hello {{user.first_name}}</p>', headers: { 'content-type': 'text/html' } },
      result: '<p>Hello {{user.first_name}}</p>',
    },
    {
      label: 'template text/plain → GET with Accept: text/plain',
      call: (a) => a.notifications.template(V, 'text/plain'),
      request: { method: 'GET', path: acct(`/notifications/${V}`), headers: { accept: 'text/plain' } },
      reply: { status: 200, raw: 'Hello {{user.first_name}}', headers: { 'content-type': 'text/plain' } },
      result: 'Hello {{user.first_name}}',
    },
    {
      label: 'updateTemplate text/html → POST with Content-Type: text/html and the raw body',
      call: (a) => a.notifications.updateTemplate(V, 'text/html', '<p>New</p>'),
      request: { method: 'POST', path: acct(`/notifications/${V}`), headers: { 'content-type': 'text/html' } },
      reply: [200, note],
    },
    {
      label: 'updateTemplate text/plain → POST with Content-Type: text/plain',
      call: (a) => a.notifications.updateTemplate(V, 'text/plain', 'New'),
      request: { method: 'POST', path: acct(`/notifications/${V}`), headers: { 'content-type': 'text/plain' } },
      reply: [200, note],
    },
    {
      label: 'preview → POST …/notifications/{NOTIFICATION_ID}/preview',
      call: (a) => a.notifications.preview(V, { to: { email_addresses: ['me@example.com'] }, plain: 'Hi', html: 'SGk=' }),
      request: {
        method: 'POST',
        path: acct(`/notifications/${V}/preview`),
        body: { data: { to: { email_addresses: ['me@example.com'] }, plain: 'Hi', html: 'SGk=' } },
      },
      reply: [200, {}],
    },
    {
      label: 'smtpLogs → GET …/notifications/smtplog',
      call: async (a) => (await a.notifications.smtpLogs()).data,
      request: { method: 'GET', path: acct('/notifications/smtplog') },
      reply: [200, [{ id: 'l1', template_id: V, to: 'me@example.com' }]],
      result: [{ id: 'l1', template_id: V, to: 'me@example.com' }],
    },
    {
      label: 'smtpLog → GET …/notifications/smtplog/{SMTP_LOG_ID}',
      call: (a) => a.notifications.smtpLog('l1'),
      request: { method: 'GET', path: acct('/notifications/smtplog/l1') },
      reply: [200, { id: 'l1' }],
    },
    {
      label: 'customerUpdate → POST …/notifications/customer_update/message',
      call: (a) => a.notifications.customerUpdate({ recipient_id: 'acc2', user_type: 'all_users', subject: 'News', plain: 'Hello' }),
      request: {
        method: 'POST',
        path: acct('/notifications/customer_update/message'),
        body: { data: { recipient_id: 'acc2', user_type: 'all_users', subject: 'News', plain: 'Hello' } },
      },
      reply: [200, {}],
    },
    {
      label: 'deleteCustomizations → DELETE …/notifications with action remove_customizations',
      call: (a) => a.notifications.deleteCustomizations(),
      request: { method: 'DELETE', path: acct('/notifications'), body: { action: 'remove_customizations', data: {} } },
      reply: [200, {}],
    },
    {
      label: 'forceSystem → PUT …/notifications with action force_system',
      call: (a) => a.notifications.forceSystem(),
      request: { method: 'PUT', path: acct('/notifications'), body: { action: 'force_system', data: {} } },
      reply: [200, {}],
    },
    {
      label: 'listSystem → GET /v2/notifications',
      call: (a) => a.notifications.listSystem(),
      request: { method: 'GET', path: '/v2/notifications' },
      reply: [200, [{ id: V }]],
    },
    {
      label: 'getSystem → GET /v2/notifications/{NOTIFICATION_ID}',
      call: (a) => a.notifications.getSystem(V),
      request: { method: 'GET', path: `/v2/notifications/${V}` },
      reply: [200, note],
    },
    {
      label: 'createSystem → PUT /v2/notifications',
      call: (a) => a.notifications.createSystem(note),
      request: { method: 'PUT', path: '/v2/notifications', body: { data: note } },
      reply: [201, note],
    },
  ]);
});

describe('notifications validation', () => {
  const wire = useWireServer();

  it('rejects a missing subject and an unknown template format before any request', async () => {
    const { audian, server } = wire();
    await expect(audian.notifications.create({ from: 'a@example.com', to: { type: 'original' } } as never)).rejects.toMatchObject({
      argument: 'data.subject',
    });
    await expect(audian.notifications.createSystem({ from: 'a@example.com', to: {} } as never)).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(audian.notifications.template(V, 'application/pdf' as never)).rejects.toMatchObject({ argument: 'format' });
    await expect(settle(audian.notifications.updateTemplate(V, 'text/csv' as never, 'x'))).rejects.toThrow(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it('updateTemplate sends the template itself, not a JSON envelope', async () => {
    const { audian, server, calls } = wire();
    server.expect({ method: 'POST', path: acct(`/notifications/${V}`), reply: { status: 200, body: { status: 'success', data: {} } } });
    await audian.notifications.updateTemplate(V, 'text/html', '<p>Hi {{user.first_name}}</p>');
    server.assertDone();
    expect(calls()[0]?.text).toBe('<p>Hi {{user.first_name}}</p>');
    expect(calls()[0]?.headers['content-type']).toBe('text/html');
  });

  it('has no patch: Crossbar has no PATCH for notifications', () => {
    const { audian } = wire();
    expect('patch' in audian.notifications).toBe(false);
  });
});

/** Resolves a call's outcome (a listing is awaited for its first page), so its rejection can be asserted. */
function settle(result: unknown): Promise<unknown> {
  return Promise.resolve(result as PromiseLike<unknown>).then((value) => value);
}
