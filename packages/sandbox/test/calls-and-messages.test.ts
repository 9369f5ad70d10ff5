import { beforeAll, describe, expect, it } from 'vitest';
import { type Doc, data, request, useHarness } from './helpers';

const h = useHarness({ demoData: true });
const list = (r: { body: { data?: unknown } }) => r.body.data as Doc[];

describe('clicktocall', () => {
  it('creates with the schema defaults, lists, patches, deletes (document engine)', async () => {
    const created = await h.call('PUT', `${h.acct}/clicktocall`, { data: { name: 'Sales line', extension: '1001' } });
    expect(created.status).toBe(201);
    const c2c = data(created);
    expect(c2c).toMatchObject({ name: 'Sales line', extension: '1001', auth_required: true, custom_application_vars: {} });
    expect(created.headers.get('location')).toBe(`${h.acct}/clicktocall/${c2c.id}`);
    expect(list(await h.call('GET', `${h.acct}/clicktocall`))).toContainEqual({ id: c2c.id, name: 'Sales line', extension: '1001' });
    const patched = await h.call('PATCH', `${h.acct}/clicktocall/${c2c.id}`, { data: { whitelist: ['^\\+1415'] } });
    expect(data(patched)).toMatchObject({ name: 'Sales line', whitelist: ['^\\+1415'] });
    const missing = await h.call('PUT', `${h.acct}/clicktocall`, { data: { name: 'No extension' } });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toHaveProperty('extension.required');
    expect((await h.call('DELETE', `${h.acct}/clicktocall/${c2c.id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/clicktocall/${c2c.id}`)).status).toBe(404);
  });

  it('connects (202 with the originate request), records history, checks contact and whitelist', async () => {
    const c2c = data(
      await h.call('PUT', `${h.acct}/clicktocall`, { data: { name: 'Support', extension: '1002', whitelist: ['^\\+1415'] } }),
    );
    const connected = await h.call('POST', `${h.acct}/clicktocall/${c2c.id}/connect`, { data: { contact: '+14155550199' } });
    expect(connected.status).toBe(202);
    expect(data(connected)).toMatchObject({
      application_name: 'transfer',
      application_data: { route: '+14155550199' },
      endpoints: [{ route: '1002', invite_format: 'loopback' }],
    });
    const blocking = await h.call('POST', `${h.acct}/clicktocall/${c2c.id}/connect`, { data: { contact: '+14155550198', blocking: true } });
    expect(blocking.status).toBe(200);
    expect(data(blocking)).toMatchObject({ contact: '+14155550198', result: 'success' });

    const hist = await h.call('GET', `${h.acct}/clicktocall/${c2c.id}/history`);
    expect(hist.status).toBe(200);
    expect(
      list(hist)
        .map((x) => x.contact)
        .sort(),
    ).toEqual(['+14155550198', '+14155550199']);

    const none = await h.call('POST', `${h.acct}/clicktocall/${c2c.id}/connect`, { data: {} });
    expect(none.status).toBe(400);
    expect(none.body.data).toHaveProperty('contact.required');
    const outside = await h.call('POST', `${h.acct}/clicktocall/${c2c.id}/connect`, { data: { contact: '+442071234567' } });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toBe("Contact doesn't match whitelist");
    expect(list(await h.call('GET', `${h.acct}/clicktocall/${c2c.id}/history`))).toHaveLength(2);
  });

  it('runs an owner-supplied whitelist pattern bounded: a catastrophic one answers promptly as no match (cb_clicktocall:match_regexps)', async () => {
    const c2c = data(
      await h.call('PUT', `${h.acct}/clicktocall`, {
        data: { name: 'Hostile', extension: '1009', whitelist: ['^(a+)+$', '^\\+1415'], auth_required: false },
      }),
    );
    // 30 characters make an unbounded backtracking match take tens of seconds and block the server.
    const started = Date.now();
    const hostile = await request(h.sandbox, 'POST', `${h.acct}/clicktocall/${c2c.id}/connect`, {
      data: { contact: `${'a'.repeat(30)}b` },
    });
    expect(hostile.status).toBe(400);
    expect(hostile.body.message).toBe("Contact doesn't match whitelist");
    expect(Date.now() - started).toBeLessThan(3_000);
    // The other pattern still matches, and an oversized contact is refused without running any.
    expect(
      (await request(h.sandbox, 'POST', `${h.acct}/clicktocall/${c2c.id}/connect`, { data: { contact: '+14155550111' } })).status,
    ).toBe(202);
    const huge = await request(h.sandbox, 'POST', `${h.acct}/clicktocall/${c2c.id}/connect`, {
      data: { contact: `+1415${'5'.repeat(5000)}` },
    });
    expect(huge.status).toBe(400);
  });

  it('normalises the contact to E.164 before the whitelist and the call (cb_clicktocall:get_c2c_contact)', async () => {
    const c2c = data(await h.call('PUT', `${h.acct}/clicktocall`, { data: { name: 'Local', extension: '1010', whitelist: ['^\\+1415'] } }));
    const connected = await h.call('POST', `${h.acct}/clicktocall/${c2c.id}/connect`, { data: { contact: '4155550123', blocking: true } });
    expect(connected.status).toBe(200);
    expect(data(connected)).toMatchObject({ contact: '+14155550123' });
  });

  it('needs a token unless the endpoint says auth_required: false; unknown ids are 404; history is read-only', async () => {
    const locked = data(await h.call('PUT', `${h.acct}/clicktocall`, { data: { name: 'Locked', extension: '1003' } }));
    const open = data(await h.call('PUT', `${h.acct}/clicktocall`, { data: { name: 'Open', extension: '1004', auth_required: false } }));
    const anon = (id: string) => request(h.sandbox, 'POST', `${h.acct}/clicktocall/${id}/connect`, { data: { contact: '+14155550100' } });
    expect((await anon(locked.id)).status).toBe(401);
    expect((await anon(open.id)).status).toBe(202);
    expect((await anon('0'.repeat(32))).status).toBe(401);
    const unknown = await h.call('POST', `${h.acct}/clicktocall/${'0'.repeat(32)}/connect`, { data: { contact: '1' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('bad_identifier');
    expect((await h.call('GET', `${h.acct}/clicktocall/${'0'.repeat(32)}/history`)).status).toBe(404);
    expect((await h.call('DELETE', `${h.acct}/clicktocall/${open.id}/history`)).status).toBe(405);
    expect((await h.call('PUT', `${h.acct}/clicktocall/${open.id}/connect`, { data: {} })).status).toBe(405);
  });
});

describe('sms', () => {
  it('stores a sent message as queued, with user@realm addressing, and lists it', async () => {
    // An offnet sender must be an SMS-enabled number of the account (cb_sms:validate_from/1).
    expect((await h.call('PATCH', `${h.acct}/phone_numbers/%2B14155550100`, { data: { sms: { enabled: true } } })).status).toBe(200);
    const sent = await h.call('PUT', `${h.acct}/sms`, { data: { to: '+14155550199', from: '+14155550100', body: 'Your table is ready' } });
    expect(sent.status).toBe(201);
    const sms = data(sent);
    expect(sms.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    const realm = String(data(await h.call('GET', h.acct)).realm);
    expect(sms).toMatchObject({
      body: 'Your table is ready',
      to: `+14155550199@${realm}`,
      to_user: '+14155550199',
      from: `+14155550100@${realm}`,
      from_user: '+14155550100',
      route_type: 'offnet',
    });
    expect(data(await h.call('GET', `${h.acct}/sms/${sms.id}`))).toEqual(sms);
    const listed = list(await h.call('GET', `${h.acct}/sms`));
    expect(listed).toContainEqual(
      expect.objectContaining({ id: sms.id, from: '+14155550100', to: '+14155550199', status: 'queued', direction: 'outbound' }),
    );
  });

  it('defaults the sender to anonymous without a caller id, validates, deletes, has no POST', async () => {
    const sent = data(await h.call('PUT', `${h.acct}/sms`, { data: { to: '1001', body: 'hi' } }));
    expect(sent.from_user).toBe('0000000000');
    const bad = await h.call('PUT', `${h.acct}/sms`, { data: { to: '1001', body: 'x'.repeat(701) } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('body.maxLength');
    expect((await h.call('PUT', `${h.acct}/sms`, { data: { body: 'no recipient' } })).body.data).toHaveProperty('to.required');
    expect((await h.call('DELETE', `${h.acct}/sms/${sent.id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/sms/${sent.id}`)).status).toBe(404);
    expect(list(await h.call('GET', `${h.acct}/sms`)).map((m) => m.id)).not.toContain(sent.id);
    expect((await h.call('POST', `${h.acct}/sms/${sent.id}`, { data: {} })).status).toBe(405);
    expect((await h.call('GET', `${h.acct}/sms?created_from=1&created_to=99999999999`)).status).toBe(400);
  });
});

describe('sms routing and sender (cb_sms:create_request/1, cb_sms:validate_from/1)', () => {
  let branch: string;
  const send = (data: Record<string, unknown>) => h.call('PUT', `${branch}/sms`, { data: { body: 'Order shipped', ...data } });
  beforeAll(async () => {
    const child = data(
      await h.call('PUT', h.acct, {
        data: { name: 'SMS branch', caller_id: { internal: { number: '2001' }, external: { number: '+14155557100' } } },
      }),
    );
    branch = `/v2/accounts/${child.id}`;
    for (const n of ['%2B14155557100', '%2B14155557101'])
      expect((await h.call('PUT', `${branch}/phone_numbers/${n}/activate`)).status).toBe(201);
    expect((await h.call('PUT', `${branch}/phone_numbers/%2B14155557102/reserve`)).status).toBe(201);
    for (const n of ['%2B14155557100', '%2B14155557102']) {
      expect((await h.call('PATCH', `${branch}/phone_numbers/${n}`, { data: { sms: { enabled: true } } })).status).toBe(200);
    }
  });

  it('routes by knm_converters:is_reconcilable/1 on the recipient and defaults the sender to the internal (onnet) or external (offnet) caller id (cb_sms:get_default_caller_id/3)', async () => {
    const onnet = await send({ to: '2002' });
    expect(onnet.status, onnet.text).toBe(201);
    expect(data(onnet)).toMatchObject({ to_user: '2002', from_user: '2001', route_type: 'onnet' });
    const offnet = await send({ to: '4155550199' });
    expect(offnet.status, offnet.text).toBe(201);
    // knm_converters:normalize/2 puts an offnet recipient in E.164.
    expect(data(offnet)).toMatchObject({ to_user: '+14155550199', from_user: '+14155557100', route_type: 'offnet' });
    // The default reconcile_regex takes ten digits even where no converter applies, and refuses a short `+1…`.
    expect(data(await send({ to: '1234567890' }))).toMatchObject({
      to_user: '1234567890',
      from_user: '+14155557100',
      route_type: 'offnet',
    });
    expect(data(await send({ to: '+12345678' }))).toMatchObject({ to_user: '+12345678', from_user: '2001', route_type: 'onnet' });
    // An onnet message is not checked, whoever it claims to come from.
    expect((await send({ to: '2002', from: '+19995550000' })).status).toBe(201);
  });

  it('refuses an offnet sender that is not a number of the account with SMS enabled (number_exists/2, number_belongs_to_account/1, number_has_sms_enabled/1)', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['+19995550000', { from: { invalid: { message: 'number is invalid' } } }],
      ['+14155550100', { from: { forbidden: { message: 'number does not belong to account' } } }],
      ['+14155557101', { from: { forbidden: { message: 'number does not have sms enabled' } } }],
      // knm_im:save/2 activates the feature on in-service numbers only.
      ['+14155557102', { from: { forbidden: { message: 'number does not have sms enabled' } } }],
    ];
    for (const [from, errors] of cases) {
      const refused = await send({ to: '+14155550199', from });
      expect(refused.status, from).toBe(400);
      expect(refused.body).toMatchObject({ error: '400', status: 'error', message: 'validation error' });
      expect(refused.body.data, from).toEqual(errors);
    }
    // The sender is normalised before it is looked up (knm_phone_number:fetch/1).
    const sent = await send({ to: '+14155550199', from: '4155557100' });
    expect(sent.status, sent.text).toBe(201);
    expect(data(sent)).toMatchObject({ from_user: '4155557100', route_type: 'offnet' });
    expect(list(await h.call('GET', `${branch}/sms`)).map((m) => m.id)).toContain(data(sent).id);
  });
});

describe('recordings', () => {
  it('lists the demo recordings as whole documents with their content types', async () => {
    const r = await h.call('GET', `${h.acct}/recordings`);
    expect(r.status).toBe(200);
    const recs = list(r);
    expect(recs).toHaveLength(2);
    expect(recs[0]).toMatchObject({ media_type: 'mp3', _read_only: { content_types: ['audio/mpeg'] } });
    expect(recs[0]?.id).toMatch(/^\d{6}-/);
    const owner = String(recs[0]?.owner_id);
    const byUser = list(await h.call('GET', `${h.acct}/users/${owner}/recordings`));
    expect(byUser.map((x) => x.id)).toEqual([recs[0]?.id]);
  });

  it('serves the document as JSON and the audio for Accept: audio/mpeg; deletes', async () => {
    const [rec] = list(await h.call('GET', `${h.acct}/recordings`));
    const id = String(rec?.id);
    const doc = await h.call('GET', `${h.acct}/recordings/${id}`);
    expect(data(doc)).toMatchObject({ id, content_type: 'audio/mpeg' });
    const audio = await h.call('GET', `${h.acct}/recordings/${id}`, { headers: { accept: 'audio/mpeg' } });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(audio.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    expect(audio.text.startsWith('ID3')).toBe(true);
    const inline = await h.call('GET', `${h.acct}/recordings/${id}?accept=audio/mpeg&inline=true`);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);

    expect((await h.call('DELETE', `${h.acct}/recordings/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/recordings/${id}`)).status).toBe(404);
    expect(list(await h.call('GET', `${h.acct}/recordings`))).toHaveLength(1);
  });

  it('answers unknown ids with 404 bad identifier, and an account without recordings with []', async () => {
    const notModb = await h.call('GET', `${h.acct}/recordings/nope`);
    expect(notModb.status).toBe(404);
    expect(notModb.body).toMatchObject({ message: 'bad identifier', data: ['nope'] });
    const unknown = await h.call('GET', `${h.acct}/recordings/202001-${'0'.repeat(32)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('bad_identifier');
    const other = h.sandbox.createAccount({ name: 'No Recordings' });
    const empty = await h.call('GET', `/v2/accounts/${other.accountId}/recordings`, { token: await h.login(other.apiKey) });
    expect(empty.status).toBe(200);
    expect(empty.body.data).toEqual([]);
    expect((await h.call('PUT', `${h.acct}/recordings`, { data: {} })).status).toBe(405);
  });
});
