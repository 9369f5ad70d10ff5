import { describe, expect, it } from 'vitest';
import { credentials, request, useHarness } from './helpers';

const h = useHarness();

describe('PUT /v2/api_auth', () => {
  it('exchanges the API key for a token and answers like Crossbar (201, auth_token, account data)', async () => {
    const r = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: h.sandbox.apiKey } });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('success');
    expect(typeof r.body.auth_token).toBe('string');
    expect(String(r.body.auth_token).split('.')).toHaveLength(3);
    expect(r.body.data).toMatchObject({
      account_id: h.sandbox.accountId,
      account_name: h.sandbox.accountName,
      apps: [],
      is_reseller: true,
      reseller_id: h.sandbox.accountId,
      language: 'en-us',
    });
    expect(r.body).toHaveProperty('request_id');
    expect(r.body).toHaveProperty('node');
    expect(r.body).toHaveProperty('timestamp');
  });

  it('carries account_id, method and exp in the JWT claims', async () => {
    const claims = JSON.parse(Buffer.from(h.token.split('.')[1] as string, 'base64url').toString());
    expect(claims).toMatchObject({ account_id: h.sandbox.accountId, method: 'cb_api_auth', iss: 'kazoo' });
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it('answers an unknown key with 404 bad identifier echoing the key', async () => {
    const key = 'f'.repeat(64);
    const r = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: key } });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ status: 'error', error: '404', message: 'bad identifier', data: [key] });
  });

  it('refuses keys beside api_key with 400 additionalProperties: api_auth.json is strict (kz_json_schema:error_to_jobj/2)', async () => {
    const r = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: h.sandbox.apiKey, account_id: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      error: '400',
      message: 'validation error',
      data: {
        account_id: { additionalProperties: { message: 'Strict checking of data is enabled; only include schema-defined properties' } },
      },
    });
  });

  it('answers a missing key with 400 api_key.required and an empty one with 400 minLength: the schema runs first (cb_api_auth:validate/1)', async () => {
    const missing = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: '400', message: 'validation error', data: { api_key: { required: {} } } });
    const empty = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.data).toMatchObject({ api_key: { minLength: { target: 64 } } });
  });

  it('rejects a key that is not 64 characters with a field error', async () => {
    const r = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: 'short' } });
    expect(r.status).toBe(400);
    expect(r.body.data).toMatchObject({ api_key: { minLength: { target: 64 } } });
  });
});

describe('PUT /v2/user_auth', () => {
  const login = (data: Record<string, unknown>) => request(h.sandbox, 'PUT', '/v2/user_auth', { data });

  it('logs in with md5 credentials and account_name, returning the owner', async () => {
    const r = await login({ credentials: await credentials(h.sandbox.username, h.sandbox.password), account_name: h.sandbox.accountName });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ account_id: h.sandbox.accountId, owner_id: h.sandbox.userId });
    const claims = JSON.parse(Buffer.from(String(r.body.auth_token).split('.')[1] as string, 'base64url').toString());
    expect(claims).toMatchObject({ owner_id: h.sandbox.userId, method: 'cb_user_auth' });
  });

  it('lower-cases the username before hashing, accepts sha1 and account_realm', async () => {
    const r = await login({
      credentials: await credentials(h.sandbox.username.toUpperCase(), h.sandbox.password, 'sha1'),
      method: 'sha',
      account_realm: 'sandbox.sip.local',
    });
    expect(r.status).toBe(201);
  });

  it('finds the account by phone_number', async () => {
    const added = await h.call('PUT', `${h.acct}/phone_numbers/%2B14155551234`);
    expect(added.status).toBe(201);
    const r = await login({ credentials: await credentials(h.sandbox.username, h.sandbox.password), phone_number: '+14155551234' });
    expect(r.status).toBe(201);
  });

  it('answers an unknown account with a 400 not_found field error', async () => {
    const r = await login({ credentials: await credentials('x', 'y'), account_name: 'No Such Account' });
    expect(r.status).toBe(400);
    expect(r.body.data).toMatchObject({ account_name: { not_found: { message: 'The provided account name could not be found' } } });
  });

  it('answers wrong credentials with 401', async () => {
    const r = await login({ credentials: await credentials(h.sandbox.username, 'wrong'), account_name: h.sandbox.accountName });
    expect(r.status).toBe(401);
  });

  it('wants exactly one account identifier', async () => {
    const creds = await credentials(h.sandbox.username, h.sandbox.password);
    expect((await login({ credentials: creds })).body.data).toHaveProperty('account_name.required');
    const both = await login({ credentials: creds, account_name: h.sandbox.accountName, account_realm: 'sandbox.sip.local' });
    expect(both.status).toBe(400);
  });
});

