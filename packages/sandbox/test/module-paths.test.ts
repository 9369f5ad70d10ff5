import { describe, expect, it } from 'vitest';
import { childLogin } from './call-routing-helpers';
import { type Doc, data, request, useHarness } from './helpers';

/** Endpoints of served modules beyond their documents, each answered as the KAZOO function named does. */

const h = useHarness();

describe('phone_numbers', () => {
  it('classifiers lists KAZOO defaults and classifies a number (knm_converters:classify/1)', async () => {
    const all = data(await h.call('GET', `${h.acct}/phone_numbers/classifiers`));
    expect(Object.keys(all)).toEqual(['caribbean', 'did_us', 'emergency', 'international', 'toll_us', 'tollfree_us', 'unknown']);
    const tollfree = await h.call('GET', `${h.acct}/phone_numbers/classifiers/8005550100`);
    expect(data(tollfree)).toMatchObject({ name: 'tollfree_us', number: '8005550100', e164: '+18005550100', friendly_name: 'US TollFree' });
    expect(data(await h.call('GET', `${h.acct}/phone_numbers/classifiers/4155550100`))).toMatchObject({ name: 'did_us' });
  });

  it('port creates the number in port_in; identify names its account; fix reports the numbers (cb_phone_numbers)', async () => {
    const ported = await h.call('PUT', `${h.acct}/phone_numbers/${encodeURIComponent('+14145137345')}/port`, { data: {} });
    expect(ported.status).toBe(201);
    expect(data(ported)).toMatchObject({ id: '+14145137345', _read_only: { state: 'port_in' } });
    const notInService = await h.call('GET', `${h.acct}/phone_numbers/${encodeURIComponent('+14145137345')}/identify`);
    expect(notInService.status).toBe(400);
    expect(notInService.body.data).toMatchObject({ cause: 'not_in_service' });
    await h.call('PUT', `${h.acct}/phone_numbers/${encodeURIComponent('+14155550100')}/activate`, { data: {} });
    const main = await h.call('GET', `${h.acct}/phone_numbers/${encodeURIComponent('+14155550100')}/identify`);
    expect(data(main)).toEqual({ account_id: h.sandbox.accountId, number: '+14155550100' });
    const nobody = await h.call('GET', `${h.acct}/phone_numbers/${encodeURIComponent('+14155550999')}/identify`);
    expect(nobody.status).toBe(404);
    const fixed = data(await h.call('POST', `${h.acct}/phone_numbers/fix`, { data: {} }));
    expect(fixed).toMatchObject({ cascade_quantity: 0, numbers: { '+14145137345': { state: 'port_in' } } });
  });

  it('check tells which numbers are still for sale; carriers_info names the local carrier', async () => {
    await h.call('PUT', `${h.acct}/phone_numbers/${encodeURIComponent('+14155550101')}`, { data: {} });
    const check = await h.call('POST', `${h.acct}/phone_numbers/check`, { data: { numbers: ['+14155550101', '+14155550777'] } });
    expect(data(check)).toEqual({ '+14155550101': 'error', '+14155550777': 'success' });
    const info = data(await h.call('GET', `${h.acct}/phone_numbers/carriers_info`));
    expect(info).toMatchObject({ maximal_prefix_length: 3, usable_carriers: ['local'] });
  });
});

