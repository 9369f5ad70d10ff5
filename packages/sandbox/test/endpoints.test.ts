import { beforeAll, describe, expect, it } from 'vitest';
import { type Doc, data, useHarness } from './helpers';

const h = useHarness({ demoData: true });

describe('phone_numbers', () => {
  it('lists numbers as an object keyed by number, with cascade_quantity', async () => {
    const r = await h.call('GET', `${h.acct}/phone_numbers`);
    expect(r.status).toBe(200);
    const listing = r.body.data as { numbers: Record<string, Record<string, unknown>>; cascade_quantity: number };
    expect(listing.cascade_quantity).toBe(0);
    expect(listing.numbers['+14155550100']).toMatchObject({
      assigned_to: h.sandbox.accountId,
      state: 'in_service',
      features: ['local'],
      used_by: 'callflow',
    });
    expect(Object.keys(listing.numbers['+14155550101'] ?? {}).sort()).toEqual([
      'assigned_to',
      'created',
      'features',
      'features_allowed',
      'features_available',
      'features_denied',
      'state',
      'updated',
    ]);
    const reserved = await h.call('GET', `${h.acct}/phone_numbers?filter_state=reserved`);
    expect(Object.keys((reserved.body.data as { numbers: object }).numbers)).toEqual(['+14155550101']);
  });

  it('acquires with PUT on the number (E.164, URL-encoded), keeps custom fields, activates', async () => {
    const put = await h.call('PUT', `${h.acct}/phone_numbers/%2B14155557000`, { data: { my_own_field: { x: 1 } } });
    expect(put.status).toBe(201);
    expect(data(put)).toMatchObject({ id: '+14155557000', state: 'reserved', my_own_field: { x: 1 }, _read_only: { state: 'reserved' } });
    const activated = await h.call('PUT', `${h.acct}/phone_numbers/%2B14155557000/activate`);
    expect(activated.status).toBe(200);
    expect(data(activated)).toMatchObject({ state: 'in_service' });
    const patched = await h.call('PATCH', `${h.acct}/phone_numbers/%2B14155557000`, { data: { cnam: { display_name: 'Sales' } } });
    expect(data(patched)).toMatchObject({ my_own_field: { x: 1 }, cnam: { display_name: 'Sales' }, state: 'in_service' });
    // 10-digit NANP is normalised
    expect(data(await h.call('GET', `${h.acct}/phone_numbers/4155557000`)).id).toBe('+14155557000');
  });

  it('answers a number someone holds with 409 number_exists, a non-E.164 one with 404 not_reconcilable', async () => {
    const dup = await h.call('PUT', `${h.acct}/phone_numbers/%2B14155550100`);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ message: 'number_exists', data: { error: 'number_exists', code: 409, cause: '+14155550100' } });
    const other = h.sandbox.createAccount({ name: 'Number Rival' });
    // The super-duper admin reaches the other account (cb_simple_authz:account_is_descendant/2): the number is still held.
    const rival = await h.call('PUT', `/v2/accounts/${other.accountId}/phone_numbers/%2B14155550100`);
    expect(rival.status).toBe(409);
    expect(rival.body.message).toBe('number_exists');
    const bad = await h.call('PUT', `${h.acct}/phone_numbers/12ab`);
    expect(bad.status).toBe(404);
    expect(bad.body).toMatchObject({ message: 'not_reconcilable', data: { error: 'not_reconcilable' } });
  });

  it('releases a number with DELETE; then it is not in the account', async () => {
    await h.call('PUT', `${h.acct}/phone_numbers/%2B14155557001`);
    const del = await h.call('DELETE', `${h.acct}/phone_numbers/%2B14155557001`);
    expect(data(del)).toMatchObject({ id: '+14155557001', state: 'available' });
    const gone = await h.call('GET', `${h.acct}/phone_numbers/%2B14155557001`);
    expect(gone.status).toBe(404);
    expect(gone.body.data).toEqual({ message: 'bad identifier', not_found: 'The number could not be found' });
    expect((await h.call('PUT', `${h.acct}/phone_numbers/%2B14155557001`)).status).toBe(201);
  });

  it('searches for available numbers', async () => {
    const r = await h.call('GET', '/v2/phone_numbers?prefix=415&quantity=3', { token: null });
    expect(r.status).toBe(200);
    const found = r.body.data as { number: string }[];
    expect(found).toHaveLength(3);
    for (const n of found) expect(n.number).toMatch(/^\+1415\d{7}$/);
  });
});

