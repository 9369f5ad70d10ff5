import { envelope, errorEnvelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BadRequestError, ConnectionError, createTransport, RateLimitError, ServerError, TimeoutError } from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const fast = { baseDelay: 1, maxDelay: 5 };
const t = () => createTransport({ baseUrl: server.baseUrl, retry: { limit: 2, ...fast }, rateLimit: false, accountId: 'a1' });

describe('retry policy against a live server', () => {
  it('PUT answered 500 is sent exactly once (a repeat would create a duplicate)', async () => {
    server.route('PUT', '/v2/accounts/a1/users', {
      status: 500,
      body: errorEnvelope(500, 'unspecified_fault', { message: 'unknown failure' }),
    });
    await expect(t().request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { first_name: 'A' } })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it.each(['POST', 'PATCH'] as const)('%s answered 503 is sent exactly once', async (method) => {
    server.route(method, '/v2/accounts/a1/users/u1', { status: 503, body: errorEnvelope(503, 'datastore_fault') });
    await expect(t().request({ method, path: 'accounts/{account_id}/users/u1', data: {} })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('GET answered 503, 503, 200 succeeds on the third request', async () => {
    server.expect(
      { method: 'GET', path: '/v2/accounts/a1/users', reply: { status: 503, body: errorEnvelope(503, 'datastore_unreachable') } },
      { method: 'GET', path: '/v2/accounts/a1/users', reply: { status: 503, body: errorEnvelope(503, 'datastore_unreachable') } },
      { method: 'GET', path: '/v2/accounts/a1/users', reply: { status: 200, body: envelope([{ id: 'u1' }]) } },
    );
    const { data } = await t().request({ method: 'GET', path: 'accounts/{account_id}/users' });
    expect(data).toEqual([{ id: 'u1' }]);
    expect(server.requests).toHaveLength(3);
    server.assertDone();
  });

  it('GET gives up after the retry limit with the last error', async () => {
    server.route('GET', '/v2/accounts/a1/users', { status: 502, body: '<html>bad gateway</html>' });
    const error = await t()
      .request({ method: 'GET', path: 'accounts/{account_id}/users' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('PUT answered 429 then 201 is sent twice and succeeds', async () => {
    server.expect(
      {
        method: 'PUT',
        path: '/v2/accounts/a1/users',
        reply: { status: 429, body: errorEnvelope(429, 'too_many_requests', { message: 'too many requests' }) },
      },
      { method: 'PUT', path: '/v2/accounts/a1/users', reply: { status: 201, body: envelope({ id: 'new' }) } },
    );
    const { data, meta } = await t().request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { first_name: 'A' } });
    expect(data).toEqual({ id: 'new' });
    expect(meta.status).toBe(201);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.text).toBe(server.requests[1]?.text);
  });

  it('429 after the retry limit surfaces as RateLimitError', async () => {
    server.route('PUT', '/v2/accounts/a1/users', { status: 429, body: errorEnvelope(429, 'too_many_requests') });
    await expect(t().request({ method: 'PUT', path: 'accounts/{account_id}/users', data: {} })).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a 400', async () => {
    server.route('GET', '/v2/accounts/a1/cdrs', {
      status: 400,
      body: errorEnvelope(400, 'validation error', { created_from: { date_range: { message: 'too wide' } } }),
    });
    await expect(t().request({ method: 'GET', path: 'accounts/{account_id}/cdrs' })).rejects.toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(1);
  });

  it('connection reset on GET is retried', async () => {
    server.expect(
      { method: 'GET', path: '/v2/accounts/a1', reply: { destroy: 'before-response' } },
      { method: 'GET', path: '/v2/accounts/a1', reply: { body: envelope({ id: 'a1' }) } },
    );
    const { data } = await t().request({ method: 'GET', path: 'accounts/{account_id}' });
    expect(data).toEqual({ id: 'a1' });
    expect(server.requests).toHaveLength(2);
  });

  it('connection reset on PUT → ConnectionError after exactly 1 request, marked as possibly sent', async () => {
    server.route('PUT', '/v2/accounts/a1/users', { destroy: 'before-response' });
    const error = await t()
      .request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { first_name: 'A' } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.sent).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('a body cut off mid-way on GET is retried', async () => {
    server.expect(
      { method: 'GET', path: '/v2/accounts/a1/users', reply: { body: envelope([{ id: 'x'.repeat(2000) }]), destroy: 'mid-body' } },
      { method: 'GET', path: '/v2/accounts/a1/users', reply: { body: envelope([]) } },
    );
    const { data } = await t().request({ method: 'GET', path: 'accounts/{account_id}/users' });
    expect(data).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('connection refused is retried for PUT too (nothing was sent)', async () => {
    const dead = await startTestServer();
    const url = dead.baseUrl;
    await dead.close();
    const transport = createTransport({ baseUrl: url, retry: { limit: 2, ...fast }, rateLimit: false, accountId: 'a1' });
    const error = await transport.request({ method: 'PUT', path: 'accounts/{account_id}/users', data: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.sent).toBe(false);
    expect(error.errno).toBe('ECONNREFUSED');
  });

  it('honours Retry-After from a proxy', async () => {
    server.expect(
      { method: 'GET', path: '/v2/accounts/a1', reply: { status: 503, body: 'busy', headers: { 'retry-after': '0.2' } } },
      { method: 'GET', path: '/v2/accounts/a1', reply: { body: envelope({ id: 'a1' }) } },
    );
    const started = performance.now();
    await t().request({ method: 'GET', path: 'accounts/{account_id}' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('gives up at once when Retry-After asks for longer than maxRetryAfter', async () => {
    server.route('GET', '/v2/accounts/a1', { status: 503, body: 'busy', headers: { 'retry-after': '3600' } });
    const transport = createTransport({
      baseUrl: server.baseUrl,
      retry: { limit: 2, maxRetryAfter: 1000 },
      rateLimit: false,
      accountId: 'a1',
    });
    await expect(transport.request({ method: 'GET', path: 'accounts/{account_id}' })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('a slow GET times out per attempt and is retried; TimeoutError when every attempt times out', async () => {
    server.route('GET', '/v2/accounts/a1', { delay: 300, body: envelope({}) });
    const transport = createTransport({
      baseUrl: server.baseUrl,
      timeout: 50,
      retry: { limit: 1, ...fast },
      rateLimit: false,
      accountId: 'a1',
    });
    const error = await transport.request({ method: 'GET', path: 'accounts/{account_id}' }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeout).toBe(50);
    expect(server.requests).toHaveLength(2);
  });

  it('a PUT that times out is not repeated', async () => {
    server.route('PUT', '/v2/accounts/a1/users', { delay: 300, status: 201, body: envelope({ id: 'x' }) });
    const transport = createTransport({
      baseUrl: server.baseUrl,
      timeout: 50,
      retry: { limit: 2, ...fast },
      rateLimit: false,
      accountId: 'a1',
    });
    await expect(transport.request({ method: 'PUT', path: 'accounts/{account_id}/users', data: {} })).rejects.toBeInstanceOf(TimeoutError);
    await new Promise((r) => setTimeout(r, 350));
    expect(server.requests).toHaveLength(1);
  });

  it('a per-call timeout overrides the transport one', async () => {
    server.route('GET', '/v2/accounts/a1', { delay: 150, body: envelope({ ok: true }) });
    const transport = createTransport({ baseUrl: server.baseUrl, timeout: 50, retry: false, rateLimit: false, accountId: 'a1' });
    await expect(transport.request({ method: 'GET', path: 'accounts/{account_id}', timeout: 1000 })).resolves.toMatchObject({
      data: { ok: true },
    });
  });

  it('an abort signal stops the request with its reason, not a TimeoutError', async () => {
    server.route('GET', '/v2/accounts/a1', { delay: 500, body: envelope({}) });
    const transport = createTransport({ baseUrl: server.baseUrl, rateLimit: false, accountId: 'a1' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    await expect(transport.request({ method: 'GET', path: 'accounts/{account_id}', signal: controller.signal })).rejects.toThrow(
      'user cancelled',
    );
  });
});