describe('tokens', () => {
  it('GET /v2/token_auth describes the token; DELETE does not revoke a JWT (cb_token_auth:delete/1, crossbar_auth:validate_auth_token/2)', async () => {
    const token = await h.login(h.sandbox.apiKey);
    const info = await request(h.sandbox, 'GET', '/v2/token_auth', { token });
    expect(info.status).toBe(200);
    expect(info.body.data).toMatchObject({ account_id: h.sandbox.accountId, method: 'cb_api_auth', id: token });
    const del = await request(h.sandbox, 'DELETE', '/v2/token_auth', { token });
    expect(del.status).toBe(200);
    expect(del.body).not.toHaveProperty('data');
    // KAZOO deletes a token document the JWT never had; the token is good until `exp`.
    expect((await request(h.sandbox, 'GET', `${h.acct}/users`, { token })).status).toBe(200);
    h.sandbox.advanceClock(3601);
    try {
      expect((await request(h.sandbox, 'GET', `${h.acct}/users`, { token })).status).toBe(401);
    } finally {
      h.sandbox.advanceClock(0);
    }
  });

  it('answers a missing token with 401 invalid_credentials', async () => {
    const r = await request(h.sandbox, 'GET', `${h.acct}/users`);
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ error: '401', message: 'invalid_credentials', data: { message: 'invalid credentials' } });
  });

  it('answers malformed and forged tokens with 401', async () => {
    const [head, payload] = h.token.split('.');
    const forged = `${head}.${payload}.${'A'.repeat(43)}`;
    for (const token of ['garbage', 'a.b.c', forged]) {
      const r = await request(h.sandbox, 'GET', `${h.acct}/users`, { token });
      expect(r.status).toBe(401);
      expect(r.body.message).toBe('invalid credentials');
    }
  });

  it('expires tokens after tokenTtlSeconds', async () => {
    const token = await h.login(h.sandbox.apiKey);
    h.sandbox.advanceClock(3601);
    try {
      expect((await request(h.sandbox, 'GET', `${h.acct}/users`, { token })).status).toBe(401);
    } finally {
      h.sandbox.advanceClock(0);
    }
    expect((await request(h.sandbox, 'GET', `${h.acct}/users`, { token })).status).toBe(200);
  });

  it('accepts the token in the query string and in the envelope', async () => {
    expect((await request(h.sandbox, 'GET', `${h.acct}/users?auth_token=${h.token}`)).status).toBe(200);
    const r = await request(h.sandbox, 'PUT', `${h.acct}/menus`, { envelope: { auth_token: h.token }, data: { name: 'Via envelope' } });
    expect(r.status).toBe(201);
  });

  it('reaches its own account and descendants, and nothing else (403); the super-duper admin reaches every account (cb_simple_authz:account_is_descendant/2)', async () => {
    const child = await h.call('PUT', h.acct, { data: { name: 'Child Co' } });
    expect(child.status).toBe(201);
    const childId = (child.body.data as { id: string }).id;
    expect((await h.call('GET', `/v2/accounts/${childId}/users`)).status).toBe(200);

    const keyAnswer = await h.call('GET', `/v2/accounts/${childId}/api_key`);
    const childToken = await h.login((keyAnswer.body.data as { api_key: string }).api_key);
    const up = await request(h.sandbox, 'GET', `${h.acct}/users`, { token: childToken });
    expect(up.status).toBe(403);
    expect(up.body).toMatchObject({ message: 'forbidden', data: { message: 'forbidden' } });

    // An account outside the tree: the child's login is refused; the seeded (super-duper admin) login
    // reaches every account (cb_simple_authz:account_is_descendant/2).
    const other = h.sandbox.createAccount({ name: 'Unrelated' });
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${other.accountId}/users`, { token: childToken })).status).toBe(403);
    expect((await h.call('GET', `/v2/accounts/${other.accountId}/users`)).status).toBe(200);
    expect((await h.call('GET', `/v2/accounts/${'0'.repeat(32)}/users`)).status).toBe(404);
  });

  it('an account the path names must exist before any login is checked: 404 bad_identifier for every login and none (api_resource:malformed_request/3, cb_accounts:load_account_db/2)', async () => {
    const unknown = 'f'.repeat(32);
    const child = await h.call('PUT', h.acct, { data: { name: 'Checked Co' } });
    const childId = (child.body.data as { id: string }).id;
    const key = (await h.call('GET', `/v2/accounts/${childId}/api_key`)).body.data as { api_key: string };
    const childToken = await h.login(key.api_key);
    const expected = {
      status: 404,
      body: { error: '404', message: 'bad_identifier', data: { cause: unknown, message: 'bad identifier' } },
    };
    for (const token of [h.token, childToken, undefined]) {
      const r = await request(h.sandbox, 'GET', `/v2/accounts/${unknown}/users`, token ? { token } : {});
      expect({ status: r.status, body: r.body }).toMatchObject(expected);
    }
    const put = await request(h.sandbox, 'PUT', `/v2/accounts/${unknown}/users`, {
      token: childToken,
      data: { first_name: 'A', last_name: 'B' },
    });
    expect(put.status).toBe(404);
    // Any other length is refused with a message naming it (malformed_request/3's `invalid account_id`).
    for (const token of [h.token, childToken]) {
      const bad = await request(h.sandbox, 'GET', '/v2/accounts/not-an-account/users', { token });
      expect({ status: bad.status, body: bad.body }).toMatchObject({
        status: 404,
        body: { message: 'bad identifier', data: { message: "invalid account_id 'not-an-account'" } },
      });
    }
    // An account that exists but lies outside the login's tree is still cb_simple_authz's 403.
    expect((await request(h.sandbox, 'GET', `${h.acct}/users`, { token: childToken })).status).toBe(403);
  });
});
