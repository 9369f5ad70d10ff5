import { describe, expect, it } from 'vitest';
import { credentials, type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

describe('create (PUT)', () => {
  it('answers 201 with Location, a 32-hex id and the schema defaults applied', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Lovelace' } });
    expect(r.status).toBe(201);
    const user = data(r);
    expect(user.id).toMatch(/^[0-9a-f]{32}$/);
    expect(r.headers.get('location')).toBe(`${h.acct}/users/${user.id}`);
    expect(user).toMatchObject({
      enabled: true,
      priv_level: 'user',
      vm_to_email_enabled: true,
      hotdesk: { enabled: false },
      call_restriction: {},
    });
  });

  it('keeps private fields private and drops what the client may not set', async () => {
    const r = await h.call('PUT', `${h.acct}/menus`, { data: { name: 'M', id: 'mine', pvt_type: 'hacked', _rev: '9-x', pvt_created: 1 } });
    const menu = data(r);
    expect(menu.id).not.toBe('mine');
    expect(Object.keys(menu).some((k) => k.startsWith('pvt_') || k.startsWith('_'))).toBe(false);
    const listed = await h.call('GET', `${h.acct}/menus?filter_pvt_type=menu&filter_id=${menu.id}`);
    expect(listed.body.data).toEqual([]); // `id` is not a stored key; `_id` is
    const byId = await h.call('GET', `${h.acct}/menus?filter__id=${menu.id}`);
    expect((byId.body.data as Doc[]).map((m) => m.id)).toEqual([menu.id]);
  });

  it('keeps custom fields at every depth', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'Desk', my_field: { nested: [1, 2] }, sip: { username: 'desk_custom', password: 'secret-pass', my_sip_flag: true } },
    });
    const got = data(await h.call('GET', `${h.acct}/devices/${data(r).id}`));
    expect(got).toMatchObject({ my_field: { nested: [1, 2] }, sip: { my_sip_flag: true } });
  });

  it('never stores or returns the plain-text password, and uses it for user_auth', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, {
      data: { first_name: 'Pat', last_name: 'Word', username: 'Pat.Word', password: 'hunter22' },
    });
    const user = data(r);
    expect(user).not.toHaveProperty('password');
    expect(user.username).toBe('pat.word');
    const login = await request(h.sandbox, 'PUT', '/v2/user_auth', {
      data: { credentials: await credentials('pat.word', 'hunter22'), account_name: h.sandbox.accountName },
    });
    expect(login.status).toBe(201);
    // POST without the password keeps the stored credentials (private fields survive a replace)
    await h.call('POST', `${h.acct}/users/${user.id}`, { data: { first_name: 'Pat', last_name: 'Word', username: 'pat.word' } });
    const again = await request(h.sandbox, 'PUT', '/v2/user_auth', {
      data: { credentials: await credentials('pat.word', 'hunter22'), account_name: h.sandbox.accountName },
    });
    expect(again.status).toBe(201);
  });
});

