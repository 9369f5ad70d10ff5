import { inspect } from 'node:util';
import { createTransport, InvalidArgumentError, type Logger, UnauthorizedError } from '@audian/core';
import { envelope, errorEnvelope, fakeJwt, type RecordedRequest, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createApiKeyAuth,
  createMemoryTokenStore,
  createTokenAuth,
  createUserAuth,
  MultiFactorRequiredError,
} from '../src/index';

const API_KEY = 'a3f1c9e2b7d4a8f0c6e1b9d3a7f2c8e4b0d6a1f9c3e7b5d2a8f4c0e6b1d9a3f7';
const ACCOUNT = '0c8ae0e1a3f54f8e9d6b2c4a7e1f3b5d';
const PASSWORD = 'm32c6NfqYEt';
const HASH = '82a2dc91686ec828a67152d45a5c5ef7';

let server: TestServer;
let logins: RecordedRequest[];
let lines: string[];
const logger: Logger = {
  debug: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  info: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  warn: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  error: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
};

/** Issues JWTs numbered 1, 2, 3… that expire in `ttl` seconds. */
function loginRoute(path: string, ttl = () => 3600) {
  server.route('PUT', path, (req) => {
    logins.push(req);
    const token = fakeJwt({ account_id: ACCOUNT, n: logins.length, exp: Math.floor(Date.now() / 1000) + ttl() });
    return {
      status: 201,
      body: envelope({ account_id: ACCOUNT, owner_id: 'owner1', is_reseller: true, reseller_id: 'res1' }, { auth_token: token }),
    };
  });
}

function tokenNumber(req: RecordedRequest): number | undefined {
  const token = req.headers['x-auth-token'];
  if (typeof token !== 'string') return undefined;
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).n;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  logins = [];
  lines = [];
});

const transport = (auth: ReturnType<typeof createApiKeyAuth>) =>
  createTransport({ baseUrl: server.baseUrl, auth, logger, rateLimit: false, retry: { limit: 1, baseDelay: 1 } });

