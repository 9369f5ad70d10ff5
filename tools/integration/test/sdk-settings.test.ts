import { createApiKeyAuth } from '@audian/auth';
import { BadRequestError, NotFoundError } from '@audian/core';
import { type Audian, createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, setup } from './context';

// The account settings, click-to-call, SMS, recordings and search resources of the SDK against the
// sandbox: a fresh account for the settings, the seeded demo account where data must pre-exist.
let ctx: Context;
let demo: Sandbox;
let demoAudian: Audian;
beforeAll(async () => {
  ctx = await setup();
  demo = await startSandbox({ demoData: true });
  demoAudian = createAudian({ baseUrl: demo.apiUrl, auth: createApiKeyAuth({ apiKey: demo.apiKey }), rateLimit: false });
});
afterAll(async () => {
  await ctx.sandbox.stop();
  await demo.stop();
});

describe('account settings through the SDK', () => {
  it('metaflows: get {} when unset, update, read back, delete', async () => {
    const { metaflows } = ctx.audian;
    expect(await metaflows.get()).toEqual({});
    const flows = { binding_digit: '#' as const, patterns: { '2(\\d+)': { module: 'transfer', data: { takeback_dtmf: '*1' } } } };
    expect(await metaflows.update(flows)).toEqual(flows);
    expect(await metaflows.get()).toEqual(flows);
    await metaflows.delete();
    expect(await metaflows.get()).toEqual({});
  });

  it('security: overview, update, patch, attempts, modules, delete', async () => {
    const { security } = ctx.audian;
    const before = await security.get();
    expect(before.account).toEqual({});
    expect(before.inherited_config.auth_modules?.cb_api_auth).toMatchObject({ enabled: true });
    expect(await security.update({ auth_modules: { cb_user_auth: { enabled: false } } })).toMatchObject({
      auth_modules: { cb_user_auth: { enabled: false } },
    });
    const patched = await security.patch({ auth_modules: { cb_api_auth: { token_auth_expiry_s: 600 } } });
    expect(patched.auth_modules).toEqual({ cb_user_auth: { enabled: false }, cb_api_auth: { token_auth_expiry_s: 600 } });
    expect((await security.get()).inherited_config.auth_modules?.cb_api_auth).toMatchObject({ enabled: true, token_auth_expiry_s: 600 });
    expect(await security.attempts().toArray()).toEqual([]);
    await expect(security.attempt(`202401-${'a'.repeat(32)}`)).rejects.toBeInstanceOf(NotFoundError);
    expect((await security.modules()).available_auth_methods).toContain('cb_user_auth');
    await security.delete();
    expect((await security.get()).account).toEqual({});
    await expect(security.delete()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('token_restrictions: not found until set, update, get, delete', async () => {
    const tr = ctx.audian.token_restrictions;
    await expect(tr.get()).rejects.toBeInstanceOf(NotFoundError);
    const restrictions = { restrictions: { cb_user_auth: { user: { users: [{ rules: { '*': ['GET' as const] } }] } } } };
    expect(await tr.update(restrictions)).toMatchObject(restrictions);
    expect(await tr.get()).toMatchObject(restrictions);
    await tr.delete();
    await expect(tr.get()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('calls and messages through the SDK', () => {
  it('clicktocall: create, list, patch, connect, history, delete', async () => {
    const c2c = ctx.audian.clicktocall;
    const created = await c2c.create({ name: 'Call sales', extension: '2000' });
    expect(created).toMatchObject({ name: 'Call sales', extension: '2000', auth_required: true });
    expect((await c2c.list().toArray()).map((x) => x.id)).toEqual([created.id]);
    expect(await c2c.patch(created.id, { timeout: 25 })).toMatchObject({ timeout: 25, name: 'Call sales' });
    expect(await c2c.connect(created.id, { contact: '+14155550199' })).toMatchObject({ application_name: 'transfer' });
    expect(await c2c.connect(created.id, { contact: '+14155550198', blocking: true })).toMatchObject({ result: 'success' });
    const calls = await c2c.history(created.id).toArray();
    expect(calls.map((c) => c.contact).sort()).toEqual(['+14155550198', '+14155550199']);
    await c2c.delete(created.id);
    await expect(c2c.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sms: an offnet sender must be an SMS-enabled number of the account (cb_sms:validate_from/1); send, list, get, delete', async () => {
    const { sms, phone_numbers: phoneNumbers } = ctx.audian;
    const refused = await sms.send({ to: '+14155550199', from: '+14155550100', body: 'Your table is ready' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect((refused as BadRequestError).fieldErrors).toEqual([{ path: 'from', code: 'invalid', message: 'number is invalid' }]);
    await phoneNumbers.activate('+14155550100');
    const disabled = await sms.send({ to: '+14155550199', from: '+14155550100', body: 'Your table is ready' }).catch((e: unknown) => e);
    expect((disabled as BadRequestError).fieldErrors).toEqual([
      { path: 'from', code: 'forbidden', message: 'number does not have sms enabled' },
    ]);
    await phoneNumbers.patch('+14155550100', { sms: { enabled: true } });
    const sent = await sms.send({ to: '+14155550199', from: '+14155550100', body: 'Your table is ready' });
    expect(sent.id).toMatch(/^\d{6}-/);
    expect(await sms.list().toArray()).toEqual([
      expect.objectContaining({ id: sent.id, to: '+14155550199', from: '+14155550100', status: 'queued', direction: 'outbound' }),
    ]);
    expect(await sms.get(sent.id)).toMatchObject({ body: 'Your table is ready', to_user: '+14155550199' });
    await sms.delete(sent.id);
    expect(await sms.list().toArray()).toEqual([]);
    await expect(sms.get(sent.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('recordings: list, list by user, get, download, delete (demo data)', async () => {
    const recs = await demoAudian.recordings.list().toArray();
    expect(recs).toHaveLength(2);
    const [first] = recs;
    const id = first?.id as string;
    expect(await demoAudian.recordings.listByUser(first?.owner_id as string).toArray()).toEqual([expect.objectContaining({ id })]);
    expect(await demoAudian.recordings.get(id)).toMatchObject({ id, content_type: 'audio/mpeg' });
    const audio = await demoAudian.recordings.download(id);
    expect(new TextDecoder().decode((await audio.bytes()).slice(0, 3))).toBe('ID3');
    await demoAudian.recordings.delete(id);
    await expect(demoAudian.recordings.get(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ctx.audian.recordings.list().toArray()).toEqual([]);
  });

  it('search: query by name and number, multi, and a server-side 400 for an unknown view', async () => {
    const alice = await demoAudian.search.query({ type: 'user', view: 'name', value: 'alice' }).toArray();
    expect(alice).toEqual([expect.objectContaining({ name: 'Alice Anderson' })]);
    const numbers = await demoAudian.search.query({ type: 'callflow', view: 'number', value: '100' }).toArray();
    expect(numbers.map((x) => x.numbers)).toEqual([['1001'], ['1002'], ['1003'], ['1004']]);
    const multi = await demoAudian.search.multi({ type: 'callflow', by: { name: 'bob', number: '1003' } });
    expect(multi.name?.map((x) => x.name)).toEqual(['Bob Brown']);
    expect(multi.number?.map((x) => x.name)).toEqual(['Carol Chen']);
    await expect(demoAudian.search.query({ type: 'user', view: 'email', value: 'a' }).toArray()).rejects.toBeInstanceOf(BadRequestError);
  });

  // crossbar_filter:filter_prop/3 knows only filter_not_ and filter_: what `query` sends as
  // filter_any_<key> filters on the literal key any_<key>; full_docs is no KAZOO 5.x parameter.
  it('raw list parameters: filter_any_/filter_none_ filter on the literal key, full_docs keeps view rows', async () => {
    const all = await demoAudian.users.list().toArray();
    expect(all.length).toBeGreaterThan(1);
    expect(await demoAudian.users.list({ query: { filter_any_first_name: ['Alice'] } }).toArray()).toEqual([]);
    expect(await demoAudian.users.list({ query: { filter_none_first_name: ['Alice'] } }).toArray()).toEqual([]);
    expect(await demoAudian.users.list({ query: { filter_not_any_first_name: ['Alice'] } }).toArray()).toEqual(all);
    expect(await demoAudian.users.list({ query: { full_docs: true } }).toArray()).toEqual(all);
  });
});
