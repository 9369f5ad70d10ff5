import { describe, expect, it } from 'vitest';
import { type Doc, data, useHarness } from './helpers';

const h = useHarness();

describe('cccps (cb_cccps)', () => {
  it('creates an entry with the cid in E.164, lists it with the crossbar_listing fields, updates and deletes it', async () => {
    const created = await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '4155550123', comment: 'front desk' } });
    expect(created.status).toBe(201);
    const entry = data(created);
    expect(entry).toMatchObject({ cid: '+14155550123', active: false, comment: 'front desk' });
    const listed = (await h.call('GET', `${h.acct}/cccps`)).body.data as Doc[];
    expect(listed).toContainEqual({
      id: entry.id,
      account_id: h.sandbox.accountId,
      active: false,
      cid: '+14155550123',
      comment: 'front desk',
    });
    expect(data(await h.call('POST', `${h.acct}/cccps/${entry.id}`, { data: { cid: '+14155550123', active: true } }))).toMatchObject({
      active: true,
    });
    expect((await h.call('DELETE', `${h.acct}/cccps/${entry.id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/cccps/${entry.id}`)).status).toBe(404);
  });

  // The cccps database's cid_listing and pin_listing views list active entries only; error_cid_exists/2
  // reports the cid as sent, before knm_converters:normalize/1.
  it('refuses a cid or pin an active entry already uses and a cid that is not a number, on the cccp key (cb_cccps:error_*)', async () => {
    await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '4321', active: true } });
    const pin = await h.call('PUT', `${h.acct}/cccps`, { data: { pin: '4321' } });
    expect(pin.status).toBe(400);
    expect(pin.body.data).toEqual({ cccp: { unique: { message: 'Pin already exists' } } });
    await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '+14155550999', active: true } });
    const cid = await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '4155550999' } });
    expect(cid.body.data).toEqual({ cccp: { unique: { message: 'CID already exists', cause: '4155550999' } } });
    const bad = await h.call('PUT', `${h.acct}/cccps`, { data: { cid: '12' } });
    expect(bad.body.data).toEqual({ cccp: { unique: { message: 'Number is non reconcilable', cause: '12' } } });
  });

  it('answers autodial for the login’s own account with 501 (a callback needs telephony), 400 for another account', async () => {
    const own = await h.call('PUT', `${h.acct}/cccps/autodial`, { data: { number: '+14155550199' } });
    expect(own.status).toBe(501);
    expect(own.body.message).toBe('not_implemented');
    const child = data(await h.call('PUT', h.acct, { data: { name: 'Callback branch' } }));
    const other = await h.call('PUT', `/v2/accounts/${child.id}/cccps/autodial`, { data: {} });
    expect(other.status).toBe(400);
    expect(other.body.data).toEqual({ account: { forbidden: { message: 'For direct use by account holder only' } } });
    const notAutodial = await h.call('PUT', `${h.acct}/cccps/0123456789abcdef0123456789abcdef`, { data: {} });
    expect(notAutodial.status).toBe(404);
    expect(notAutodial.body.message).toBe('bad_identifier');
  });
});