describe('createApiKeyAuth', () => {
  it('logs in with PUT /v2/api_auth {"data":{"api_key"}} and sends the token as X-Auth-Token', async () => {
    loginRoute('/v2/api_auth');
    server.route('GET', `/v2/accounts/${ACCOUNT}/users`, { body: envelope([]) });
    const t = transport(createApiKeyAuth({ apiKey: API_KEY }));
    await t.request({ method: 'GET', path: 'accounts/{account_id}/users' });
    expect(logins).toHaveLength(1);
    expect(logins[0]?.json).toEqual({ data: { api_key: API_KEY } });
    expect(logins[0]?.headers['x-auth-token']).toBeUndefined();
    const last = server.requests.at(-1) as RecordedRequest;
    expect(tokenNumber(last)).toBe(1);
  });

  it('exposes the session from the login response and the JWT exp', async () => {
    loginRoute('/v2/api_auth');
    const session = await transport(createApiKeyAuth({ apiKey: API_KEY })).session();
    expect(session).toMatchObject({ accountId: ACCOUNT, ownerId: 'owner1', resellerId: 'res1', isReseller: true });
    expect(session.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it('20 concurrent requests with no token → exactly 1 login', async () => {
    loginRoute('/v2/api_auth');
    server.route('GET', /\/users\/\d+$/, { body: envelope({}) });
    const t = transport(createApiKeyAuth({ apiKey: API_KEY }));
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.request({ method: 'GET', path: `accounts/{account_id}/users/${i}` })));
    expect(logins).toHaveLength(1);
  });

  it('a JWT expiring in 30 s is renewed before it is used again', async () => {
    loginRoute('/v2/api_auth', () => 30);
    server.route('GET', `/v2/accounts/${ACCOUNT}`, { body: envelope({}) });
    const t = transport(createApiKeyAuth({ apiKey: API_KEY }));
    await t.request({ method: 'GET', path: 'accounts/{account_id}' });
    await t.request({ method: 'GET', path: 'accounts/{account_id}' });
    expect(logins).toHaveLength(2);
    const gets = server.requests.filter((r) => r.method === 'GET');
    expect(gets.map(tokenNumber)).toEqual([1, 2]);
    expect(gets.every((r) => r.headers['x-auth-token'])).toBe(true);
  });

  it('401 once → 1 extra login and the request replayed with the new token', async () => {
    loginRoute('/v2/api_auth');
    server.route('PUT', `/v2/accounts/${ACCOUNT}/users`, (req) =>
      tokenNumber(req) === 1
        ? { status: 401, body: errorEnvelope(401, 'invalid credentials', {}) }
        : { status: 201, body: envelope({ id: 'u1' }) },
    );
    const t = transport(createApiKeyAuth({ apiKey: API_KEY }));
    const { data } = await t.request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { first_name: 'A', last_name: 'B' } });
    expect(data).toEqual({ id: 'u1' });
    expect(logins).toHaveLength(2);
    expect(server.requests.filter((r) => r.path.endsWith('/users')).map(tokenNumber)).toEqual([1, 2]);
  });

  it('401 always → UnauthorizedError after at most 2 logins, never a loop', async () => {
    loginRoute('/v2/api_auth');
    server.route('GET', `/v2/accounts/${ACCOUNT}`, {
      status: 401,
      body: errorEnvelope(401, 'invalid_credentials', { message: 'invalid credentials' }),
    });
    const t = transport(createApiKeyAuth({ apiKey: API_KEY }));
    await expect(t.request({ method: 'GET', path: 'accounts/{account_id}' })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(logins.length).toBeLessThanOrEqual(2);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('an unknown key (404 bad identifier, echoing the key) → AuthenticationError without the key anywhere', async () => {
    server.route('PUT', '/v2/api_auth', { status: 404, body: errorEnvelope(404, 'bad identifier', [API_KEY]) });
    const t = transport(createApiKeyAuth({ apiKey: API_KEY }));
    const error = await t.request({ method: 'GET', path: 'accounts/{account_id}' }).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.reason).toBe('unknown_api_key');
    expect(error.message).toMatch(/^API key rejected: no account has this API key \(404/);
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 20 }), ...lines]) expect(text).not.toContain(API_KEY);
  });

  it.each([
    ['', 'apiKey is required (the 64-character key of the account)'],
    ['short-key', 'apiKey must be 64 characters; the one given has 9'],
    [`${API_KEY}x`, 'apiKey must be 64 characters; the one given has 65'],
  ])('rejects a key of the wrong length at once, without echoing it (%#)', (apiKey, message) => {
    try {
      createApiKeyAuth({ apiKey });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toBe(message);
      if (apiKey) expect((error as Error).message).not.toContain(apiKey);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('reuses a stored token without logging in, and stores the new one after a login', async () => {
    const store = createMemoryTokenStore();
    const stored = fakeJwt({ account_id: ACCOUNT, n: 99, exp: Math.floor(Date.now() / 1000) + 3600 });
    store.set({ token: stored, accountId: ACCOUNT, expiresAt: new Date(Date.now() + 3600_000) });
    server.route('GET', `/v2/accounts/${ACCOUNT}`, { body: envelope({}) });
    await transport(createApiKeyAuth({ apiKey: API_KEY, tokenStore: store })).request({ method: 'GET', path: 'accounts/{account_id}' });
    expect(logins).toHaveLength(0);
    expect(tokenNumber(server.requests[0] as RecordedRequest)).toBe(99);

    loginRoute('/v2/api_auth');
    const empty = createMemoryTokenStore();
    await transport(createApiKeyAuth({ apiKey: API_KEY, tokenStore: empty })).session();
    expect((await empty.get())?.token).toBeTypeOf('string');
  });

  it('logout sends DELETE /v2/token_auth with the token and forgets it', async () => {
    loginRoute('/v2/api_auth');
    server.route('DELETE', '/v2/token_auth', { body: { status: 'success' } });
    const store = createMemoryTokenStore();
    const t = transport(createApiKeyAuth({ apiKey: API_KEY, tokenStore: store }));
    await t.session();
    await t.logout();
    const del = server.requests.find((r) => r.method === 'DELETE') as RecordedRequest;
    expect(tokenNumber(del)).toBe(1);
    expect(await store.get()).toBeUndefined();
    await t.session();
    expect(logins).toHaveLength(2);
  });

  it('shows nothing secret through JSON.stringify, inspect or toString', async () => {
    loginRoute('/v2/api_auth');
    const auth = createApiKeyAuth({ apiKey: API_KEY });
    const session = await transport(auth).session();
    for (const text of [
      JSON.stringify(auth),
      inspect(auth, { depth: 20, showHidden: true }),
      String(auth),
      `${auth}`,
      JSON.stringify({ auth }),
      ...lines,
    ]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(session.token);
    }
  });
});

describe('createUserAuth', () => {
  const base = { username: 'John@Example.com', password: PASSWORD };

  it('sends md5 credentials, the account name and the method — never the password', async () => {
    loginRoute('/v2/user_auth');
    const session = await transport(createUserAuth({ ...base, accountName: 'Acme' })).session();
    expect(logins[0]?.json).toEqual({ data: { credentials: HASH, method: 'md5', account_name: 'Acme' } });
    expect(logins[0]?.text).not.toContain(PASSWORD);
    expect(session.accountId).toBe(ACCOUNT);
  });

  it('supports realm, phone number and sha1', async () => {
    loginRoute('/v2/user_auth');
    await transport(createUserAuth({ ...base, accountRealm: 'acme.sip.audian.com', method: 'sha' })).session();
    await transport(createUserAuth({ ...base, phoneNumber: '+14155551234' })).session();
    expect(logins[0]?.json).toEqual({
      data: { credentials: '055cf886cb9b5c5867083463867c527ace0f8ecc', method: 'sha', account_realm: 'acme.sip.audian.com' },
    });
    expect(logins[1]?.json).toMatchObject({ data: { phone_number: '+14155551234' } });
  });

  it('wrong credentials (401) → AuthenticationError, with neither password nor hash in it or the logs', async () => {
    server.route('PUT', '/v2/user_auth', {
      status: 401,
      body: errorEnvelope(401, 'invalid_credentials', { message: 'invalid credentials' }),
    });
    const error = await transport(createUserAuth({ ...base, accountName: 'Acme' }))
      .session()
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.reason).toBe('invalid_credentials');
    expect(error.message).toContain('wrong username or password');
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 20 }), ...lines]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(HASH);
    }
  });

  it('an unknown account name (400 not_found) → AuthenticationError naming the field', async () => {
    server.route('PUT', '/v2/user_auth', {
      status: 400,
      body: errorEnvelope(400, 'validation error', {
        account_name: { not_found: { message: 'The provided account name could not be found', cause: 'Nope' } },
      }),
    });
    const error = await transport(createUserAuth({ ...base, accountName: 'Nope' }))
      .session()
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.reason).toBe('unknown_account');
    expect(error.message).toContain('account_name not found');
  });

  it('a multi-factor challenge → MultiFactorRequiredError carrying the request; the answer is sent on the next login', async () => {
    server.route('PUT', '/v2/user_auth', (req) =>
      (req.json as { data: Record<string, unknown> }).data.multi_factor_response
        ? { status: 201, body: envelope({ account_id: ACCOUNT }, { auth_token: fakeJwt({ account_id: ACCOUNT }) }) }
        : {
            status: 401,
            body: errorEnvelope(401, 'invalid_credentials', {
              multi_factor_request: { provider_name: 'duo', settings: { duo_sig_request: 'x' } },
            }),
          },
    );
    const error = await transport(createUserAuth({ ...base, accountName: 'Acme' }))
      .session()
      .catch((e) => e);
    expect(error).toBeInstanceOf(MultiFactorRequiredError);
    expect(error.multiFactorRequest).toEqual({ provider_name: 'duo', settings: { duo_sig_request: 'x' } });
    const session = await transport(
      createUserAuth({ ...base, accountName: 'Acme', multiFactorResponse: { duo_sig_response: 'y' } }),
    ).session();
    expect(session.accountId).toBe(ACCOUNT);
  });

  it.each([
    [{ ...base }, 'accountName', /exactly one of accountName, accountRealm or phoneNumber/],
    [{ ...base, accountName: 'a', phoneNumber: '1' }, 'accountName', /not accountName and phoneNumber/],
    [{ ...base, username: '', accountName: 'a' }, 'username', /username is required/],
    [{ ...base, password: '', accountName: 'a' }, 'password', /password is required/],
    [{ ...base, accountName: 'a', method: 'sha256' }, 'method', /method must be 'md5' or 'sha'/],
  ])('rejects bad options before any request (%#)', (options, argument, message) => {
    try {
      createUserAuth(options as Parameters<typeof createUserAuth>[0]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(PASSWORD);
    }
  });

  it('logs in with a saved credentials hash instead of the password, sending it as is', async () => {
    loginRoute('/v2/user_auth');
    const session = await transport(createUserAuth({ credentials: HASH.toUpperCase(), accountName: 'Acme' })).session();
    expect(logins[0]?.json).toEqual({ data: { credentials: HASH, method: 'md5', account_name: 'Acme' } });
    expect(session.accountId).toBe(ACCOUNT);
    await transport(
      createUserAuth({ credentials: '055cf886cb9b5c5867083463867c527ace0f8ecc', method: 'sha', accountName: 'Acme' }),
    ).session();
    expect(logins[1]?.json).toMatchObject({ data: { method: 'sha', credentials: '055cf886cb9b5c5867083463867c527ace0f8ecc' } });
  });

  it('a hash login that is refused keeps the hash out of the error and the logs', async () => {
    server.route('PUT', '/v2/user_auth', { status: 401, body: errorEnvelope(401, 'invalid_credentials') });
    const error = await transport(createUserAuth({ credentials: HASH, accountName: 'Acme' }))
      .session()
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 20 }), ...lines]) expect(text).not.toContain(HASH);
  });

  it.each([
    [{ credentials: HASH, username: 'john', accountName: 'a' }, /either credentials or username and password/],
    [{ credentials: 'abc123', accountName: 'a' }, /32-character hex md5 digest/],
    [{ credentials: HASH, method: 'sha', accountName: 'a' }, /40-character hex sha digest/],
    [{ credentials: `${HASH.slice(0, 31)}g`, accountName: 'a' }, /32-character hex md5 digest/],
  ])('rejects a malformed credentials hash before any request, without echoing it (%#)', (options, message) => {
    try {
      createUserAuth(options as Parameters<typeof createUserAuth>[0]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('credentials');
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(HASH.slice(0, 12));
    }
  });

  it('keeps neither password nor hash visible on the strategy', () => {
    const auth = createUserAuth({ ...base, accountName: 'Acme' });
    for (const text of [JSON.stringify(auth), inspect(auth, { showHidden: true, depth: 20 }), String(auth)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(HASH);
    }
  });
});