describe('validation errors (400 field maps)', () => {
  it('reports required fields with the object that lacked them', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'A' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: '400', message: 'validation error', status: 'error' });
    expect(r.body.data).toEqual({ last_name: { required: { message: 'Field is required but missing', value: { first_name: 'A' } } } });
  });

  it('reports type, enum, minLength, maxLength, pattern, minimum and nested paths', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, {
      data: {
        first_name: '',
        last_name: 'x'.repeat(200),
        priv_level: 'root',
        enabled: 'yes',
        username: 'has space',
        call_forward: { number: 5 },
      },
    });
    expect(r.status).toBe(400);
    const fields = r.body.data as Record<string, Record<string, Record<string, unknown>>>;
    expect(fields.first_name?.minLength).toMatchObject({ message: 'String must be at least 1 characters', target: 1, value: '' });
    expect(fields.last_name?.maxLength).toMatchObject({ target: 128 });
    expect(fields.priv_level?.enum).toMatchObject({
      message: 'Value not found in enumerated list of values',
      target: ['user', 'admin'],
      value: 'root',
    });
    expect(fields.enabled?.type).toMatchObject({ message: 'Value did not match type(s): boolean', target: 'boolean', value: 'yes' });
    expect(fields.username?.pattern?.message).toMatch(/^Failed to match pattern/);
    expect(fields['call_forward.number']?.type).toMatchObject({ target: 'string', value: 5 });
    const queue = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'D', media: { audio: { codecs: 'PCMU' } } } });
    expect(Object.keys(queue.body.data as object)).toContain('media.audio.codecs');
  });

  it('keeps usernames unique in an account, and reports it with schema errors together', async () => {
    await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'J', last_name: 'Doe', username: 'jdoe', password: 'pw-jdoe' } });
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'A', username: 'JDOE' } });
    expect(r.status).toBe(400);
    expect(r.body.data).toMatchObject({
      last_name: { required: {} },
      username: { unique: { message: 'Username must be unique within account', cause: 'jdoe' } },
    });
  });

  it('keeps SIP credentials and MAC addresses unique', async () => {
    await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'A', mac_address: '00:11:22:33:44:55', sip: { username: 'shared', password: 'secret-pass' } },
    });
    const r = await h.call('PUT', `${h.acct}/devices`, {
      data: { name: 'B', mac_address: '001122334455', sip: { username: 'shared', password: 'secret-pass' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.data).toMatchObject({
      'sip.username': { unique: { message: 'SIP credentials already in use' } },
      mac_address: { unique: { message: 'MAC address already in use' } },
    });
  });

  it('keeps callflow numbers and patterns unique, and needs one of them', async () => {
    const first = await h.call('PUT', `${h.acct}/callflows`, {
      data: { name: 'Sales', numbers: ['2001'], patterns: ['^9(\\d+)$'], flow: { module: 'park', data: {} } },
    });
    expect(first.status).toBe(201);
    const id = data(first).id;
    const clash = await h.call('PUT', `${h.acct}/callflows`, {
      data: { numbers: ['2001'], patterns: ['^9(\\d+)$'], flow: { module: 'park', data: {} } },
    });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({
      numbers: { unique: { message: `Number 2001 exists in callflow ${id} Sales`, cause: '2001' } },
      patterns: { unique: { message: `Pattern ^9(\\d+)$ exists in callflow ${id} Sales`, cause: '^9(\\d+)$' } },
    });
    const none = await h.call('PUT', `${h.acct}/callflows`, { data: { name: 'Nothing', flow: { module: 'park', data: {} } } });
    expect(none.body.data).toEqual({ numbers: { required: { message: 'Callflows must be assigned at least one number or pattern' } } });
    // updating a callflow with its own numbers is not a clash
    expect((await h.call('POST', `${h.acct}/callflows/${id}`, { data: { name: 'Sales 2', numbers: ['2001'] } })).status).toBe(200);
  });

  it("validates each callflow node's data against its module schema", async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, {
      data: {
        numbers: ['2101'],
        flow: {
          module: 'user',
          data: { id: 'u1', timeout: 'soon' },
          children: { _: { module: 'voicemail', data: { max_message_length: 'x' } } },
        },
      },
    });
    expect(r.status).toBe(400);
    expect(Object.keys(r.body.data as object).sort()).toEqual(['flow.children._.data.max_message_length', 'flow.data.timeout']);
    const missingModule = await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: ['2102'], flow: { data: {} } } });
    expect(missingModule.body.data).toHaveProperty(['flow.module', 'required']);
  });

  it('keeps vmbox mailboxes unique', async () => {
    await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box A', mailbox: '3000' } });
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Box B', mailbox: '3000' } });
    expect(r.body.data).toEqual({ mailbox: { unique: { message: 'Invalid mailbox number or already exists' } } });
  });
});

