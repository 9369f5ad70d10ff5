import { envelope, errorEnvelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createTransport, NotFoundError, ResponseValidationError } from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const FETCHES = { 'the SDK node fetch': undefined, 'globalThis.fetch': globalThis.fetch } as const;
const t = (name: keyof typeof FETCHES) =>
  createTransport({
    baseUrl: server.baseUrl,
    retry: false,
    rateLimit: false,
    accountId: 'a1',
    ...(FETCHES[name] ? { fetch: FETCHES[name] } : {}),
  });

describe.each(Object.keys(FETCHES) as (keyof typeof FETCHES)[])('requestWithResponse (%s)', (name) => {
  it('gives data and meta plus the envelope request id, the revision and the HTTP response', async () => {
    server.route('GET', '/v2/accounts/a1/users/u1', {
      body: envelope({ id: 'u1', first_name: 'Ann' }, { request_id: 'req-42', revision: '3-abc' }),
      headers: { etag: '"3-abc"', 'x-served-by': 'api-2' },
    });
    const result = await t(name).requestWithResponse<{ id: string }>({
      method: 'GET',
      path: 'accounts/{account_id}/users/{user_id}',
      pathParams: { user_id: 'u1' },
    });
    expect(result.data).toEqual({ id: 'u1', first_name: 'Ann' });
    expect(result.requestId).toBe('req-42');
    expect(result.revision).toBe('3-abc');
    expect(result.meta).toMatchObject({ status: 200, requestId: 'req-42', revision: '3-abc', etag: '"3-abc"' });
    expect(result.response.status).toBe(200);
    expect(result.response.headers.get('x-served-by')).toBe('api-2');
  });

  it('falls back to the X-Request-ID it sent when the envelope carries no request_id', async () => {
    server.route('PUT', '/v2/accounts/a1/users', { status: 201, body: { data: { id: 'u2' }, status: 'success' } });
    const result = await t(name).requestWithResponse({ method: 'PUT', path: 'accounts/{account_id}/users', data: { first_name: 'B' } });
    expect(result.response.status).toBe(201);
    expect(result.requestId).toBe(server.requests[0]?.headers['x-request-id']);
    expect(result.revision).toBeUndefined();
  });

  it('fails exactly like request(): API errors and schema checks', async () => {
    server.route('GET', '/v2/accounts/a1/users/missing', { status: 404, body: errorEnvelope(404, 'bad_identifier') });
    await expect(t(name).requestWithResponse({ method: 'GET', path: 'accounts/{account_id}/users/missing' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    server.route('GET', '/v2/accounts/a1', { body: envelope({ id: 5 }) });
    await expect(
      t(name).requestWithResponse({ method: 'GET', path: 'accounts/{account_id}', schema: z.object({ id: z.string() }) }),
    ).rejects.toBeInstanceOf(ResponseValidationError);
  });
});
