import { inspect } from 'node:util';
import { createTransport, UnauthorizedError } from '@audian/core';
import { envelope, errorEnvelope, type Reply, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createApiKeyAuth, createUserAuth } from '../src/index';

const API_KEY = '5e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f';
const PASSWORD = 'Tr0ub4dor&3';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function apiKeyLogin(baseUrl: string): Promise<AuthenticationError> {
  const transport = createTransport({ baseUrl, auth: createApiKeyAuth({ apiKey: API_KEY }), rateLimit: false, retry: false });
  return transport.session().then(
    () => expect.unreachable('the login should fail'),
    (error: unknown) => error as AuthenticationError,
  );
}

function expectNoKey(error: Error): void {
  for (const text of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })])
    expect(text).not.toContain(API_KEY);
}

describe('api_auth refusals (cb_api_auth:validate_by_api_key/3)', () => {
  it('only a 404 "bad identifier" whose data is [the key] means unknown_api_key', async () => {
    server.route('PUT', '/v2/api_auth', { status: 404, body: errorEnvelope(404, 'bad identifier', [API_KEY]) });
    const error = await apiKeyLogin(server.baseUrl);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.reason).toBe('unknown_api_key');
    expect(error.data).toBeUndefined();
    expectNoKey(error);
  });

  const notCrossbar: [string, Reply][] = [
    [
      'a 404 envelope "not found" (a /v2/ path no Crossbar module claims)',
      { status: 404, body: errorEnvelope(404, 'not_found', { message: 'not found' }) },
    ],
    [
      'a 404 "bad identifier" about an account id, not the key',
      { status: 404, body: errorEnvelope(404, 'bad identifier', { message: "invalid account_id 'foo'" }) },
    ],
    [
      'a 404 "bad identifier" listing something other than the key',
      { status: 404, body: errorEnvelope(404, 'bad identifier', ['api_auth']) },
    ],
    [
      'an HTML 404 page from a web server',
      { status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>', headers: { 'content-type': 'text/html' } },
    ],
    ['a 200 plain-text banner (Crossbar outside /v{N}/: crossbar_default_handler)', { status: 200, body: 'KAZOO\n' }],
  ];
  it.each(notCrossbar)('%s → not_crossbar naming the base URL, never the key', async (_label, reply) => {
    server.route('PUT', '/foo/api_auth', reply);
    const error = await apiKeyLogin(`${server.url}/foo/`);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.reason).toBe('not_crossbar');
    expect(error.message).toContain(`no Crossbar API at ${server.url}/foo/`);
    expect(error.message).toContain('PUT api_auth');
    expectNoKey(error);
  });

  it('the newcomer case: nothing at all at the base path (scripted server answers 404 everywhere)', async () => {
    const error = await apiKeyLogin(`${server.url}/foo/`);
    expect(error.reason).toBe('not_crossbar');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /foo/api_auth']);
  });
});

describe('user_auth refusals (cb_user_auth)', () => {
  const user = { username: 'ann', password: PASSWORD, accountName: 'Acme' };
  async function userLogin(baseUrl = server.baseUrl): Promise<AuthenticationError> {
    const transport = createTransport({ baseUrl, auth: createUserAuth(user), rateLimit: false, retry: false });
    return transport.session().then(
      () => expect.unreachable('the login should fail'),
      (error: unknown) => error as AuthenticationError,
    );
  }

  it('401 invalid_credentials (wrong password or unknown account name alike) → invalid_credentials saying both', async () => {
    server.route('PUT', '/v2/user_auth', {
      status: 401,
      body: errorEnvelope(401, 'invalid_credentials', { message: 'invalid credentials' }),
    });
    const error = await userLogin();
    expect(error.reason).toBe('invalid_credentials');
    expect(error.message).toMatch(/wrong username or password, or no account with that name, realm or number/);
  });

  it.each([
    [423, 'locked', 'disabled', 'account_disabled'],
    [423, 'locked', 'expired', 'account_expired'],
    [400, 'invalid request', 'disabled', 'account_disabled'],
  ])('%i %s on account.%s (kz_json_schema:depreciated_validation_error/4) → %s', async (status, message, code, reason) => {
    server.route('PUT', '/v2/user_auth', {
      status,
      body: errorEnvelope(status, message, { account: { [code]: { message: `account ${code}`, cause: '2026-01-01' } } }),
    });
    const error = await userLogin();
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.reason).toBe(reason);
    expect(error.message).toContain(`the account is ${code}`);
  });

  it('a 404 at user_auth (which never answers 404 in Crossbar) → not_crossbar naming the base URL', async () => {
    const error = await userLogin(`${server.url}/api/`);
    expect(error.reason).toBe('not_crossbar');
    expect(error.message).toContain(`no Crossbar API at ${server.url}/api/`);
    expect(error.message).toContain('PUT user_auth');
    expect(error.message).not.toContain(PASSWORD);
  });

  it('a successful login is unaffected', async () => {
    server.route('PUT', '/v2/user_auth', { status: 201, body: envelope({ account_id: 'a'.repeat(32) }, { auth_token: 'tok-1' }) });
    const transport = createTransport({ baseUrl: server.baseUrl, auth: createUserAuth(user), rateLimit: false });
    expect((await transport.session()).accountId).toBe('a'.repeat(32));
  });
});