describe('lists, groups, webhooks, channels, conferences', () => {
  it('a list entry has a vCard and takes a photo (cb_lists:validate_req/3)', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Contacts' } }));
    const entry = data(
      await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, {
        data: { firstname: 'Ada', lastname: 'Lovelace', number: '+14155550142' },
      }),
    );
    const card = await h.call('GET', `${h.acct}/lists/${list.id}/entries/${entry.id}/vcard`);
    expect(card.status).toBe(200);
    expect(card.text).toContain('FN:Ada Lovelace');
    const photo = await h.call('POST', `${h.acct}/lists/${list.id}/entries/${entry.id}/photo`, {
      raw: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      headers: { 'content-type': 'image/png' },
    });
    expect(photo.status).toBe(200);
  });

  it('the photo of a list entry shows in its vCard, a JPEG only (cb_lists:set_photo/2, kzd_users:to_vcard/1)', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Photos' } }));
    const entry = data(await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { firstname: 'Grace', lastname: 'Hopper' } }));
    const card = `${h.acct}/lists/${list.id}/entries/${entry.id}/vcard`;
    expect((await h.call('GET', card)).text).not.toContain('PHOTO');
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    const photo = `${h.acct}/lists/${list.id}/entries/${entry.id}/photo`;
    expect((await h.call('POST', photo, { raw: jpeg, headers: { 'content-type': 'image/jpeg' } })).status).toBe(200);
    expect((await h.call('GET', card)).text).toContain(`PHOTO;ENCODING=B;TYPE=JPEG:${Buffer.from(jpeg).toString('base64')}`);
    await h.call('POST', photo, { raw: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), headers: { 'content-type': 'image/png' } });
    const png = await h.call('GET', card);
    expect(png.status).toBe(500);
    expect(png.body.error).toBe('500');
  });

  it('users/{id}/groups lists the groups naming the user (cb_groups:summary/1)', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Grace', last_name: 'Hopper' } }));
    await h.call('PUT', `${h.acct}/groups`, { data: { name: 'Everyone', endpoints: { [user.id]: { type: 'user' } } } });
    await h.call('PUT', `${h.acct}/groups`, { data: { name: 'Nobody', endpoints: {} } });
    const groups = (await h.call('GET', `${h.acct}/users/${user.id}/groups`)).body.data as Doc[];
    expect(groups.map((g) => g.name)).toEqual(['Everyone']);
    expect(groups[0]).toMatchObject({ endpoints: 1 });
    const none = (await h.call('GET', `${h.acct}/users/0123456789abcdef0123456789abcdef/groups`)).body.data as Doc[];
    expect(none).toEqual([]);
  });

  it('PATCH webhooks re-enables auto-disabled hooks and needs re-enable: true (cb_webhooks:validate_collection_patch/2)', async () => {
    const missing = await h.call('PATCH', `${h.acct}/webhooks`, { data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toMatchObject({ 're-enable': { required: {} } });
    const hook = data(
      await h.call('PUT', `${h.acct}/webhooks`, {
        data: { name: 'Off', uri: 'http://127.0.0.1:9/hook', hook: 'channel_create', http_verb: 'post', enabled: false },
      }),
    );
    const ok = await h.call('PATCH', `${h.acct}/webhooks`, { data: { 're-enable': true } });
    expect(ok.body.data).toBe('hooks updated');
    expect(data(await h.call('GET', `${h.acct}/webhooks/${hook.id}`)).enabled).toBe(true);
    const descendants = await h.call('PATCH', `${h.acct}/descendants/webhooks`, { data: { 're-enable': 'true' } });
    expect(descendants.status).toBe(200);
  });

  it('GET /v2/channels: 500 for the super-duper admin on a stock KAZOO (system_wide_channels_list false), 403 for a sub-account admin (cb_simple_authz:account_is_descendant/2, cb_channels:get_account_id/1)', async () => {
    expect((await h.call('GET', '/v2/channels')).status).toBe(500);
    const child = await childLogin(h, 'Channels Tenant');
    expect((await request(h.sandbox, 'GET', '/v2/channels', {}, child.token)).status).toBe(403);
    // A ringing call in each account: one device, one callflow to it.
    const callIds: string[] = [];
    for (const [account, number] of [
      [h.sandbox.accountId, '3101'],
      [child.accountId, '3102'],
    ] as const) {
      const device = data(await h.call('PUT', `/v2/accounts/${account}/devices`, { data: { name: `Ringer ${number}` } }));
      const flow = { numbers: [number], flow: { module: 'device', data: { id: device.id }, children: {} } };
      expect((await h.call('PUT', `/v2/accounts/${account}/callflows`, { data: flow })).status).toBe(201);
      const placed = await h.call('PUT', `/v2/accounts/${account}/sandbox/calls`, { data: { to: number, answer: false } });
      callIds.push(String(data(placed).call_id));
    }
    expect((await h.call('GET', '/v2/channels')).status).toBe(500);
    const own = (await h.call('GET', `${h.acct}/channels`)).body.data as Doc[];
    const theirs = (await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/channels`, {}, child.token)).body.data as Doc[];
    expect(own.map((c) => c.uuid)).toContain(callIds[0]);
    expect(theirs.map((c) => c.uuid)).toContain(callIds[1]);
    for (const [account, callId] of [
      [h.sandbox.accountId, callIds[0]],
      [child.accountId, callIds[1]],
    ]) {
      await h.call('DELETE', `/v2/accounts/${account}/sandbox/calls/${encodeURIComponent(String(callId))}`);
    }
  });

  it('PUT conferences/{id}/participants acts on a live conference: 501 naming it', async () => {
    const conference = data(await h.call('PUT', `${h.acct}/conferences`, { data: { name: 'Standup' } }));
    const r = await h.call('PUT', `${h.acct}/conferences/${conference.id}/participants`, { data: { action: 'mute' } });
    expect(r.status).toBe(501);
  });
});

describe('webhook modifiers', () => {
  it('an object hook needs custom_data.type and .action from its lists (cb_webhooks:check_modifiers/4)', async () => {
    const missing = await h.call('PUT', `${h.acct}/webhooks`, { data: { name: 'Objects', uri: 'http://127.0.0.1:9/o', hook: 'object' } });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toMatchObject({
      'custom_data.type': { required: { message: 'missing required modifier' } },
      'custom_data.action': { required: { message: 'missing required modifier' } },
    });
    const wrong = await h.call('PUT', `${h.acct}/webhooks`, {
      data: { name: 'Objects', uri: 'http://127.0.0.1:9/o', hook: 'object', custom_data: { type: 'queue', action: 'doc_created' } },
    });
    expect(wrong.body.data).toMatchObject({ 'custom_data.type': { enum: { cause: 'queue' } } });
    const ok = await h.call('PUT', `${h.acct}/webhooks`, {
      data: { name: 'Objects', uri: 'http://127.0.0.1:9/o', hook: 'object', custom_data: { type: 'user', action: 'all' } },
    });
    expect(ok.status).toBe(201);
  });

  it('a hook with no definition fails the save with 503 datastore_fault; all is accepted (cb_webhooks:maybe_check_modifiers/3)', async () => {
    const typo = await h.call('PUT', `${h.acct}/webhooks`, {
      data: { name: 'Typo', uri: 'http://127.0.0.1:9/t', hook: 'channel_created' },
    });
    expect(typo.status).toBe(503);
    expect(typo.body).toMatchObject({ error: '503', message: 'datastore_fault', data: { message: 'datastore fatal error' } });
    const all = await h.call('PUT', `${h.acct}/webhooks`, { data: { name: 'Everything', uri: 'http://127.0.0.1:9/a', hook: 'all' } });
    expect(all.status).toBe(201);
    const retyped = await h.call('PATCH', `${h.acct}/webhooks/${data(all).id}`, { data: { hook: 'call_parked' } });
    expect(retyped.status).toBe(503);
  });
});

describe('faxboxes', () => {
  it('a custom SMTP address is unique across accounts (cb_faxboxes:validate_email_address/1)', async () => {
    const email = 'frontdesk-fax@example.com';
    expect((await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Front desk', custom_smtp_email_address: email } })).status).toBe(
      201,
    );
    const clash = await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Back office', custom_smtp_email_address: email } });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({ custom_smtp_email_address: { unique: { message: 'email address must be unique', cause: email } } });
  });

  it('a new box gets a generated address, shown on writes only (cb_faxboxes:on_faxbox_successful_validation/2, leak_private_fields/1)', async () => {
    const created = await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Generated', smtp_email_address: 'mine@example.com' } });
    expect(created.status).toBe(201);
    const box = created.body.data as Record<string, unknown>;
    const address = String(box.smtp_email_address);
    expect(address).toMatch(/^[0-9a-f]{8}\.fax\.kazoo\.io$/);
    const read = (await h.call('GET', `${h.acct}/faxboxes/${box.id}`)).body.data as Record<string, unknown>;
    expect(read).not.toHaveProperty('smtp_email_address');
    // The address is kept across updates, and no other box may take it as its custom address.
    const posted = await h.call('POST', `${h.acct}/faxboxes/${box.id}`, {
      data: { name: 'Generated 2', smtp_email_address: 'x@example.com' },
    });
    expect((posted.body.data as Record<string, unknown>).smtp_email_address).toBe(address);
    const taken = await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Copy', custom_smtp_email_address: address } });
    expect(taken.status).toBe(400);
    expect(taken.body.data).toEqual({ custom_smtp_email_address: { unique: { message: 'email address must be unique', cause: address } } });
  });

  it("validates a PATCH's data alone against the schema, and names no cause for an address in use (cb_faxboxes:validate_patch/1)", async () => {
    const box = (await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Patched' } })).body.data as Record<string, unknown>;
    const unnamed = await h.call('PATCH', `${h.acct}/faxboxes/${box.id}`, { data: { caller_name: 'Front' } });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.data).toMatchObject({ name: { required: { message: 'Field is required but missing' } } });
    const named = await h.call('PATCH', `${h.acct}/faxboxes/${box.id}`, { data: { name: 'Patched', caller_name: 'Front' } });
    expect(named.status).toBe(200);
    expect(named.body.data).toMatchObject({ name: 'Patched', caller_name: 'Front' });
    await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Holder', custom_smtp_email_address: 'patch-fax@example.com' } });
    const clash = await h.call('PATCH', `${h.acct}/faxboxes/${box.id}`, {
      data: { name: 'Patched', custom_smtp_email_address: 'patch-fax@example.com' },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({ custom_smtp_email_address: { unique: { message: 'email address must be unique' } } });
  });
});
