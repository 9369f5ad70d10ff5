import { createTransport, UnauthorizedError } from '@audian/core';
import { envelope, errorEnvelope, fakeJwt, type RecordedRequest, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, createIpAuth } from '../src/index';

const ACCOUNT = '0c8ae0e1a3f54f8e9d6b2c4a7e1f3b5d';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const transport = () => createTransport({ baseUrl: server.baseUrl, auth: createIpAuth(), rateLimit: false, retry: false });

describe('createIpAuth', () => {
  it('logs in with PUT /v2/ip_auth (empty data) and sends the token it answers', async () => {
    const logins: RecordedRequest[] = [];
    const token = fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 3600 });
    server.route('PUT', '/v2/ip_auth', (req) => {
      logins.push(req);
      return { status: 201, body: envelope({ account_id: ACCOUNT, owner_id: 'owner1' }, { auth_token: token }) };
    });
    server.route('GET', `/v2/accounts/${ACCOUNT}/users`, (req) => ({
      status: 200,
      body: envelope([], { token: req.headers['x-auth-token'] }),
    }));
    const t = transport();
    await t.request({ method: 'GET', path: 'accounts/{account_id}/users' });
    await t.request({ method: 'GET', path: 'accounts/{account_id}/users' });
    expect(logins).toHaveLength(1);
    expect(logins[0]?.json).toEqual({ data: {} });
    const users = server.requests.filter((r) => r.path.endsWith('/users'));
    expect(users.map((r) => r.headers['x-auth-token'])).toEqual([token, token]);
  });

  it('an address no account lists is AuthenticationError invalid_credentials (cb_ip_auth:validate/1)', async () => {
    server.route('PUT', '/v2/ip_auth', { status: 401, body: errorEnvelope(401, 'invalid credentials', {}) });
    const outcome = await transport()
      .request({ method: 'GET', path: 'accounts/{account_id}/users' })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(outcome).toBeInstanceOf(AuthenticationError);
    expect(outcome).toBeInstanceOf(UnauthorizedError);
    expect((outcome as AuthenticationError).reason).toBe('invalid_credentials');
  });

  it('a 404 at ip_auth means the base URL is not a Crossbar API', async () => {
    server.route('PUT', '/v2/ip_auth', { status: 404, body: errorEnvelope(404, 'not found', {}) });
    const outcome = await transport()
      .request({ method: 'GET', path: 'accounts/{account_id}/users' })
      .catch((error: unknown) => error);
    expect((outcome as AuthenticationError).reason).toBe('not_crossbar');
  });
});
