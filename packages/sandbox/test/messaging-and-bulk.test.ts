import { describe, expect, it } from 'vitest';
import { type Doc, data, useHarness } from './helpers';

const h = useHarness({ demoData: true });
const list = (r: { body: { data?: unknown } }) => r.body.data as Doc[];

const MIME = ['Content-Type: text/plain', '', 'Your table is ready'].join('\r\n');

describe('mms (cb_mms)', () => {
  it('stores an onnet message queued with its MIME body as Body, lists, fetches and deletes it', async () => {
    const sent = await h.call('PUT', `${h.acct}/mms`, { data: { to: '1001', from: '1002', body: MIME } });
    expect(sent.status).toBe(201);
    const message = data(sent);
    expect(message.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    expect(message).toMatchObject({ to: '1001', from: '1002', Body: MIME, route_type: 'onnet' });
    expect(message).not.toHaveProperty('body');
    expect(list(await h.call('GET', `${h.acct}/mms`))).toContainEqual(
      expect.objectContaining({ id: message.id, to: '1001', status: 'queued', direction: 'outbound' }),
    );
    expect(data(await h.call('GET', `${h.acct}/mms/${message.id}`)).Body).toBe(MIME);
    expect((await h.call('DELETE', `${h.acct}/mms/${message.id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/mms/${message.id}`)).status).toBe(404);
  });

  it('refuses a body that is not MIME, and an offnet sender that is not an MMS-enabled number of the account (cb_mms:validate_from/1, number_has_mms_enabled/1)', async () => {
    const plain = await h.call('PUT', `${h.acct}/mms`, { data: { to: '1001', body: 'just text' } });
    expect(plain.status).toBe(400);
    expect(plain.body.data).toEqual({ body: { required: { message: 'add mime encoded body or upload one or more files' } } });
    const stranger = await h.call('PUT', `${h.acct}/mms`, { data: { to: '+14155550199', from: '+19995550000', body: MIME } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.data).toEqual({ from: { invalid: { message: 'number is invalid' } } });
    // The demo account's in-service number, before and after its MMS feature is enabled.
    const own = '+14155550100';
    const disabled = await h.call('PUT', `${h.acct}/mms`, { data: { to: '4155550199', from: own, body: MIME } });
    expect(disabled.status).toBe(400);
    expect(disabled.body.data).toEqual({ from: { forbidden: { message: 'number does not have mms enabled' } } });
    expect((await h.call('PATCH', `${h.acct}/phone_numbers/%2B14155550100`, { data: { mms: { enabled: true } } })).status).toBe(200);
    const offnet = await h.call('PUT', `${h.acct}/mms`, { data: { to: '4155550199', from: own, body: MIME } });
    expect(offnet.status).toBe(201);
    expect(data(offnet)).toMatchObject({ to: '+14155550199', route_type: 'offnet' });
  });
});

describe('bulk (cb_bulk)', () => {
  it('fetches several documents, updates each by its own module’s rules, and reports each outcome by id', async () => {
    const devices = list(await h.call('GET', `${h.acct}/devices`)).slice(0, 2);
    const ids = devices.map((d) => d.id);
    const fetched = await h.call('POST', `${h.acct}/bulk?verb=GET`, { data: { ids } });
    expect(fetched.status).toBe(200);
    expect(list(fetched).map((d) => d.id)).toEqual(ids);

    const updated = await h.call('POST', `${h.acct}/bulk`, { data: { ids, updates: { enabled: false } } });
    expect(updated.body.data).toEqual(Object.fromEntries(ids.map((id) => [id, { status: 'success' }])));
    for (const id of ids) expect(data(await h.call('GET', `${h.acct}/devices/${id}`)).enabled).toBe(false);

    const invalid = await h.call('POST', `${h.acct}/bulk`, { data: { ids: [ids[0]], updates: { enabled: 'sometimes' } } });
    const outcome = (invalid.body.data as Record<string, Doc>)[ids[0] as string];
    expect(outcome).toMatchObject({ status: 'error', error: '400', message: 'validation error' });
    expect(outcome?.data).toHaveProperty('enabled');
  });

  it('follows a group to its members, refuses types it cannot change, and fails on an unknown id', async () => {
    const callflow = list(await h.call('GET', `${h.acct}/callflows`))[0] as Doc;
    const mixed = await h.call('POST', `${h.acct}/bulk`, { data: { ids: [callflow.id], updates: { name: 'x' } } });
    expect((mixed.body.data as Record<string, Doc>)[callflow.id]).toMatchObject({
      status: 'error',
      error: '400',
      message: 'invalid_bulk_type',
      data: { type: 'callflow', message: 'bulk operations do not support documents of type callflow' },
    });
    const group = list(await h.call('GET', `${h.acct}/groups`))[0];
    if (group) {
      const members = Object.keys((data(await h.call('GET', `${h.acct}/groups/${group.id}`)).endpoints as object) ?? {});
      const followed = await h.call('POST', `${h.acct}/bulk`, { data: { ids: [group.id], updates: { call_restriction: {} } } });
      expect(Object.keys(followed.body.data as object).sort()).toEqual([...members].sort());
    }
    const missing = await h.call('POST', `${h.acct}/bulk?verb=GET`, { data: { ids: ['00000000000000000000000000000000'] } });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('bad_identifier');
  });

  it('deletes each document as its module would', async () => {
    const device = data(await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Spare phone' } }));
    const deleted = await h.call('DELETE', `${h.acct}/bulk`, { data: { ids: [device.id] } });
    expect(deleted.body.data).toEqual({ [device.id]: { status: 'success' } });
    expect((await h.call('GET', `${h.acct}/devices/${device.id}`)).status).toBe(404);
  });
});

describe('contact_list (provisioner_contact_list:build/1)', () => {
  it('lists each user’s extension under the user’s name, and drops what is flagged contact_list.exclude', async () => {
    const contacts = list(await h.call('GET', `${h.acct}/contact_list`)) as unknown as { name: string; internal_number?: string }[];
    expect(contacts.length).toBeGreaterThan(0);
    const users = list(await h.call('GET', `${h.acct}/users`));
    const first = users[0] as Doc;
    const name = `${first.first_name} ${first.last_name}`;
    const entry = contacts.find((c) => c.name === name);
    expect(entry?.internal_number).toMatch(/^\d+$/);
    await h.call('PATCH', `${h.acct}/users/${first.id}`, { data: { contact_list: { exclude: true } } });
    const after = list(await h.call('GET', `${h.acct}/contact_list`)) as unknown as { name: string }[];
    expect(after.map((c) => c.name)).not.toContain(name);
  });
});