describe('media', () => {
  it('uploads raw audio and serves it back with its content type', async () => {
    const media = data(await h.call('PUT', `${h.acct}/media`, { data: { name: 'Welcome' } }));
    expect(media).toMatchObject({ media_source: 'upload' });
    const audio = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 1, 2, 255]);
    const up = await h.call('POST', `${h.acct}/media/${media.id}/raw`, { raw: audio, headers: { 'content-type': 'audio/mpeg' } });
    expect(up.status).toBe(200);
    expect(data(up)).toMatchObject({ content_type: 'audio/mpeg', content_length: audio.length });
    const res = await fetch(`${h.sandbox.url}${h.acct}/media/${media.id}/raw`, {
      headers: { 'x-auth-token': h.token, accept: 'audio/mpeg' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(audio);
    const viaAccept = await fetch(`${h.sandbox.url}${h.acct}/media/${media.id}`, {
      headers: { 'x-auth-token': h.token, accept: 'audio/*' },
    });
    expect(new Uint8Array(await viaAccept.arrayBuffer())).toEqual(audio);
  });

  it('accepts a Monster-UI style base64 data URI and replaces the binary on re-upload', async () => {
    const media = data(await h.call('PUT', `${h.acct}/media`, { data: { name: 'Hold music' } }));
    const wav = Buffer.from('RIFF....WAVEfmt ');
    await h.call('POST', `${h.acct}/media/${media.id}`, {
      raw: `data:audio/wav;base64,${wav.toString('base64')}`,
      headers: { 'content-type': 'application/x-base64' },
    });
    const res = await fetch(`${h.sandbox.url}${h.acct}/media/${media.id}/raw`, { headers: { 'x-auth-token': h.token } });
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('RIFF....WAVEfmt ');
  });

  it('stores a new prompt as <language>/<prompt_id> and refuses an update that changes either (cb_media:maybe_add_prompt_fields/1, cb_media:validate_prompt/3)', async () => {
    const created = await h.call('PUT', `${h.acct}/media`, { data: { name: 'Greeting', prompt_id: 'vm-greeting', language: 'fr-FR' } });
    expect(created.status, created.text).toBe(201);
    expect(data(created)).toMatchObject({ id: 'fr-fr/vm-greeting', language: 'fr-fr', prompt_id: 'vm-greeting' });
    expect(created.headers.get('location')).toBe(`${h.acct}/media/fr-fr%2Fvm-greeting`);
    const url = `${h.acct}/media/fr-fr%2Fvm-greeting`;
    const again = await h.call('PUT', `${h.acct}/media`, { data: { name: 'Greeting again', prompt_id: 'vm-greeting', language: 'fr-fr' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('datastore_conflict');

    const renamed = await h.call('POST', url, { data: { name: 'Greeting 2', prompt_id: 'vm-greeting', language: 'FR-fr' } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(data(renamed)).toMatchObject({ name: 'Greeting 2' });
    const refusals: [Record<string, unknown>, string][] = [
      [{ name: 'Greeting', prompt_id: 'vm-goodbye', language: 'fr-fr' }, 'vm-goodbye'],
      [{ name: 'Greeting', prompt_id: 'vm-greeting', language: 'de-de' }, 'vm-greeting'],
      // Without a language the document is en-us, so its id no longer matches either.
      [{ name: 'Greeting', prompt_id: 'vm-greeting' }, 'vm-greeting'],
    ];
    for (const [update, cause] of refusals) {
      const refused = await h.call('POST', url, { data: update });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: '400', status: 'error', message: 'validation error' });
      expect(refused.body.data).toEqual({
        prompt_id: { invalid: { message: 'Changing the prompt_id on an existing prompt is not allowed', cause } },
      });
    }
    // The language is compared lowercased but, unlike on create, stored as sent.
    expect(data(await h.call('GET', url))).toMatchObject({ name: 'Greeting 2', prompt_id: 'vm-greeting', language: 'FR-fr' });
    // cb_media allows no PATCH on a medium.
    expect((await h.call('PATCH', url, { data: { prompt_id: 'vm-goodbye' } })).status).toBe(405);
    // Uploading audio re-validates the stored prompt, which still matches its id.
    const audio = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 1, 2, 255]);
    expect((await h.call('POST', `${url}/raw`, { raw: audio, headers: { 'content-type': 'audio/mpeg' } })).status).toBe(200);
  });

  it('checks any medium updated with a prompt_id, not only prompts, and leaves one without alone (cb_media:maybe_validate_prompt/3)', async () => {
    const plain = data(await h.call('PUT', `${h.acct}/media`, { data: { name: 'Jingle' } }));
    const promoted = await h.call('POST', `${h.acct}/media/${plain.id}`, { data: { name: 'Jingle', prompt_id: 'vm-jingle' } });
    expect(promoted.status).toBe(400);
    expect(promoted.body.data).toEqual({
      prompt_id: { invalid: { message: 'Changing the prompt_id on an existing prompt is not allowed', cause: 'vm-jingle' } },
    });
    // kz_media_util:prompt_id/2 drops /system_media/ before joining the language.
    const system = data(await h.call('PUT', `${h.acct}/media`, { data: { name: 'Sys', prompt_id: '/system_media/vm-sys' } }));
    expect(system.id).toBe('en-us/vm-sys');
    const kept = await h.call('POST', `${h.acct}/media/en-us%2Fvm-sys`, { data: { name: 'Sys 2', prompt_id: 'vm-sys' } });
    expect(kept.status, kept.text).toBe(200);
    const dropped = await h.call('POST', `${h.acct}/media/en-us%2Fvm-sys`, { data: { name: 'Sys 3' } });
    expect(dropped.status, dropped.text).toBe(200);
    expect(data(dropped)).not.toHaveProperty('prompt_id');
  });

  it('answers 404 for media without a file', async () => {
    const media = data(await h.call('PUT', `${h.acct}/media`, { data: { name: 'Empty' } }));
    expect((await h.call('GET', `${h.acct}/media/${media.id}/raw`)).status).toBe(404);
  });
});

describe('vmboxes and messages', () => {
  let box: Doc;
  beforeAll(async () => {
    box = data(await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Support box', mailbox: '5000', custom: 'kept' } }));
  });

  it('creates, lists, moves and deletes messages; the box listing counts them', async () => {
    const put = await h.call('PUT', `${h.acct}/vmboxes/${box.id}/messages`, { data: { caller_id_number: '+15551234567', length: 3140 } });
    expect(put.status).toBe(201);
    const msg = data(put);
    expect(msg.media_id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    expect(msg).toMatchObject({ folder: 'new', length: 3140 });
    const second = data(await h.call('PUT', `${h.acct}/vmboxes/${box.id}/messages`, { data: { folder: 'saved' } }));
    const listed = await h.call('GET', `${h.acct}/vmboxes/${box.id}/messages`);
    expect((listed.body.data as Doc[]).map((m) => m.media_id).sort()).toEqual([msg.media_id, second.media_id].sort());
    const boxes = await h.call('GET', `${h.acct}/vmboxes?filter_mailbox=5000`);
    expect((boxes.body.data as Doc[])[0]).toMatchObject({ id: box.id, messages: 2, folders: { new: 1, saved: 1 } });

    const moved = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`, { data: { folder: 'saved' } });
    expect(data(moved)).toMatchObject({ folder: 'saved', media_id: msg.media_id });
    const bulk = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages`, {
      data: { folder: 'new', messages: [msg.media_id, '202001-nope'] },
    });
    expect(bulk.body.data).toEqual({ succeeded: [msg.media_id], failed: [{ '202001-nope': 'not_found' }] });

    const audio = Buffer.from('fake mp3 bytes');
    const raw = await h.call('PUT', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}/raw`, {
      raw: audio,
      headers: { 'content-type': 'audio/mpeg' },
    });
    expect(raw.status).toBe(200);
    const download = await fetch(`${h.sandbox.url}${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}/raw`, {
      headers: { 'x-auth-token': h.token },
    });
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('fake mp3 bytes');

    const accountWide = await h.call('GET', `${h.acct}/vmboxes/messages?paginate=false`);
    expect((accountWide.body.data as Record<string, Doc>[]).some((entry) => entry[box.id]?.media_id === msg.media_id)).toBe(true);

    expect((await h.call('DELETE', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/vmboxes/${box.id}/messages/${msg.media_id}`)).status).toBe(404);
    const rest = await h.call('DELETE', `${h.acct}/vmboxes/${box.id}/messages`);
    expect(rest.body.data).toEqual({ succeeded: [second.media_id], failed: [] });
  });

  it('needs message ids for a bulk move, deletes by folder, and moves a message to another box', async () => {
    const noIds = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages`, { data: { folder: 'saved' } });
    expect(noIds.status).toBe(400);
    expect(noIds.body.data).toEqual({ messages: { required: { message: 'No array of message ids are specified' } } });
    const keep = data(await h.call('PUT', `${h.acct}/vmboxes/${box.id}/messages`, { data: { folder: 'saved' } }));
    const drop = data(await h.call('PUT', `${h.acct}/vmboxes/${box.id}/messages`, { data: { folder: 'new' } }));
    const deleted = await h.call('DELETE', `${h.acct}/vmboxes/${box.id}/messages`, { data: { folder: 'new' } });
    expect(deleted.body.data).toEqual({ succeeded: [drop.media_id], failed: [] });
    const other = data(await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Other box', mailbox: '5001' } }));
    const moved = await h.call('POST', `${h.acct}/vmboxes/${box.id}/messages/${keep.media_id}`, { data: { source_id: other.id } });
    expect(moved.status).toBe(200);
    expect((await h.call('GET', `${h.acct}/vmboxes/${other.id}/messages/${keep.media_id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/vmboxes/${box.id}/messages/${keep.media_id}`)).status).toBe(404);
    const summary = ((await h.call('GET', `${h.acct}/vmboxes/${other.id}/messages`)).body.data as Doc[])[0];
    expect(Object.keys(summary ?? {}).sort()).toEqual(['folder', 'length', 'media_id', 'timestamp']);
  });

  it('does not show the legacy messages array on the box', async () => {
    const got = data(await h.call('GET', `${h.acct}/vmboxes/${box.id}`));
    expect(got).not.toHaveProperty('messages');
    expect(got).toMatchObject({ custom: 'kept', mailbox: '5000' });
  });
});

describe('devices, users and registrations', () => {
  it('reports registered devices, syncs and notifies', async () => {
    const status = await h.call('GET', `${h.acct}/devices/status`);
    const registered = status.body.data as { device_id: string; registered: boolean }[];
    expect(registered.length).toBeGreaterThan(0);
    expect(registered.every((d) => d.registered === true)).toBe(true);
    const id = registered[0]?.device_id as string;
    const sync = await h.call('POST', `${h.acct}/devices/${id}/sync`, { data: {} });
    expect(sync.status).toBe(202);
    expect(sync.body.data).toBe('sync request sent');
    const notify = await h.call('PUT', `${h.acct}/devices/${id}`, { envelope: { action: 'notify' }, data: { event: 'check-sync' } });
    expect(notify.status).toBe(202);
    const noAction = await h.call('PUT', `${h.acct}/devices/${id}`, { data: { event: 'x' } });
    expect(noAction.status).toBe(400);
    expect(noAction.body.message).toBe('action required');
  });

  it("lists a user's devices", async () => {
    const users = (await h.call('GET', `${h.acct}/users?filter_username=alice`)).body.data as Doc[];
    const devices = await h.call('GET', `${h.acct}/users/${users[0]?.id}/devices`);
    expect((devices.body.data as Doc[]).map((d) => d.owner_id)).toEqual([users[0]?.id, users[0]?.id]);
  });

  it('lists registrations, counts them, flushes one and all', async () => {
    const list = await h.call('GET', `${h.acct}/registrations`);
    const regs = list.body.data as { username: string; authorizing_id: string }[];
    expect(regs.length).toBe(3);
    expect(regs[0]).toHaveProperty('contact');
    expect((await h.call('GET', `${h.acct}/registrations/count`)).body.data).toEqual({ count: 3 });
    expect((await h.call('DELETE', `${h.acct}/registrations/${regs[0]?.username}`)).body.data).toBe('ok');
    expect((await h.call('GET', `${h.acct}/registrations/count`)).body.data).toEqual({ count: 2 });
    await h.call('DELETE', `${h.acct}/registrations`);
    expect((await h.call('GET', `${h.acct}/registrations`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/devices/status`)).body.data).toEqual([]);
  });

  it('stores a user photo', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Pic', last_name: 'Ture' } }));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect((await h.call('POST', `${h.acct}/users/${user.id}/photo`, { raw: png, headers: { 'content-type': 'image/png' } })).status).toBe(
      200,
    );
    const res = await fetch(`${h.sandbox.url}${h.acct}/users/${user.id}/photo`, { headers: { 'x-auth-token': h.token } });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
  });
});

