import { describe, expect, it } from 'vitest';
import { type Doc, data, multipart, request, useHarness } from './helpers';

const h = useHarness();
const list = (r: { body: { data?: unknown } }) => r.body.data as Doc[];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('faxes', () => {
  it('sends a fax with its document (multipart): 202, pending, listed, and the document served back as sent', async () => {
    const sent = await h.call(
      'PUT',
      `${h.acct}/faxes/outgoing`,
      multipart({ data: { from_number: '+14155550100', to_number: '4155550199' } }, PDF, 'application/pdf'),
    );
    expect(sent.status).toBe(202);
    const fax = data(sent);
    expect(fax.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    expect(fax).toMatchObject({ from_number: '+14155550100', to_number: '+14155550199', attempts: 0, retries: 1, folder: 'outbox' });
    expect(fax.tx_result).toMatchObject({ success: false, pages_sent: 0, error_message: '' });

    const job = data(await h.call('GET', `${h.acct}/faxes/outgoing/${fax.id}`));
    expect(job).toMatchObject({ id: fax.id, status: 'pending', to_number: '+14155550199' });
    expect(typeof job.created).toBe('number');
    expect(list(await h.call('GET', `${h.acct}/faxes/outgoing`))).toContainEqual(
      expect.objectContaining({ id: fax.id, status: 'pending', to: '+14155550199', from: '+14155550100', attempts: 0 }),
    );
    const outbox = list(await h.call('GET', `${h.acct}/faxes/outbox`));
    expect(outbox.find((f) => f.id === fax.id)).toMatchObject({ status: 'pending', to: '+14155550199', folder: 'outbox' });
    expect(data(await h.call('GET', `${h.acct}/faxes/outbox/${fax.id}`))).toMatchObject({ id: fax.id, from_number: '+14155550100' });

    const res = await fetch(`${h.sandbox.url}${h.acct}/faxes/outbox/${fax.id}/attachment`, { headers: { 'x-auth-token': h.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=fax_document_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.pdf$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('sends by URL (JSON, PUT /faxes) and validates as Crossbar does', async () => {
    const byUrl = await h.call('PUT', `${h.acct}/faxes`, {
      data: { from_number: '+14155550100', to_number: '+14155550123', document: { url: 'https://example.com/fax.pdf' } },
    });
    expect(byUrl.status).toBe(202);
    expect(data(byUrl).document).toEqual({ url: 'https://example.com/fax.pdf', method: 'get' });
    // Nothing is fetched from the URL: there is no document to download.
    expect((await h.call('GET', `${h.acct}/faxes/outbox/${data(byUrl).id}/attachment`)).status).toBe(404);

    const noDocument = await h.call('PUT', `${h.acct}/faxes`, { data: { from_number: '+14155550100', to_number: '+14155550123' } });
    expect(noDocument.status).toBe(400);
    expect(noDocument.body.data).toEqual({ 'document.url': { required: { message: 'add document url or upload a document' } } });
    const noTo = await h.call('PUT', `${h.acct}/faxes`, { data: { from_number: '+1', document: { url: 'https://example.com/a.pdf' } } });
    expect(noTo.status).toBe(400);
    expect(noTo.body.data).toHaveProperty('to_number.required');
    const badUrl = await h.call('PUT', `${h.acct}/faxes`, {
      data: { from_number: '1', to_number: '+14155550123', document: { url: 'ftp://x' } },
    });
    expect(badUrl.body.data).toHaveProperty(['document.url', 'pattern']);
    const badNumber = await h.call(
      'PUT',
      `${h.acct}/faxes`,
      multipart({ data: { from_number: '1', to_number: '12' } }, PDF, 'application/pdf'),
    );
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.data).toHaveProperty(['document.to_number', 'required']);
  });

  it('resubmits from the outbox (a new pending job with the document), removes the document, then the fax', async () => {
    const tiff = Buffer.from([0x49, 0x49, 0x2a, 0x00, 1, 2, 3]);
    const fax = data(
      await h.call(
        'PUT',
        `${h.acct}/faxes`,
        multipart({ data: { from_number: '+14155550100', to_number: '+14155550111' } }, tiff, 'image/tiff'),
      ),
    );

    expect((await h.call('PUT', `${h.acct}/faxes/outbox/${fax.id}`, { data: {} })).body.message).toBe('action required');
    const again = await h.call('PUT', `${h.acct}/faxes/outbox/${fax.id}`, {
      envelope: { action: 'resubmit' },
      data: { to_number: '+14155550112' },
    });
    expect(again.status).toBe(200);
    const copy = data(again);
    expect(copy.id).not.toBe(fax.id);
    expect(copy).toMatchObject({ to_number: '+14155550112', from_number: '+14155550100', attempts: 0 });
    expect(data(await h.call('GET', `${h.acct}/faxes/outgoing/${copy.id}`)).status).toBe('pending');
    const copied = await fetch(`${h.sandbox.url}${h.acct}/faxes/outbox/${copy.id}/attachment`, { headers: { 'x-auth-token': h.token } });
    expect(copied.headers.get('content-type')).toBe('image/tiff');
    expect(Buffer.from(await copied.arrayBuffer()).equals(tiff)).toBe(true);

    expect((await h.call('DELETE', `${h.acct}/faxes/outbox/${fax.id}/attachment`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/faxes/outbox/${fax.id}/attachment`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/faxes/outbox/${fax.id}`)).status).toBe(200);
    const removed = await h.call('DELETE', `${h.acct}/faxes/outbox/${fax.id}`);
    expect(data(removed)).toMatchObject({ id: fax.id, _read_only: { deleted: true } });
    expect((await h.call('GET', `${h.acct}/faxes/outbox/${fax.id}`)).status).toBe(404);
    expect(list(await h.call('GET', `${h.acct}/faxes/outbox`)).map((f) => f.id)).not.toContain(fax.id);
  });

  it('keeps folders apart, serves the empty inbox and SMTP log, and refuses verbs and paths Crossbar lacks', async () => {
    const fax = data(
      await h.call('PUT', `${h.acct}/faxes`, multipart({ data: { from_number: '1', to_number: '+14155550100' } }, PDF, 'application/pdf')),
    );
    const wrongFolder = await h.call('GET', `${h.acct}/faxes/inbox/${fax.id}`);
    expect(wrongFolder.status).toBe(500);
    expect(wrongFolder.body.message).toBe('document is not in folder inbox');
    expect(list(await h.call('GET', `${h.acct}/faxes/inbox`))).toEqual([]);
    expect(list(await h.call('GET', `${h.acct}/faxes/incoming`))).toEqual([]);
    expect(list(await h.call('GET', `${h.acct}/faxes/smtplog`))).toEqual([]);
    expect((await h.call('GET', `${h.acct}/faxes/smtplog/${'a'.repeat(32)}`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/faxes/outgoing/${'0'.repeat(32)}`)).body.message).toBe('bad_identifier');

    expect((await h.call('GET', `${h.acct}/faxes`)).status).toBe(405);
    expect((await h.call('DELETE', `${h.acct}/faxes/outgoing/${fax.id}`)).status).toBe(405);
    expect((await h.call('PUT', `${h.acct}/faxes/outbox/${fax.id}/attachment`, { data: {} })).status).toBe(405);
    expect((await h.call('GET', `${h.acct}/faxes/drafts`)).status).toBe(404);
  });
});

const NOTES = `/notifications`;

describe('notifications', () => {
  it('lists the system notifications an account may customise, and reads one with its templates', async () => {
    const all = list(await h.call('GET', `${h.acct}${NOTES}`));
    const ids = all.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['voicemail_to_email', 'missed_call', 'deregister', 'password_recovery', 'new_user']));
    // The seeded login is the super-duper admin: `system` notifications are listed for it (cb_notifications:normalize_available_admin/2).
    expect(ids).toContain('system_alert');
    expect(all.find((n) => n.id === 'voicemail_to_email')).toMatchObject({ category: 'voicemail', enabled: true });
    expect(all.some((n) => n.account_overridden)).toBe(false);

    const vm = await h.call('GET', `${h.acct}${NOTES}/voicemail_to_email`);
    expect(vm.status).toBe(200);
    expect(data(vm)).toMatchObject({ id: 'voicemail_to_email', to: { type: 'original' }, template_charset: 'utf-8' });
    expect(data(vm)).not.toHaveProperty('account_overridden');
    expect(data(vm).macros).toHaveProperty(['caller_id.number']);
    const plain = await h.call('GET', `${h.acct}${NOTES}/voicemail_to_email`, { headers: { accept: 'text/plain' } });
    expect(plain.headers.get('content-type')).toBe('text/plain');
    expect(plain.text).toContain('{{caller_id.number}}');
    expect((data(vm).templates as Record<string, { length: number }>)['text/plain']?.length).toBe(Buffer.byteLength(plain.text));
    expect((await h.call('GET', `${h.acct}${NOTES}/no_such_thing`)).status).toBe(404);
  });

  it('creates, updates and removes an account customisation (system macros kept, templates read back)', async () => {
    const custom = {
      id: 'voicemail_to_email',
      from: 'pbx@example.com',
      subject: 'Voicemail for {{user.first_name}}',
      to: { type: 'original' },
      macros: { x: {} },
    };
    const created = await h.call('PUT', `${h.acct}${NOTES}`, { data: custom });
    expect(created.status).toBe(201);
    expect(data(created)).toMatchObject({ id: 'voicemail_to_email', from: 'pbx@example.com', enabled: true, template_charset: 'utf-8' });
    expect(data(created).macros).not.toHaveProperty('x');
    expect(data(created).macros).toHaveProperty(['voicemail.vmbox_id']);
    expect((await h.call('PUT', `${h.acct}${NOTES}`, { data: custom })).status).toBe(409);
    expect(list(await h.call('GET', `${h.acct}${NOTES}`)).find((n) => n.id === 'voicemail_to_email')).toMatchObject({
      account_overridden: true,
    });
    expect(data(await h.call('GET', `${h.acct}${NOTES}/voicemail_to_email`))).toMatchObject({
      account_overridden: true,
      subject: custom.subject,
    });

    const invalid = await h.call('PUT', `${h.acct}${NOTES}`, { data: { id: 'missed_call', subject: 'x', to: {} } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.data).toHaveProperty('from.required');

    const html = '<p>New message from {{caller_id.number}}</p>';
    const upload = await h.call('POST', `${h.acct}${NOTES}/voicemail_to_email`, { raw: html, headers: { 'content-type': 'text/html' } });
    expect(upload.status).toBe(200);
    const back = await h.call('GET', `${h.acct}${NOTES}/voicemail_to_email?accept=text/html`);
    expect(back.text).toBe(html);
    expect(back.headers.get('content-disposition')).toBe('attachment; filename=voicemail_to_email.html');

    const updated = await h.call('POST', `${h.acct}${NOTES}/voicemail_to_email`, { data: { ...custom, enabled: false } });
    expect(data(updated)).toMatchObject({ enabled: false, from: 'pbx@example.com' });

    const removed = await h.call('DELETE', `${h.acct}${NOTES}/voicemail_to_email`);
    expect(data(removed)).toMatchObject({ id: 'voicemail_to_email', from: 'pbx@example.com' });
    const system = data(await h.call('GET', `${h.acct}${NOTES}/voicemail_to_email`));
    expect(system).not.toHaveProperty('account_overridden');
    expect(system.from).toBe('no_reply@sandbox.local');
    expect((await h.call('DELETE', `${h.acct}${NOTES}/voicemail_to_email`)).status).toBe(404);
  });

  it('a template upload or an update customises a system notification; a missing template format is 406', async () => {
    const plain = 'Missed a call from {{caller_id.number}}';
    expect((await h.call('POST', `${h.acct}${NOTES}/missed_call`, { raw: plain, headers: { 'content-type': 'text/plain' } })).status).toBe(
      200,
    );
    expect(data(await h.call('GET', `${h.acct}${NOTES}/missed_call`))).toMatchObject({ account_overridden: true, category: 'sip' });
    expect((await h.call('GET', `${h.acct}${NOTES}/missed_call`, { headers: { accept: 'text/plain' } })).text).toBe(plain);

    const noHtml = await h.call('DELETE', `${h.acct}${NOTES}/missed_call`, { headers: { 'content-type': 'text/html' } });
    expect(noHtml.status).toBe(200);
    expect((await h.call('GET', `${h.acct}${NOTES}/missed_call`, { headers: { accept: 'text/html' } })).status).toBe(406);
    expect((await h.call('DELETE', `${h.acct}${NOTES}/missed_call`, { headers: { 'content-type': 'text/html' } })).status).toBe(404);

    const dereg = await h.call('POST', `${h.acct}${NOTES}/deregister`, {
      data: { from: 'ops@example.com', subject: 'Phone offline', to: { type: 'admins' } },
    });
    expect(dereg.status).toBe(200);
    expect(data(dereg)).toMatchObject({ id: 'deregister', subject: 'Phone offline' });
    expect(data(await h.call('GET', `${h.acct}${NOTES}/deregister`))).toMatchObject({ account_overridden: true, subject: 'Phone offline' });
    expect((await h.call('POST', `${h.acct}${NOTES}/nope`, { data: { from: 'a', subject: 'b', to: {} } })).status).toBe(404);
  });

  it('previews: validates, answers 202, and logs the rendered message in the SMTP log', async () => {
    const bad = await h.call('POST', `${h.acct}${NOTES}/new_user/preview`, { data: { subject: 'Hi' } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('from.required');
    const sent = await h.call('POST', `${h.acct}${NOTES}/new_user/preview`, {
      data: {
        from: 'hello@example.com',
        subject: 'Welcome to {{account.name}}',
        to: { type: 'specified', email_addresses: ['ada@example.com'] },
        plain: 'Hi from {{account.name}}',
        html: Buffer.from('<b>{{account.name}}</b>').toString('base64'),
      },
    });
    expect(sent.status).toBe(202);
    expect(sent.body.data).toBe('Notification processing');
    const logs = list(await h.call('GET', `${h.acct}${NOTES}/smtplog`));
    const entry = logs.find((l) => l.template_id === 'new_user');
    expect(entry).toMatchObject({ from: 'hello@example.com', to: 'ada@example.com', subject: 'Welcome to Sandbox Reseller' });
    const full = data(await h.call('GET', `${h.acct}${NOTES}/smtplog/${entry?.id}`));
    expect(full.rendered_templates).toEqual({ 'text/plain': 'Hi from Sandbox Reseller', 'text/html': '<b>Sandbox Reseller</b>' });
    expect((await h.call('GET', `${h.acct}${NOTES}/smtplog/not-a-log`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}${NOTES}/new_user/preview`)).status).toBe(405);
  });

  it('force_system and remove_customizations act on every notification of the account', async () => {
    const forced = await h.call('PUT', `${h.acct}${NOTES}`, { envelope: { action: 'force_system' }, data: {} });
    expect(forced.status).toBe(200);
    expect(data(forced)).toMatchObject({ voicemail_to_email: 'replaced', missed_call: 'replaced' });
    expect(list(await h.call('GET', `${h.acct}${NOTES}`)).every((n) => n.account_overridden === true)).toBe(true);
    const removed = await h.call('DELETE', `${h.acct}${NOTES}`, { envelope: { action: 'remove_customizations' }, data: {} });
    expect(data(removed)).toMatchObject({ voicemail_to_email: 'deleted', deregister: 'deleted' });
    expect(list(await h.call('GET', `${h.acct}${NOTES}`)).some((n) => n.account_overridden)).toBe(false);
    expect(data(await h.call('DELETE', `${h.acct}${NOTES}`, { envelope: { action: 'remove_customizations' }, data: {} }))).toEqual({
      message: 'no template customization(s) found',
    });
    const unknown = await h.call('PUT', `${h.acct}${NOTES}`, { envelope: { action: 'shuffle' }, data: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.data).toEqual({ shuffle: { forbidden: { cause: 'shuffle', message: 'Unknown mutation action' } } });
  });

  it('GET /v2/notifications[/{ID}] for any login; every row marked account_overridden (cb_notifications:authorize/3, summary_account/1, merge_available/2)', async () => {
    const system = list(await h.call('GET', '/v2/notifications'));
    expect(system.map((n) => n.id)).toEqual(expect.arrayContaining(['password_recovery', 'system_alert']));
    expect(system.every((n) => n.account_overridden === true)).toBe(true);
    expect(data(await h.call('GET', '/v2/notifications/password_recovery'))).toMatchObject({ id: 'password_recovery', category: 'user' });
    const plain = await h.call('GET', '/v2/notifications/password_recovery', { headers: { accept: 'text/plain' } });
    expect(plain.text).toContain('{{link}}');
    expect((await h.call('GET', '/v2/notifications/unknown')).status).toBe(404);
    expect((await h.call('GET', '/v2/notifications', { token: null })).status).toBe(401);
  });

  it('a sub-account login reads /v2/notifications without system ones, and may not change them (cb_notifications:authorize/3, normalize_available_non_admin/3)', async () => {
    const child = await h.call('PUT', h.acct, { data: { name: 'Notifications Tenant' } });
    const childId = data(child).id;
    const key = data(await h.call('GET', `/v2/accounts/${childId}/api_key`)).api_key as string;
    const token = await h.login(key);
    const as = (method: string, path: string, options = {}) => request(h.sandbox, method, path, options, token);
    const ids = list(await as('GET', '/v2/notifications')).map((n) => n.id);
    expect(ids).toContain('password_recovery');
    expect(ids).not.toContain('system_alert');
    expect(list(await as('GET', `/v2/accounts/${childId}${NOTES}`)).map((n) => n.id)).not.toContain('system_alert');
    expect((await as('GET', '/v2/notifications/password_recovery')).status).toBe(200);
    const body = { data: { id: 'tenant_news', from: 'a@example.com', subject: 'b', to: { type: 'admins' } } };
    expect((await as('PUT', '/v2/notifications', body)).status).toBe(403);
    expect((await as('POST', '/v2/notifications/password_recovery', body)).status).toBe(403);
    expect((await as('DELETE', '/v2/notifications/password_recovery')).status).toBe(403);
  });

  it('PUT /v2/notifications: the super-duper admin adds a system notification; 400 invalid, 409 taken, 400 with an action (cb_notifications:validate_action/4, handle_missing_system_config_notification/3)', async () => {
    const invalid = await h.call('PUT', '/v2/notifications', { data: { id: 'ops_digest', subject: 'x', to: {} } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.data).toHaveProperty('from.required');
    const taken = await h.call('PUT', '/v2/notifications', { data: { id: 'new_user', from: 'a@example.com', subject: 'b', to: {} } });
    expect(taken.status).toBe(409);
    const action = await h.call('PUT', '/v2/notifications', { envelope: { action: 'force_system' }, data: {} });
    expect(action.status).toBe(400);
    expect(action.body.data).toEqual({
      force_system: { forbidden: { message: 'Can not perform mutation action on top-level notification templates' } },
    });

    const digest = {
      id: 'ops_digest',
      category: 'system',
      friendly_name: 'Ops Digest',
      from: 'ops@example.com',
      subject: 'Digest',
      to: { type: 'admins' },
    };
    const created = await h.call('PUT', '/v2/notifications', { data: { ...digest, macros: { x: {} } } });
    expect(created.status).toBe(201);
    expect(data(created)).toMatchObject({ id: 'ops_digest', from: 'ops@example.com' });
    // A notification the system lacked gets customer_update's macros (cb_notifications:set_system_macros/1).
    expect(data(created).macros).not.toHaveProperty('x');
    expect(data(created).macros).toHaveProperty(['account.name']);
    expect((await h.call('PUT', '/v2/notifications', { data: digest })).status).toBe(409);
    expect(data(await h.call('GET', '/v2/notifications/ops_digest'))).toMatchObject({
      id: 'ops_digest',
      category: 'system',
      templates: {},
    });
    expect(list(await h.call('GET', '/v2/notifications')).map((n) => n.id)).toContain('ops_digest');
    // Accounts inherit it, as a notification of the system's (cb_notifications:read_system_for_account/3).
    expect(data(await h.call('GET', `${h.acct}${NOTES}/ops_digest`))).toMatchObject({ id: 'ops_digest', friendly_name: 'Ops Digest' });
  });

  it('a PUT without id passes the schema, then fails the system config lookup of an undefined id: 503 datastore fatal error, nothing stored (cb_notifications:on_successful_validation/2, kz_couch_doc:do_fetch_doc/3)', async () => {
    const body = { from: 'ops@example.com', subject: 'No id', to: { type: 'admins' } };
    for (const path of [`${h.acct}${NOTES}`, '/v2/notifications']) {
      const before = list(await h.call('GET', path)).length;
      const invalid = await h.call('PUT', path, { data: { subject: 'x', to: {} } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.data).toHaveProperty('from.required');
      expect(invalid.body.data).not.toHaveProperty('id');
      const fatal = await h.call('PUT', path, { data: body });
      expect(fatal.status).toBe(503);
      expect(fatal.body).toMatchObject({ error: '503', message: 'datastore fatal error', data: {} });
      expect(list(await h.call('GET', path))).toHaveLength(before);
    }
  });

  it('POST /v2/notifications/{ID} changes the system document and template accounts inherit; 404 unknown; DELETE always 400 (cb_notifications:maybe_update/2, update_template/3, disallow_delete/2)', async () => {
    const change = { from: 'noc@example.com', subject: 'Lost {{last_registration.username}}', to: { type: 'admins' }, macros: { x: {} } };
    expect((await h.call('POST', '/v2/notifications/nope', { data: change })).status).toBe(404);
    const bad = await h.call('POST', '/v2/notifications/deregister', { data: { subject: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('from.required');
    const updated = await h.call('POST', '/v2/notifications/deregister', { data: change });
    expect(updated.status).toBe(200);
    expect(data(updated)).toMatchObject({ id: 'deregister', from: 'noc@example.com' });
    expect(data(updated).macros).toHaveProperty(['last_registration.username']);
    expect(data(updated).macros).not.toHaveProperty('x');
    // load_merge keeps only the private fields: what the request leaves out is gone.
    const stored = data(await h.call('GET', '/v2/notifications/deregister'));
    expect(stored).toMatchObject({ from: 'noc@example.com' });
    expect(stored).not.toHaveProperty('friendly_name');

    const plain = 'Registration lost: {{last_registration.username}}';
    const upload = await h.call('POST', '/v2/notifications/deregister', { raw: plain, headers: { 'content-type': 'text/plain' } });
    expect(upload.status).toBe(200);
    expect((await h.call('GET', '/v2/notifications/deregister', { headers: { accept: 'text/plain' } })).text).toBe(plain);

    // An account without its own copy reads the changed system document and template.
    const inherited = data(await h.call('GET', `${h.acct}${NOTES}/deregister`));
    expect(inherited).toMatchObject({ from: 'noc@example.com' });
    expect(inherited).not.toHaveProperty('account_overridden');
    expect((await h.call('GET', `${h.acct}${NOTES}/deregister`, { headers: { accept: 'text/plain' } })).text).toBe(plain);
    // A customisation copies the changed system document (migrate_template_to_account/2).
    const html = '<p>{{last_registration.username}}</p>';
    await h.call('POST', `${h.acct}${NOTES}/deregister`, { raw: html, headers: { 'content-type': 'text/html' } });
    expect(data(await h.call('GET', `${h.acct}${NOTES}/deregister`))).toMatchObject({ account_overridden: true, from: 'noc@example.com' });
    expect((await h.call('GET', `${h.acct}${NOTES}/deregister`, { headers: { accept: 'text/plain' } })).text).toBe(plain);
    await h.call('DELETE', `${h.acct}${NOTES}/deregister`);

    const del = await h.call('DELETE', '/v2/notifications/deregister');
    expect(del.status).toBe(400);
    expect(del.body.data).toEqual({
      deregister: { forbidden: { target: 'deregister', message: 'Top-level notification template cannot be deleted' } },
    });
    expect((await h.call('GET', '/v2/notifications/deregister')).status).toBe(200);
  });
});
