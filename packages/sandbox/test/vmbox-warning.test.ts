import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();

const WARNING = '214 Transformation applied: attribute notify_email_address replaced';

describe('vmbox writes with notify_email_addresses (cb_vmboxes:maybe_migrate_notification_emails/1)', () => {
  it('answers PUT and POST that carry a non-empty list with the 214 Warning, and others without it', async () => {
    const created = await h.call('PUT', `${h.acct}/vmboxes`, {
      data: { name: 'Warned box', mailbox: '8100', notify_email_addresses: ['a@example.com'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('warning')).toBe(WARNING);
    expect(data(created).notify_email_addresses).toEqual(['a@example.com']);

    // cb_vmboxes:maybe_migrate_vm_box/1: an empty list (or none) is no transformation.
    const empty = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Quiet box', mailbox: '8101', notify_email_addresses: [] } });
    expect(empty.status).toBe(201);
    expect(empty.headers.get('warning')).toBeNull();

    const posted = await h.call('POST', `${h.acct}/vmboxes/${data(empty).id}`, {
      data: { name: 'Quiet box', mailbox: '8101', notify_email_addresses: ['b@example.com'] },
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('warning')).toBe(WARNING);
    expect((await h.call('GET', `${h.acct}/vmboxes/${data(empty).id}`)).headers.get('warning')).toBeNull();
  });

  it('warns on a PATCH whose merged document carries the list (crossbar_doc:patch_and_validate/3)', async () => {
    const box = data(
      await h.call('PUT', `${h.acct}/vmboxes`, {
        data: { name: 'Patched box', mailbox: '8102', notify_email_addresses: ['c@example.com'] },
      }),
    );
    const renamed = await h.call('PATCH', `${h.acct}/vmboxes/${box.id}`, { data: { name: 'Patched box 2' } });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('warning')).toBe(WARNING);
    const cleared = await h.call('PATCH', `${h.acct}/vmboxes/${box.id}`, { data: { notify_email_addresses: [] } });
    expect(cleared.status).toBe(200);
    expect(cleared.headers.get('warning')).toBeNull();
  });

  it('sends no Warning with a 400: the context headers are set on success only (api_util:default_stop/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'No mailbox', notify_email_addresses: ['d@example.com'] } });
    expect(r.status).toBe(400);
    expect(r.headers.get('warning')).toBeNull();
  });
});

describe('mailbox numbers that are not whole numbers (cb_vmboxes:check_uniqueness/2,3)', () => {
  it('accepts a mailbox kz_term:to_integer/1 cannot read: it is looked up as undefined and clashes with nothing', async () => {
    const letters = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 82a', mailbox: '82a' } });
    expect(letters.status).toBe(201);
    expect(data(letters).mailbox).toBe('82a');
  });

  it('lists a box by parseInt(mailbox) (vmboxes/listing_by_mailbox): 82a holds 82', async () => {
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 82', mailbox: '82' } });
    expect(r.status).toBe(400);
    expect(r.body.data).toEqual({ mailbox: { unique: { message: 'Invalid mailbox number or already exists' } } });
  });

  it('looks a decimal up rounded (kz_term:to_integer/1 rounds a float) but lists it truncated', async () => {
    expect((await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 8300', mailbox: '8300' } })).status).toBe(201);
    // 8299.5 is looked up as 8300: taken.
    const rounded = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 8299.5', mailbox: '8299.5' } });
    expect(rounded.status).toBe(400);
    expect(rounded.body.data).toEqual({ mailbox: { unique: { message: 'Invalid mailbox number or already exists' } } });
    // 8400.4 is looked up as 8400 (free) and listed as 8400, so 8400 is taken afterwards.
    expect((await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 8400.4', mailbox: '8400.4' } })).status).toBe(201);
    expect((await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box 8400', mailbox: '8400' } })).status).toBe(400);
  });
});