describe('channels, limits, lists', () => {
  it('has no live channels', async () => {
    expect((await h.call('GET', `${h.acct}/channels`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/channels/some-uuid`)).status).toBe(404);
  });

  it('reads and replaces limits', async () => {
    expect((await h.call('GET', `${h.acct}/limits`)).body.data).toMatchObject({ allow_prepay: true });
    const posted = await h.call('POST', `${h.acct}/limits`, { data: { twoway_trunks: 5 } });
    expect(data(posted)).toMatchObject({ twoway_trunks: 5, allow_prepay: true });
    expect((await h.call('GET', `${h.acct}/limits`)).body.data).toMatchObject({ twoway_trunks: 5 });
    expect((await h.call('POST', `${h.acct}/limits`, { data: { twoway_trunks: -1 } })).status).toBe(400);
    expect((await h.call('PUT', `${h.acct}/limits`, { data: {} })).status).toBe(405);
  });

  it('keeps list entries under their list', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Blocked' } }));
    const entry = await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { number: '+15550001111', name: 'Spammer' } });
    expect(entry.status).toBe(201);
    expect(data(entry)).toMatchObject({ list_id: list.id, number: '+15550001111' });
    const entries = await h.call('GET', `${h.acct}/lists/${list.id}/entries`);
    expect(entries.body.data).toEqual([{ id: data(entry).id, key: list.id, value: { name: 'Spammer', number: '+15550001111' } }]);
    const patched = await h.call('PATCH', `${h.acct}/lists/${list.id}/entries/${data(entry).id}`, { data: { name: 'Robot' } });
    expect(data(patched)).toMatchObject({ name: 'Robot', list_id: list.id });
    // cb_lists:validate_req/3 loads an entry by its id alone: the path's list id is not compared.
    expect((await h.call('GET', `${h.acct}/lists/${'f'.repeat(32)}/entries/${data(entry).id}`)).status).toBe(200);
    expect((await h.call('DELETE', `${h.acct}/lists/${list.id}/entries/${data(entry).id}`)).status).toBe(200);
  });

  it('accepts conference actions', async () => {
    const conf = data(await h.call('PUT', `${h.acct}/conferences`, { data: { name: 'Standup' } }));
    expect((await h.call('PUT', `${h.acct}/conferences/${conf.id}`, { envelope: { action: 'lock' }, data: {} })).status).toBe(202);
  });
});
