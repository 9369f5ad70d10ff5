import { describe, expect, it } from 'vitest';
import { useHarness } from './helpers';

type Doc = Record<string, unknown>;
const data = (r: { body: { data?: unknown } }) => r.body.data as Doc;
const h = useHarness();

describe('metaflows', () => {
  it('reads {} before anything is set, stores what POST sends (with the schema default), and keeps it', async () => {
    const other = h.sandbox.createAccount({ name: 'Metaflows Fresh' });
    const fresh = await h.call('GET', `/v2/accounts/${other.accountId}/metaflows`, { token: await h.login(other.apiKey) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.data).toEqual({});

    const flows = { numbers: { '2': { module: 'tts', data: { text: '2 pressed' } } }, listen_on: 'self' };
    const set = await h.call('POST', `${h.acct}/metaflows`, { data: flows });
    expect(set.status).toBe(200);
    expect(data(set)).toEqual({ ...flows, binding_digit: '*' });
    expect(data(await h.call('GET', `${h.acct}/metaflows`))).toEqual({ ...flows, binding_digit: '*' });
    // KAZOO keeps them on the account document
    expect(data(await h.call('GET', h.acct)).metaflows).toEqual({ ...flows, binding_digit: '*' });
  });

  it('validates (400 field map), deletes to {}, and has no PUT/PATCH', async () => {
    const bad = await h.call('POST', `${h.acct}/metaflows`, { data: { binding_digit: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('binding_digit.enum');
    await h.call('POST', `${h.acct}/metaflows`, { data: { binding_digit: '#' } });
    const removed = await h.call('DELETE', `${h.acct}/metaflows`);
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual({});
    expect(data(await h.call('GET', `${h.acct}/metaflows`))).toEqual({});
    expect(data(await h.call('GET', h.acct))).not.toHaveProperty('metaflows');
    for (const verb of ['PUT', 'PATCH']) {
      const r = await h.call(verb, `${h.acct}/metaflows`, { data: {} });
      expect(r.status).toBe(405);
      expect(r.body.message).toBe('invalid_method');
    }
    expect((await h.call('GET', `${h.acct}/metaflows/extra`)).status).toBe(404);
  });
});

describe('security', () => {
  it('GET answers the own (empty) config and the inherited one; POST stores; PATCH deep-merges', async () => {
    const other = h.sandbox.createAccount({ name: 'Security Account' });
    const base = `/v2/accounts/${other.accountId}/security`;
    const token = await h.login(other.apiKey);
    const first = await h.call('GET', base, { token });
    expect(first.status).toBe(200);
    const overview = data(first) as { account: Doc; inherited_config: { auth_modules: Record<string, Doc> } };
    expect(overview.account).toEqual({});
    expect(overview.inherited_config.auth_modules.cb_user_auth).toMatchObject({ enabled: true, token_auth_expiry_s: 3600 });

    const posted = await h.call('POST', base, { token, data: { auth_modules: { cb_api_auth: { enabled: false } } } });
    expect(posted.status).toBe(200);
    expect(data(posted)).toEqual({ auth_modules: { cb_api_auth: { enabled: false } }, id: 'configs_crossbar.auth' });

    const patched = await h.call('PATCH', base, { token, data: { auth_modules: { cb_user_auth: { token_auth_expiry_s: 7200 } } } });
    expect(patched.status).toBe(200);
    expect(data(patched)).toMatchObject({
      auth_modules: { cb_api_auth: { enabled: false }, cb_user_auth: { token_auth_expiry_s: 7200 } },
    });
    const after = data(await h.call('GET', base, { token })) as typeof overview;
    expect(after.account).toEqual({ auth_modules: { cb_api_auth: { enabled: false }, cb_user_auth: { token_auth_expiry_s: 7200 } } });
    expect(after.inherited_config.auth_modules.cb_api_auth).toMatchObject({ enabled: false, log_failed_attempts: true });
    expect(after.inherited_config.auth_modules.cb_user_auth).toMatchObject({ enabled: true, token_auth_expiry_s: 7200 });
  });

  it('rejects a wrongly typed field with a 400 field map', async () => {
    const r = await h.call('POST', `${h.acct}/security`, { data: { auth_modules: { cb_user_auth: { enabled: 'yes' } } } });
    expect(r.status).toBe(400);
    expect(r.body.data).toHaveProperty(['auth_modules.cb_user_auth.enabled', 'type']);
  });

  it('a sub-account inherits its parent configuration until it has its own', async () => {
    const parent = h.sandbox.createAccount({ name: 'Security Parent' });
    const token = await h.login(parent.apiKey);
    await h.call('POST', `/v2/accounts/${parent.accountId}/security`, {
      token,
      data: { auth_modules: { cb_ip_auth: { enabled: false } } },
    });
    const child = await h.call('PUT', `/v2/accounts/${parent.accountId}`, { token, data: { name: 'Security Child' } });
    const childId = data(child).id as string;
    const seen = data(await h.call('GET', `/v2/accounts/${childId}/security`, { token })) as {
      account: Doc;
      inherited_config: { auth_modules: Record<string, Doc> };
    };
    expect(seen.account).toEqual({});
    expect(seen.inherited_config.auth_modules.cb_ip_auth).toMatchObject({ enabled: false });
  });

  it('DELETE removes the own config (404 when there is none); attempts are empty; /v2/security lists modules', async () => {
    const other = h.sandbox.createAccount({ name: 'Security Delete' });
    const token = await h.login(other.apiKey);
    const base = `/v2/accounts/${other.accountId}/security`;
    const none = await h.call('DELETE', base, { token });
    expect(none.status).toBe(404);
    expect(none.body.message).toBe('bad_identifier');
    await h.call('POST', base, { token, data: { auth_modules: { cb_api_auth: { enabled: false } } } });
    const removed = await h.call('DELETE', base, { token });
    expect(removed.status).toBe(200);
    expect(data(removed)).toMatchObject({ auth_modules: { cb_api_auth: { enabled: false } } });
    expect((data(await h.call('GET', base, { token })) as { account: Doc }).account).toEqual({});

    const attempts = await h.call('GET', `${base}/attempts`, { token });
    expect(attempts.status).toBe(200);
    expect(attempts.body.data).toEqual([]);
    expect((await h.call('GET', `${base}/attempts/201701-${'a'.repeat(32)}`, { token })).status).toBe(404);
    expect((await h.call('POST', `${base}/attempts`, { token, data: {} })).status).toBe(405);
    expect((await h.call('PUT', base, { token, data: {} })).status).toBe(405);

    const modules = await h.call('GET', '/v2/security');
    expect(modules.status).toBe(200);
    // cb_security:summary_available/1 answers the DEFAULT_AUTH_METHODS under available_auth_methods.
    expect(data(modules)).toEqual({ available_auth_methods: ['cb_api_auth', 'cb_auth', 'cb_ip_auth', 'cb_user_auth'] });
    expect((await h.call('GET', '/v2/security', { token: null })).status).toBe(401);
  });

  // cb_security:allowed_methods/1 matches only `attempts`: any other segment (an auth module's
  // name too) leaves the allow list empty, and api_resource:maybe_allow_method/4 answers 404
  // `not_found` before authentication, for every verb. One module's settings live in the account's
  // document, under auth_modules.<module>.
  it('security/{auth module} is 404 not_found for every verb, as no cb_security path (cb_security:allowed_methods/1)', async () => {
    const base = `${h.acct}/security`;
    await h.call('POST', base, { data: { auth_modules: { cb_user_auth: { enabled: true } } } });
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE', 'PUT']) {
      const r = await h.call(method, `${base}/cb_user_auth`, method === 'GET' || method === 'DELETE' ? {} : { data: { enabled: false } });
      expect(r.status, `${method} ${r.text}`).toBe(404);
      expect(r.body.message).toBe('not_found');
      expect(r.body.error).toBe('404');
    }
    const own = data(await h.call('GET', base)) as { account: { auth_modules: Record<string, Doc> } };
    expect(own.account.auth_modules.cb_user_auth).toMatchObject({ enabled: true });
  });
});

describe('token_restrictions', () => {
  const restrictions = { restrictions: { _: { _: { about: [{ allowed_accounts: ['_'], rules: { '/': ['GET'] } }] } } } };

  it('is 404 until set; POST stores and GET reads it back; DELETE removes it', async () => {
    const other = h.sandbox.createAccount({ name: 'Restrictions Account' });
    const token = await h.login(other.apiKey);
    const base = `/v2/accounts/${other.accountId}/token_restrictions`;
    const unset = await h.call('GET', base, { token });
    expect(unset.status).toBe(404);
    expect(unset.body.message).toBe('bad_identifier');

    const set = await h.call('POST', base, { token, data: restrictions });
    expect(set.status).toBe(200);
    expect(data(set)).toEqual({ ...restrictions, id: 'token_restrictions' });
    const read = await h.call('GET', base, { token });
    expect(data(read)).toEqual({ ...restrictions, id: 'token_restrictions' });
    expect(read.headers.get('etag')).toMatch(/^"1-/);

    const replaced = await h.call('POST', base, { token, data: { restrictions: {} } });
    expect(data(replaced)).toEqual({ restrictions: {}, id: 'token_restrictions' });

    const removed = await h.call('DELETE', base, { token });
    expect(removed.status).toBe(200);
    expect((await h.call('GET', base, { token })).status).toBe(404);
    expect((await h.call('DELETE', base, { token })).status).toBe(404);
  });

  it('refuses an unknown verb in a rule (400) and PUT/PATCH (405)', async () => {
    const bad = await h.call('POST', `${h.acct}/token_restrictions`, {
      data: { restrictions: { _: { _: { about: [{ rules: { '/': ['FETCH'] } }] } } } },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data as object)[0]).toMatch(/^restrictions\._\._\.about\.0\.rules/);
    expect((await h.call('PATCH', `${h.acct}/token_restrictions`, { data: {} })).status).toBe(405);
    expect((await h.call('PUT', `${h.acct}/token_restrictions`, { data: {} })).status).toBe(405);
  });
});
