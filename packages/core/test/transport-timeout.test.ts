import { envelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, TimeoutError, type TransportOptions } from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** A user's own fetch that never passes the abort signal on: only the transport itself can stop its body. */
const deafFetch: typeof globalThis.fetch = (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  return globalThis.fetch(request.url, { method: request.method, headers: request.headers });
};

const sdkFetch = 'the SDK node fetch';
const globalFetch = 'globalThis.fetch';
const userFetch = "a user's fetch that ignores the abort signal";
const FETCHES: Record<string, TransportOptions['fetch']> = {
  [sdkFetch]: undefined,
  [globalFetch]: globalThis.fetch,
  [userFetch]: deafFetch,
};

const transport = (label: string, extra: TransportOptions = {}) =>
  createTransport({
    baseUrl: server.baseUrl,
    timeout: 300,
    retry: { limit: 1, baseDelay: 1, maxDelay: 5 },
    rateLimit: false,
    accountId: 'a1',
    ...(FETCHES[label] ? { fetch: FETCHES[label] } : {}),
    ...extra,
  });

const stalled = (contentType: string) => ({
  body: contentType.includes('json') ? JSON.stringify(envelope({ id: 'x'.repeat(64) })) : 'partial body that never ends '.repeat(4),
  headers: { 'content-type': contentType },
  stall: {},
});

describe('the per-attempt timeout covers headers and body', () => {
  it.each([
    [sdkFetch, 'application/json'],
    [sdkFetch, 'text/plain'],
    [sdkFetch, 'text/html'],
    [globalFetch, 'application/json'],
    [globalFetch, 'text/plain'],
    [userFetch, 'application/json'],
    [userFetch, 'text/html'],
  ] as const)('a GET whose body stalls (%s, %s) times out, is retried once, then rejects with TimeoutError', async (label, type) => {
    server.route('GET', '/v2/accounts/a1', stalled(type));
    const started = performance.now();
    const error = await transport(label)
      .request({ method: 'GET', path: 'accounts/{account_id}' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeout).toBe(300);
    expect(server.requests).toHaveLength(2);
    // Two attempts of 300 ms each, not a hang.
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it.each([
    [sdkFetch, 'application/json'],
    [sdkFetch, 'text/plain'],
    [globalFetch, 'application/json'],
  ] as const)('a PUT whose body stalls (%s, %s) is sent once and rejects with TimeoutError', async (label, type) => {
    server.route('PUT', '/v2/accounts/a1/users', { ...stalled(type), status: 201 });
    const error = await transport(label, { retry: { limit: 2, baseDelay: 1, maxDelay: 5 } })
      .request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { username: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.requests).toHaveLength(1);
  });

  it.each([sdkFetch, globalFetch, userFetch])('an error answer whose body stalls (%s) times out like any other', async (label) => {
    server.route('GET', '/v2/accounts/a1', { ...stalled('text/html'), status: 502 });
    const error = await transport(label, { retry: false })
      .request({ method: 'GET', path: 'accounts/{account_id}' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('an afterResponse hook reading a body that stalls is cut off by the same deadline', async () => {
    server.route('GET', '/v2/accounts/a1', stalled('application/json'));
    const hooks = { afterResponse: [async (_request: Request, _options: unknown, response: Response) => void (await response.text())] };
    const error = await transport(globalFetch, { hooks, retry: false })
      .request({ method: 'GET', path: 'accounts/{account_id}' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });
});

describe('downloads keep an idle timeout between chunks', () => {
  const audio = Buffer.alloc(64, 7);

  it.each([sdkFetch, globalFetch, userFetch])('a download that stalls mid-body (%s) rejects the read with TimeoutError', async (label) => {
    server.route('GET', '/v2/accounts/a1/media/m1/raw', { body: audio, headers: { 'content-type': 'audio/mpeg' }, stall: { bytes: 16 } });
    const file = await transport(label).download({ method: 'GET', path: 'accounts/{account_id}/media/m1/raw' });
    const started = performance.now();
    const error = await file.bytes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a download that keeps sending lives past the timeout, as long as no gap exceeds it', async () => {
    server.route('GET', '/v2/accounts/a1/media/m1/raw', {
      body: Buffer.alloc(12, 1),
      headers: { 'content-type': 'audio/mpeg' },
      stall: { bytes: 1, every: 50 },
    });
    const file = await transport(sdkFetch, { timeout: 250 }).download({ method: 'GET', path: 'accounts/{account_id}/media/m1/raw' });
    const started = performance.now();
    const bytes = await file.bytes();
    expect(bytes).toHaveLength(12);
    expect(performance.now() - started).toBeGreaterThan(250);
  });
});