describe('update (POST), patch (PATCH), delete (DELETE)', () => {
  it('POST replaces the public document: fields not sent are gone', async () => {
    const created = data(
      await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'R', last_name: 'Place', email: 'r@example.com', custom: 1 } }),
    );
    const r = await h.call('POST', `${h.acct}/users/${created.id}`, { data: { first_name: 'R', last_name: 'Placed' } });
    expect(r.status).toBe(200);
    expect(data(r)).not.toHaveProperty('email');
    expect(data(r)).not.toHaveProperty('custom');
    expect(data(r)).toMatchObject({ last_name: 'Placed', enabled: true });
  });

  it('PATCH deep-merges, null deletes, arrays are replaced, then the result is validated', async () => {
    const created = data(
      await h.call('PUT', `${h.acct}/devices`, {
        data: {
          name: 'P',
          sip: { username: 'patchy', password: 'secret-pass' },
          media: { audio: { codecs: ['PCMU', 'PCMA'] } },
          extra: 'x',
        },
      }),
    );
    const r = await h.call('PATCH', `${h.acct}/devices/${created.id}`, {
      data: { sip: { password: 'new-secret' }, media: { audio: { codecs: ['OPUS'] } }, extra: null },
    });
    expect(r.status).toBe(200);
    expect(data(r)).toMatchObject({ sip: { username: 'patchy', password: 'new-secret' }, media: { audio: { codecs: ['OPUS'] } } });
    expect(data(r)).not.toHaveProperty('extra');
    const bad = await h.call('PATCH', `${h.acct}/devices/${created.id}`, { data: { name: null } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('name.required');
  });

  it('DELETE answers 200 with the document and _read_only.deleted; then it is gone (soft)', async () => {
    const created = data(
      await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Gone', last_name: 'Soon', username: 'gone', password: 'pw-gone' } }),
    );
    const r = await h.call('DELETE', `${h.acct}/users/${created.id}`);
    expect(r.status).toBe(200);
    expect(data(r)).toMatchObject({ id: created.id, first_name: 'Gone', _read_only: { deleted: true } });
    expect((await h.call('GET', `${h.acct}/users/${created.id}`)).status).toBe(404);
    expect((await h.call('DELETE', `${h.acct}/users/${created.id}`)).status).toBe(404);
    const list = await h.call('GET', `${h.acct}/users?paginate=false`);
    expect((list.body.data as Doc[]).some((u) => u.id === created.id)).toBe(false);
    // the username is free again
    expect(
      (await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'New', last_name: 'One', username: 'gone', password: 'pw-new' } }))
        .status,
    ).toBe(201);
  });

  it('does not let a document of one type be read as another', async () => {
    const menu = data(await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Typed' } }));
    expect((await h.call('GET', `${h.acct}/users/${menu.id}`)).status).toBe(404);
  });
});

describe('every collection', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['users', { first_name: 'T', last_name: 'U' }, { first_name: 'T2', last_name: 'U' }],
    ['devices', { name: 'Phone' }, { name: 'Phone 2' }],
    ['callflows', { numbers: ['7001'], flow: { module: 'park', data: {} } }, { numbers: ['7002'] }],
    ['vmboxes', { name: 'VM', mailbox: '7001' }, { name: 'VM 2', mailbox: '7001' }],
    ['conferences', { name: 'Conf' }, { name: 'Conf 2' }],
    ['media', { name: 'Greeting' }, { name: 'Greeting 2' }],
    ['menus', { name: 'IVR' }, { name: 'IVR 2' }],
    ['groups', { name: 'Sales', endpoints: {} }, { name: 'Sales 2', endpoints: {} }],
    ['temporal_rules', { name: 'Weekdays', cycle: 'weekly' }, { name: 'Weekdays', cycle: 'daily' }],
    ['temporal_rules_sets', { name: 'Hours' }, { name: 'Hours 2' }],
    ['directories', { name: 'Staff' }, { name: 'Staff 2' }],
    ['lists', { name: 'VIP' }, { name: 'VIP 2' }],
    ['blacklists', { name: 'Spam' }, { name: 'Spam 2' }],
    ['faxboxes', { name: 'Fax' }, { name: 'Fax 2' }],
    [
      'webhooks',
      { name: 'Hook', uri: 'http://example.com/h', hook: 'channel_create' },
      { name: 'Hook 2', uri: 'http://example.com/h', hook: 'channel_create' },
    ],
    ['connectivity', { account: { trunks: 1 } }, { account: { trunks: 2 } }],
    ['queues', { name: 'Support' }, { name: 'Support 2' }],
  ];
  it.each(cases)('%s: create, get, list, update, delete', async (name, body, update) => {
    const created = await h.call('PUT', `${h.acct}/${name}`, { data: body });
    expect(created.status, created.text).toBe(201);
    const id = data(created).id;
    expect(data(await h.call('GET', `${h.acct}/${name}/${id}`))).toMatchObject(body);
    const list = await h.call('GET', `${h.acct}/${name}?paginate=false`);
    const items = list.body.data as unknown[];
    expect(items.some((i) => (typeof i === 'string' ? i === id : (i as Doc).id === id))).toBe(true);
    expect(data(await h.call('POST', `${h.acct}/${name}/${id}`, { data: update }))).toMatchObject(update);
    expect((await h.call('DELETE', `${h.acct}/${name}/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/${name}/${id}`)).status).toBe(404);
  });

  it("requires each schema's fields (temporal_rules.cycle, webhooks.uri, …)", async () => {
    expect((await h.call('PUT', `${h.acct}/temporal_rules`, { data: { name: 'x' } })).body.data).toHaveProperty('cycle.required');
    expect((await h.call('PUT', `${h.acct}/webhooks`, { data: { name: 'x', hook: 'y' } })).body.data).toHaveProperty('uri.required');
    expect((await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'x' } })).body.data).toHaveProperty('mailbox.required');
  });
});
