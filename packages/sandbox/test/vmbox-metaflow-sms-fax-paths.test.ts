import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Doc, data, useHarness } from './helpers';

const h = useHarness();

/** Reads a ZIP's central directory and inflates each entry, checking the signatures on the way. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('voicemail messages: ZIP download, copies and moves (cb_vmboxes)', () => {
  let box: Doc;
  let other: Doc;
  let third: Doc;
  const newMessage = async (boxId: string, fields: Record<string, unknown>, audio?: string) => {
    const msg = data(await h.call('PUT', `${h.acct}/vmboxes/${boxId}/messages`, { data: fields }));
    if (audio !== undefined) {
      const up = await h.call('PUT', `${h.acct}/vmboxes/${boxId}/messages/${msg.media_id}/raw`, {
        raw: Buffer.from(audio),
        headers: { 'content-type': 'audio/mpeg' },
      });
      expect(up.status).toBe(200);
    }
    return msg;
  };
  beforeAll(async () => {
    box = data(await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Zip box', mailbox: '7100', timezone: 'Etc/UTC' } }));
    other = data(await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Copy one', mailbox: '7101' } }));
    third = data(await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Copy two', mailbox: '7102' } }));
  });

  it('POST …/messages/raw answers a ZIP of the audio named by generate_media_name/4 (cb_vmboxes:load_messages_binaries/2)', async () => {
    // 63871286400 is 2024-01-01T00:00:00Z in Gregorian seconds.
    const a = await newMessage(box.id, { caller_id_number: '+15550001', timestamp: 63871286400 + 3723 }, 'first audio '.repeat(20));
    const b = await newMessage(box.id, { timestamp: 63871286400 + 59 }, 'second');
    const res = await fetch(`${h.sandbox.url}${h.acct}/vmboxes/${box.id}/messages/raw`, {
      method: 'POST',
      headers: { 'x-auth-token': h.token, 'content-type': 'application/json', accept: 'application/zip' },
      body: JSON.stringify({ data: { messages: [a.media_id, b.media_id] } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=.+\.zip$/);
    const files = unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()]).toEqual(['+15550001_2024-01-01_01:02:03.mp3', 'unknown_2024-01-01_00:00:59.mp3']);
    expect(files.get('+15550001_2024-01-01_01:02:03.mp3')?.toString()).toBe('first audio '.repeat(20));
    expect(files.get('unknown_2024-01-01_00:00:59.mp3')?.toString()).toBe('second');
  });

  it('a ZIP request needs ids, and one without audio leaves nothing to zip: 404 (cb_vmboxes:maybe_create_zip_file/2)', async () => {
    const none = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages/raw`, { data: { messages: [] } });
    expect(none.status).toBe(400);
    expect(none.body.data).toEqual({ messages: { required: { message: 'No array of message ids are specified' } } });
    const silent = await newMessage(box.id, { caller_id_number: '100' });
    const empty = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages/raw`, { data: { messages: [silent.media_id] } });
    expect(empty.status).toBe(404);
    expect(empty.body.error).toBe('404');
    const missingBox = await h.call('POST', `${h.acct}/vmboxes/${'0'.repeat(32)}/messages/raw`, { data: { messages: [silent.media_id] } });
    expect(missingBox.status).toBe(404);
    expect((await h.call('GET', `${h.acct}/vmboxes/${box.id}/messages/raw`)).status).toBe(405);
  });

  it('source_id as a list copies the messages to every box, audio included (kvm_messages:copy_to_vmboxes/5)', async () => {
    const msg = await newMessage(box.id, { caller_id_number: '+15550002', folder: 'saved' }, 'copied audio');
    const copied = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages`, {
      data: { source_id: [other.id, third.id], messages: [msg.media_id, '202001-nope'] },
    });
    expect(copied.status).toBe(200);
    const result = copied.body.data as { succeeded: string[]; failed: Record<string, string> };
    expect(result.failed).toEqual({ '202001-nope': 'not_found' });
    expect(result.succeeded).toHaveLength(2);
    expect(result.succeeded).not.toContain(msg.media_id);
    expect((await h.call('GET', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`)).status).toBe(200);
    for (const [target, mailbox] of [
      [other, '7101'],
      [third, '7102'],
    ] as const) {
      const listed = (await h.call('GET', `${h.acct}/vmboxes/${target.id}/messages`)).body.data as Doc[];
      expect(listed).toHaveLength(1);
      const copy = listed[0] as Doc;
      expect(result.succeeded).toContain(copy.media_id);
      const full = data(await h.call('GET', `${h.acct}/vmboxes/${target.id}/messages/${copy.media_id}`));
      expect(full).toMatchObject({ folder: 'new', caller_id_number: '+15550002', history: [box.id] });
      expect(String(full.to)).toMatch(new RegExp(`^${mailbox}@`));
      const audio = await fetch(`${h.sandbox.url}${h.acct}/vmboxes/${target.id}/messages/${copy.media_id}/raw`, {
        headers: { 'x-auth-token': h.token },
      });
      expect(await audio.text()).toBe('copied audio');
    }
  });

  it('one message copied with POST …/messages/{id} and a source_id list (kvm_message:copy_to_vmboxes/5)', async () => {
    const msg = await newMessage(box.id, { caller_id_number: '+15550003' });
    const copied = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`, { data: { source_id: [third.id] } });
    expect(copied.status).toBe(200);
    const ids = (copied.body.data as { succeeded: string[] }).succeeded;
    expect(ids).toHaveLength(1);
    expect((await h.call('GET', `${h.acct}/vmboxes/${third.id}/messages/${ids[0]}`)).status).toBe(200);
    const empty = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`, { data: { source_id: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.data).toHaveProperty('source_id.required');
    const unknown = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`, {
      data: { source_id: [third.id, '0'.repeat(32)] },
    });
    expect(unknown.status).toBe(404);
  });

  it('source_id as a string moves the listed messages into that box (kvm_messages:move_to_vmbox/5)', async () => {
    const msg = await newMessage(box.id, { caller_id_number: '+15550004', folder: 'saved' });
    const moved = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages`, { data: { source_id: other.id, messages: [msg.media_id] } });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toEqual({ succeeded: [msg.media_id] });
    expect((await h.call('GET', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`)).status).toBe(404);
    expect(data(await h.call('GET', `${h.acct}/vmboxes/${other.id}/messages/${msg.media_id}`))).toMatchObject({
      folder: 'new',
      history: [box.id],
    });
  });
});

describe('metaflows on users, devices and callflows (cb_metaflows)', () => {
  const flows = { binding_digit: '*', patterns: { '2(\\d+)': { module: 'transfer', data: { takeback_dtmf: '*1' } } } };

  it('kept on the user and the device, not the account (cb_metaflows:thing_doc/1)', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Meta', last_name: 'Flow' } }));
    const device = data(await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Meta phone' } }));
    for (const path of [`users/${user.id}`, `devices/${device.id}`]) {
      expect(data(await h.call('GET', `${h.acct}/${path}/metaflows`))).toEqual({});
      const set = await h.call('POST', `${h.acct}/${path}/metaflows`, { data: flows });
      expect(set.status).toBe(200);
      expect(set.body.data).toEqual(flows);
      expect(data(await h.call('GET', `${h.acct}/${path}/metaflows`))).toEqual(flows);
      expect(data(await h.call('GET', `${h.acct}/${path}`)).metaflows).toEqual(flows);
    }
    expect(data(await h.call('GET', `${h.acct}/metaflows`))).toEqual({});
    const removed = await h.call('DELETE', `${h.acct}/users/${user.id}/metaflows`);
    expect(removed.body.data).toEqual({});
    expect(data(await h.call('GET', `${h.acct}/users/${user.id}`))).not.toHaveProperty('metaflows');
    const bad = await h.call('POST', `${h.acct}/devices/${device.id}/metaflows`, { data: { binding_digit: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('binding_digit');
  });

  it('a missing user or device is 404 (cb_users:validate_resource/2, cb_devices:validate_resource/2)', async () => {
    for (const kind of ['users', 'devices']) {
      const missing = await h.call('GET', `${h.acct}/${kind}/${'0'.repeat(32)}/metaflows`);
      expect(missing.status).toBe(404);
      expect(missing.body.message).toBe('bad_identifier');
    }
  });

  it("a callflow's own, or the account's for an unknown callflow id (cb_metaflows:validate_get_metaflows/2)", async () => {
    const callflow = data(await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: ['7300'], flow: { module: 'park', data: {} } } }));
    await h.call('POST', `${h.acct}/callflows/${callflow.id}/metaflows`, { data: flows });
    expect(data(await h.call('GET', `${h.acct}/callflows/${callflow.id}/metaflows`))).toEqual(flows);
    expect(data(await h.call('GET', `${h.acct}/metaflows`))).toEqual({});
    const accountFlows = { binding_digit: '#' };
    await h.call('POST', `${h.acct}/metaflows`, { data: accountFlows });
    expect(data(await h.call('GET', `${h.acct}/callflows/${'0'.repeat(32)}/metaflows`))).toEqual(accountFlows);
    await h.call('DELETE', `${h.acct}/metaflows`);
  });
});

describe('users/{id}/sms and devices/{id}/sms (cb_sms:summary/1)', () => {
  it("a message sent on a user's path is the user's (cb_sms:create_request/1) and lists there (sms/listing_by_owner)", async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Text', last_name: 'Sender' } }));
    const otherUser = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Quiet', last_name: 'One' } }));
    const sent = await h.call('PUT', `${h.acct}/users/${user.id}/sms`, { data: { to: '1001', body: 'from the user path' } });
    expect(sent.status).toBe(201);
    const sms = data(sent);
    const mine = (await h.call('GET', `${h.acct}/users/${user.id}/sms`)).body.data as Doc[];
    expect(mine).toEqual([expect.objectContaining({ id: sms.id, to: '1001', direction: 'outbound', status: 'queued' })]);
    expect(mine[0]?.date).toEqual(expect.any(String));
    const accountWide = await h.call('PUT', `${h.acct}/sms`, { data: { to: '1001', body: 'from the account' } });
    expect(accountWide.status).toBe(201);
    const again = (await h.call('GET', `${h.acct}/users/${user.id}/sms`)).body.data as Doc[];
    expect(again.map((m) => m.id)).toEqual([sms.id]);
    expect((await h.call('GET', `${h.acct}/users/${otherUser.id}/sms`)).body.data).toEqual([]);
    const all = (await h.call('GET', `${h.acct}/sms`)).body.data as Doc[];
    expect(all.map((m) => m.id)).toEqual(expect.arrayContaining([sms.id, data(accountWide).id]));
  });

  it('a device lists what was sent to or by it (sms/listing_by_device); unknown ids are 404', async () => {
    const device = data(await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Texting phone' } }));
    const listed = await h.call('GET', `${h.acct}/devices/${device.id}/sms`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/devices/${'0'.repeat(32)}/sms`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/users/${'0'.repeat(32)}/sms`)).status).toBe(404);
    expect((await h.call('POST', `${h.acct}/users/${device.id}/sms`, { data: {} })).status).toBe(405);
  });
});

describe('fax listings of a fax box and of a user (cb_faxes:get_view_and_filter/3)', () => {
  it('faxboxes/{id}/faxes/* list the box faxes (faxes/list_by_faxbox); another id lists the account (cb_faxboxes:validate_resource/2)', async () => {
    const box = data(await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Listing box' } }));
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Fax', last_name: 'Owner' } }));
    const send = async (fields: Record<string, unknown>) => {
      const sent = await h.call('PUT', `${h.acct}/faxes`, {
        data: { from_number: '+14155550100', to_number: '+14155550123', document: { url: 'http://127.0.0.1/doc.pdf' }, ...fields },
      });
      expect(sent.status).toBe(202);
      return data(sent);
    };
    const boxed = await send({ faxbox_id: box.id });
    const owned = await send({ owner_id: user.id });
    const plain = await send({});
    const ids = async (path: string) => ((await h.call('GET', `${h.acct}/${path}`)).body.data as Doc[]).map((f) => f.id).sort();

    expect(await ids(`faxboxes/${box.id}/faxes/outbox`)).toEqual([boxed.id]);
    expect(await ids(`faxboxes/${box.id}/faxes/outgoing`)).toEqual([boxed.id]);
    expect(await ids(`faxboxes/${box.id}/faxes/inbox`)).toEqual([]);
    expect(await ids(`users/${user.id}/faxes/outbox`)).toEqual([owned.id]);
    expect(await ids(`users/${user.id}/faxes/inbox`)).toEqual([]);
    const all = [boxed.id, owned.id, plain.id].sort();
    // `faxes/list_by_account`: a user's `outgoing` is every job of the account.
    expect(await ids(`users/${user.id}/faxes/outgoing`)).toEqual(expect.arrayContaining(all));
    // The id is read whatever it is (cb_faxboxes:validate_resource/2): a user's id narrows to the
    // faxes it owns (faxes/list_by_ownerid), except for the outgoing jobs, which have no user view.
    expect(await ids(`faxboxes/${user.id}/faxes/outbox`)).toEqual([owned.id]);
    expect(await ids(`faxboxes/${user.id}/faxes/outgoing`)).toEqual(expect.arrayContaining(all));
    // An id that opens nothing is not a filter: the account's outbox.
    expect(await ids(`faxboxes/${'0'.repeat(32)}/faxes/outbox`)).toEqual(expect.arrayContaining(all));
    // A deleted box still opens, and still narrows to its own faxes.
    expect((await h.call('DELETE', `${h.acct}/faxboxes/${box.id}`)).status).toBe(200);
    expect(await ids(`faxboxes/${box.id}/faxes/outbox`)).toEqual([boxed.id]);
    expect((await h.call('GET', `${h.acct}/users/${'0'.repeat(32)}/faxes/outbox`)).status).toBe(404);
    const row = ((await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes/outbox`)).body.data as Doc[])[0];
    expect(row).toMatchObject({ id: boxed.id, faxbox_id: box.id, status: 'pending', to: '+14155550123' });
  });
});

describe('vCard PHOTO (cb_users:set_photo/2, kzd_users:card_field/2)', () => {
  it('a JPEG photo is a base64 PHOTO line after N (no ORG here), cut every 75 bytes', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Pic', last_name: 'Ture' } }));
    const before = await h.call('GET', `${h.acct}/users/${user.id}/vcard`);
    expect(before.text).not.toContain('PHOTO');
    const jpeg = Buffer.from(Array.from({ length: 120 }, (_, i) => (i * 7) % 256));
    const up = await h.call('POST', `${h.acct}/users/${user.id}/photo`, { raw: jpeg, headers: { 'content-type': 'image/jpeg' } });
    expect(up.status).toBe(200);
    const card = await h.call('GET', `${h.acct}/users/${user.id}/vcard`);
    expect(card.status).toBe(200);
    const lines = card.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('PHOTO;ENCODING=B;TYPE=JPEG:'));
    expect(lines[at - 1]?.startsWith('N:')).toBe(true);
    const photo = `PHOTO;ENCODING=B;TYPE=JPEG:${jpeg.toString('base64')}`;
    const parts = lines.slice(at, at + Math.ceil(photo.length / 75));
    expect(parts.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(parts.join('')).toBe(photo);
    expect(lines[at + parts.length]).toMatch(/^TZ:/);
  });

  it('a photo of another type crashes kzd_users:content_type_to_type/1: 500 generic_error', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Png', last_name: 'Photo' } }));
    await h.call('POST', `${h.acct}/users/${user.id}/photo`, { raw: Buffer.from('png bytes'), headers: { 'content-type': 'image/png' } });
    const card = await h.call('GET', `${h.acct}/users/${user.id}/vcard`);
    expect(card.status).toBe(500);
    expect(card.body.message).toBe('generic_error');
    await h.call('DELETE', `${h.acct}/users/${user.id}/photo`);
    expect((await h.call('GET', `${h.acct}/users/${user.id}/vcard`)).status).toBe(200);
  });
});
