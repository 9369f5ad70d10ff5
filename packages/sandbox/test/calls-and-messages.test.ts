import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, request } from './helpers';

type Doc = Record<string, unknown> & { id: string };
let h: Harness;
beforeAll(async () => {
  h = await harness({ demoData: true });
});
afterAll(() => h.stop());
const data = (r: { body: { data?: unknown } }) => r.body.data as Doc;
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