describe('createTokenAuth', () => {
  it('takes the account from the JWT and never logs in; a 401 surfaces at once', async () => {
    const token = fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 600 });
    server.route('GET', `/v2/accounts/${ACCOUNT}`, { status: 401, body: errorEnvelope(401, 'invalid credentials') });
    const t = createTransport({ baseUrl: server.baseUrl, auth: createTokenAuth(token), rateLimit: false });
    expect((await t.session()).accountId).toBe(ACCOUNT);
    await expect(t.request({ method: 'GET', path: 'accounts/{account_id}' })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests).toHaveLength(1);
  });

  it('asks GET /v2/token_auth for the account of a token that is not a JWT', async () => {
    server.route('GET', '/v2/token_auth', (req) => ({
      body: envelope({ account_id: req.headers['x-auth-token'] === 'opaque-token-1' ? ACCOUNT : 'x', owner_id: 'o' }),
    }));
    const t = createTransport({ baseUrl: server.baseUrl, auth: createTokenAuth('opaque-token-1'), rateLimit: false });
    expect(await t.session()).toMatchObject({ token: 'opaque-token-1', accountId: ACCOUNT, ownerId: 'o' });
    await t.session();
    expect(server.requests).toHaveLength(1);
  });

  it('uses an explicit account id and rejects an empty token', async () => {
    const t = createTransport({ baseUrl: server.baseUrl, auth: createTokenAuth('opaque', { accountId: 'given' }), rateLimit: false });
    expect((await t.session()).accountId).toBe('given');
    expect(() => createTokenAuth('')).toThrow(InvalidArgumentError);
  });
});
