import { ApiError, BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '@audian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, setup } from './context';

// The faxes and notifications resources of the SDK against the sandbox, in an account of their own.
let ctx: Context;
beforeAll(async () => {
  ctx = await setup();
});
afterAll(() => ctx.sandbox.stop());

const PDF = new TextEncoder().encode('%PDF-1.4\n% sandbox fax\n%%EOF\n');

describe('faxes through the SDK', () => {
  it('sendDocument: the job is pending, in the outbox, and its document downloads as sent', async () => {
    const { faxes } = ctx.audian;
    const job = await faxes.sendDocument(
      { from_number: '+14155550100', to_number: '+14155550199', from_name: 'Front desk' },
      PDF,
      'application/pdf',
    );
    expect(job.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    expect(job).toMatchObject({ to_number: '+14155550199', from_name: 'Front desk', attempts: 0 });

    expect(await faxes.outgoing.get(job.id)).toMatchObject({ id: job.id, status: 'pending' });
    expect((await faxes.outgoing.list().toArray()).map((f) => f.id)).toContain(job.id);
    const sent = await faxes.outbox.list().toArray();
    expect(sent.find((f) => f.id === job.id)).toMatchObject({ status: 'pending', to: '+14155550199', from: '+14155550100' });
    expect(await faxes.outbox.get(job.id)).toMatchObject({ from_name: 'Front desk' });

    const file = await faxes.outbox.attachment(job.id);
    expect(file.contentType).toBe('application/pdf');
    expect(file.fileName).toMatch(/^fax_document_.*\.pdf$/);
    expect(await file.bytes()).toEqual(PDF);

    expect(await faxes.inbox.list().toArray()).toEqual([]);
    expect(await faxes.smtplog.list().toArray()).toEqual([]);
  });

  it('send (by URL), resubmit, deleteAttachment and delete', async () => {
    const { faxes } = ctx.audian;
    const job = await faxes.send({ from_number: '+14155550100', to_number: '4155550123', document: { url: 'https://example.com/a.pdf' } });
    expect(job).toMatchObject({ to_number: '+14155550123', document: { url: 'https://example.com/a.pdf', method: 'get' } });
    await expect(faxes.outbox.attachment(job.id)).rejects.toBeInstanceOf(NotFoundError);

    const withFile = await faxes.sendDocument({ from_number: '+14155550100', to_number: '+14155550124' }, PDF, 'application/pdf');
    const again = await faxes.outbox.resubmit(withFile.id, { to_number: '+14155550125' });
    expect(again.id).not.toBe(withFile.id);
    expect(await faxes.outgoing.get(again.id)).toMatchObject({ to_number: '+14155550125', status: 'pending' });
    expect(await (await faxes.outbox.attachment(again.id)).bytes()).toEqual(PDF);

    await faxes.outbox.deleteAttachment(withFile.id);
    await expect(faxes.outbox.attachment(withFile.id)).rejects.toBeInstanceOf(NotFoundError);
    await faxes.outbox.delete(withFile.id);
    await expect(faxes.outbox.get(withFile.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(faxes.inbox.forward(`202401-${'a'.repeat(32)}`)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('server-side validation reaches the caller as BadRequestError', async () => {
    const error = await ctx.audian.faxes
      .sendDocument({ from_number: '+14155550100', to_number: '12' }, PDF, 'application/pdf')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
  });
});

describe('notifications through the SDK', () => {
  it('lists the system notifications and reads one with its templates', async () => {
    const { notifications } = ctx.audian;
    const ids = (await notifications.list().toArray()).map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['voicemail_to_email', 'missed_call', 'deregister', 'password_recovery']));
    const vm = await notifications.get('voicemail_to_email');
    expect(vm.account_overridden).toBeUndefined();
    expect(await notifications.template('voicemail_to_email', 'text/plain')).toContain('{{caller_id.number}}');
    expect((await notifications.listSystem().toArray()).map((n) => n.id)).toContain('missed_call');
    expect((await notifications.getSystem('missed_call')).id).toBe('missed_call');
    await expect(notifications.get('no_such_notification')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      notifications.createSystem({ id: 'mine', from: 'a@example.com', subject: 'x', to: { type: 'original' } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('customises a notification: create, templates, update, delete', async () => {
    const { notifications } = ctx.audian;
    const base = await notifications.getSystem('voicemail_to_email');
    const created = await notifications.create({ ...base, subject: 'Voicemail from {{caller_id.name}}' });
    expect(created).toMatchObject({ id: 'voicemail_to_email', subject: 'Voicemail from {{caller_id.name}}' });
    await expect(notifications.create({ ...base })).rejects.toBeInstanceOf(ConflictError);
    expect(await notifications.get('voicemail_to_email')).toMatchObject({ account_overridden: true });

    await notifications.updateTemplate('voicemail_to_email', 'text/html', '<p>{{caller_id.number}} left a message</p>');
    expect(await notifications.template('voicemail_to_email', 'text/html')).toBe('<p>{{caller_id.number}} left a message</p>');
    const updated = await notifications.update('voicemail_to_email', {
      from: 'pbx@example.com',
      subject: 'New voicemail',
      to: { type: 'original' },
    });
    expect(updated).toMatchObject({ from: 'pbx@example.com', subject: 'New voicemail' });

    await notifications.delete('voicemail_to_email');
    const restored = await notifications.get('voicemail_to_email');
    expect(restored.account_overridden).toBeUndefined();
    expect(restored.subject).toBe(base.subject);
    await expect(notifications.delete('voicemail_to_email')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('previews into the SMTP log; forceSystem and deleteCustomizations', async () => {
    const { notifications } = ctx.audian;
    await notifications.preview('missed_call', {
      from: 'pbx@example.com',
      subject: 'Missed call in {{account.name}}',
      to: { type: 'specified', email_addresses: ['ada@example.com'] },
      plain: 'You missed a call.',
    });
    const logs = await notifications.smtpLogs().toArray();
    const entry = logs.find((l) => l.template_id === 'missed_call');
    expect(entry).toMatchObject({ to: 'ada@example.com', from: 'pbx@example.com', subject: `Missed call in ${ctx.account.accountName}` });
    expect(await notifications.smtpLog(String(entry?.id))).toMatchObject({ rendered_templates: { 'text/plain': 'You missed a call.' } });
    await expect(notifications.preview('missed_call', { subject: 'no sender' })).rejects.toBeInstanceOf(BadRequestError);

    expect(await notifications.forceSystem()).toMatchObject({ deregister: 'replaced' });
    expect((await notifications.list().toArray()).every((n) => n.account_overridden === true)).toBe(true);
    expect(await notifications.deleteCustomizations()).toMatchObject({ deregister: 'deleted' });
    expect((await notifications.list().toArray()).some((n) => n.account_overridden)).toBe(false);

    // A notification of the account's own has no template until one is uploaded.
    const mine = await notifications.create({
      id: 'weekly_report',
      from: 'pbx@example.com',
      subject: 'Weekly report',
      to: { type: 'admins' },
    });
    expect(mine.id).toBe('weekly_report');
    expect(await notifications.get('weekly_report')).toMatchObject({ account_defined: true });
    const missing = await notifications.template('weekly_report', 'text/html').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect((missing as ApiError).status).toBe(406);
  });
});
