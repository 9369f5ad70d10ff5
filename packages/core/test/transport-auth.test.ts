import { envelope, errorEnvelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, UnauthorizedError } from '../src/index';
import { countingAuth } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const unauthorized = { status: 401, body: errorEnvelope(401, 'invalid_credentials', { message: 'invalid credentials' }) };

describe('auth through the transport', () => {
  it('sends the session token as X-Auth-Token and fills {account_id} from the session', async () => {
    const { strategy } = countingAuth(['tok-1']);
    server.route('GET', '/v2/accounts/acct0000000000000000000000000001/users', { body: envelope([]) });
    await createTransport({ baseUrl: server.baseUrl, auth: strategy, rateLimit: false }).request({
      method: 'GET',
      path: 'accounts/{account_id}/users',
    });
    expect(server.requests[0]?.headers['x-auth-token']).toBe('tok-1');
  });

  it('401 once → one re-login and one replay, then success', async () => {
    const { strategy, state } = countingAuth(['old', 'new']);
    server.route('PUT', /\/users$/, (req) =>
      req.headers['x-auth-token'] === 'new' ? { status: 201, body: envelope({ id: 'u' }) } : unauthorized,
    );
    const transport = createTransport({ baseUrl: server.baseUrl, auth: strategy, rateLimit: false });
    const { data } = await transport.request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { first_name: 'A' } });
    expect(data).toEqual({ id: 'u' });
    expect(state.logins).toBe(2);
    expect(server.requests.map((r) => r.headers['x-auth-token'])).toEqual(['old', 'new']);
  });

  it('401 always → UnauthorizedError after one replay, never a loop', async () => {
    const { strategy, state } = countingAuth(['a', 'b', 'c', 'd']);
    server.route('GET', /users$/, unauthorized);
    const transport = createTransport({ baseUrl: server.baseUrl, auth: strategy, rateLimit: false });
    await expect(transport.request({ method: 'GET', path: 'accounts/{account_id}/users' })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests).toHaveLength(2);
    expect(state.logins).toBeLessThanOrEqual(2);
  });

  it('50 concurrent 401s share one re-login', async () => {
    const { strategy, state } = countingAuth(['stale', 'fresh']);
    server.route('GET', /users\/\d+$/, (req) => (req.headers['x-auth-token'] === 'fresh' ? { body: envelope({}) } : unauthorized));
    const transport = createTransport({ baseUrl: server.baseUrl, auth: strategy, rateLimit: false });
    await transport.session();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => transport.request({ method: 'GET', path: `accounts/{account_id}/users/${i}` })),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(state.logins).toBe(2);
  });

  it('a strategy that cannot log in again lets the 401 surface at once', async () => {
    server.route('GET', /users$/, unauthorized);
    const transport = createTransport({
      baseUrl: server.baseUrl,
      rateLimit: false,
      auth: { type: 'token', getSession: async () => ({ token: 'given', accountId: 'a' }), refresh: async () => undefined },
    });
    await expect(transport.request({ method: 'GET', path: 'accounts/{account_id}/users' })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests).toHaveLength(1);
  });

  it('requests marked auth: false carry no token and are not replayed on 401', async () => {
    const { strategy, state } = countingAuth(['t']);
    server.route('PUT', '/v2/api_auth', unauthorized);
    const transport = createTransport({ baseUrl: server.baseUrl, auth: strategy, rateLimit: false });
    await expect(transport.request({ method: 'PUT', path: 'api_auth', data: {}, auth: false })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests[0]?.headers['x-auth-token']).toBeUndefined();
    expect(state.logins).toBe(0);
  });
});

describe('client-side rate limit', () => {
  it('paces requests to the bucket and re-syncs from tokens.remaining', async () => {
    let remaining = 3;
    server.route('GET', /accounts\/a1/, () => ({ body: envelope({}, { tokens: { consumed: 1, remaining: Math.max(0, --remaining) } }) }));
    const transport = createTransport({ baseUrl: server.baseUrl, accountId: 'a1', rateLimit: { capacity: 50, refillPerSecond: 20 } });
    // The server says 2 are left: the client must slow to 20/s right away, not burn its 50.
    await transport.request({ method: 'GET', path: 'accounts/{account_id}' });
    const started = performance.now();
    for (let i = 0; i < 6; i++) await transport.request({ method: 'GET', path: 'accounts/{account_id}' });
    const elapsed = performance.now() - started;
    // 2 immediate, then 4 at 20/s ≈ 200 ms
    expect(elapsed).toBeGreaterThanOrEqual(150);
  });

  it('keeps separate buckets per account, as Crossbar does', async () => {
    server.route('GET', /accounts\//, { body: envelope({}) });
    const transport = createTransport({ baseUrl: server.baseUrl, rateLimit: { capacity: 3, refillPerSecond: 1 } });
    const started = performance.now();
    await Promise.all(
      ['a', 'a', 'b', 'b', 'c', 'c'].map((id) => transport.request({ method: 'GET', path: 'accounts/{account_id}', accountId: id })),
    );
    expect(performance.now() - started).toBeLessThan(500);
  });
});
