import { inspect } from 'node:util';
import { envelope, errorEnvelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  ApiError,
  BadRequestError,
  createTransport,
  InvalidArgumentError,
  NotFoundError,
  PaymentRequiredError,
  ResponseValidationError,
  ServerError,
  VERSION,
} from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const t = (extra: Parameters<typeof createTransport>[0] = {}) =>
  createTransport({ baseUrl: server.baseUrl, retry: { limit: 1, baseDelay: 1 }, rateLimit: false, accountId: 'a1', ...extra });

describe('requests on the wire', () => {
  it('wraps data in the envelope, adds envelope extras and accept_charges beside it', async () => {
    server.route('PUT', '/v2/accounts/a1/devices/d1', { body: envelope({}) });
    await t().request({
      method: 'PUT',
      path: 'accounts/{account_id}/devices/{id}',
      pathParams: { id: 'd1' },
      data: { event: 'check-sync' },
      envelope: { action: 'notify' },
      acceptCharges: true,
    });
    const req = server.requests[0];
    expect(req?.json).toEqual({ data: { event: 'check-sync' }, action: 'notify', accept_charges: true });
    expect(req?.headers['content-type']).toBe('application/json');
  });

  it('sends JSON Accept, a User-Agent naming the package and version, and an X-Request-ID', async () => {
    server.route('GET', '/v2/accounts/a1', { body: envelope({}) });
    const { meta } = await t({ userAgent: 'my-app/1.0' }).request({ method: 'GET', path: 'accounts/{account_id}' });
    const headers = server.requests[0]?.headers ?? {};
    expect(headers.accept).toBe('application/json');
    expect(headers['user-agent']).toMatch(new RegExp(`^my-app/1.0 audian-sdk-js/${VERSION.replace(/\./g, '\\.')} node/v20`));
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(meta.requestId).toBe('req-test');
  });

  it('encodes E.164 path values and JSON-array query values', async () => {
    server.route('GET', /phone_numbers/, { body: envelope({}) });
    await t().request({
      method: 'GET',
      path: 'accounts/{account_id}/phone_numbers/{number}',
      pathParams: { number: '+14155551234' },
      query: { filter_x: ['a', 'b'], paginate: false, skip: undefined },
    });
    expect(server.requests[0]?.path).toBe('/v2/accounts/a1/phone_numbers/%2B14155551234');
    expect(server.requests[0]?.query.get('filter_x')).toBe('["a","b"]');
    expect(server.requests[0]?.query.get('paginate')).toBe('false');
    expect(server.requests[0]?.query.has('skip')).toBe(false);
  });

  it('sends a raw body with its content type, outside the envelope', async () => {
    server.route('POST', '/v2/accounts/a1/media/m1/raw', { body: envelope({}) });
    const bytes = new Uint8Array([0xff, 0xfb, 0x90, 0x00]);
    await t().request({ method: 'POST', path: 'accounts/{account_id}/media/m1/raw', body: bytes, contentType: 'audio/mpeg' });
    expect(server.requests[0]?.headers['content-type']).toBe('audio/mpeg');
    expect([...(server.requests[0]?.body ?? [])]).toEqual([0xff, 0xfb, 0x90, 0x00]);
  });

  it('streams a download with the requested Accept, unread until asked', async () => {
    server.route('GET', '/v2/accounts/a1/media/m1/raw', {
      body: Buffer.from([1, 2, 3]),
      headers: { 'content-type': 'audio/mpeg', 'content-disposition': 'attachment; filename="greeting.mp3"' },
    });
    const file = await t().download({ method: 'GET', path: 'accounts/{account_id}/media/m1/raw', accept: 'audio/mpeg' });
    expect(server.requests[0]?.headers.accept).toBe('audio/mpeg');
    expect(file.contentType).toBe('audio/mpeg');
    expect(file.fileName).toBe('greeting.mp3');
    expect(file.contentLength).toBe(3);
    expect(file.bodyUsed).toBe(false);
    expect([...(await file.bytes())]).toEqual([1, 2, 3]);
  });

  it('asks for CSV with text/csv', async () => {
    server.route('GET', '/v2/accounts/a1/cdrs', { body: 'id,duration\n1,30\n', headers: { 'content-type': 'text/csv' } });
    const csv = await t().download({ method: 'GET', path: 'accounts/{account_id}/cdrs', accept: 'csv' });
    expect(server.requests[0]?.headers.accept).toBe('text/csv');
    expect(await csv.text()).toBe('id,duration\n1,30\n');
  });

  it('a download that fails gives the API error, not a body', async () => {
    server.route('GET', '/v2/accounts/a1/media/nope/raw', {
      status: 404,
      body: errorEnvelope(404, 'bad_identifier', { cause: 'nope', message: 'bad identifier' }),
    });
    await expect(t().download({ method: 'GET', path: 'accounts/{account_id}/media/nope/raw' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('turns a bare host into the /v2/ root', () => {
    expect(createTransport({ baseUrl: server.url }).baseUrl).toBe(`${server.url}/v2/`);
    expect(createTransport({ baseUrl: `${server.url}/v2` }).baseUrl).toBe(`${server.url}/v2/`);
    expect(createTransport().baseUrl).toBe('https://api.audian.com:8443/v2/');
  });
});

describe('responses', () => {
  it('unwraps the envelope and syncs rate-limit tokens into meta', async () => {
    server.route('GET', '/v2/accounts/a1', { body: envelope({ id: 'a1' }, { tokens: { consumed: 1, remaining: 42 }, revision: '3-abc' }) });
    const { data, meta } = await t().request({ method: 'GET', path: 'accounts/{account_id}' });
    expect(data).toEqual({ id: 'a1' });
    expect(meta).toMatchObject({ status: 200, revision: '3-abc', tokens: { consumed: 1, remaining: 42 }, version: '5.4.32.6' });
  });

  it('validates data against a schema and names the failing paths', async () => {
    server.route('GET', '/v2/accounts/a1/users/u1', {
      body: envelope({ id: 'u1', first_name: 7, caller_id: { internal: { number: [] } } }),
    });
    const schema = z.looseObject({
      id: z.string(),
      first_name: z.string(),
      caller_id: z.looseObject({ internal: z.looseObject({ number: z.string() }) }),
    });
    const error = await t()
      .request({ method: 'GET', path: 'accounts/{account_id}/users/u1', schema })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.kind).toBe('schema');
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['first_name', 'caller_id.internal.number']);
  });

  it('returns the data as sent when it passes the schema, unknown keys included', async () => {
    server.route('GET', '/v2/accounts/a1/users/u1', { body: envelope({ id: 'u1', custom_thing: { deep: [1] } }) });
    const { data } = await t().request({
      method: 'GET',
      path: 'accounts/{account_id}/users/u1',
      schema: z.looseObject({ id: z.string() }),
    });
    expect(data).toEqual({ id: 'u1', custom_thing: { deep: [1] } });
  });

  it('a 2xx body that is not JSON is a ResponseValidationError of kind json', async () => {
    server.route('GET', '/v2/accounts/a1', { body: '{"data": {"id": "a1"' });
    const error = await t()
      .request({ method: 'GET', path: 'accounts/{account_id}' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.kind).toBe('json');
    expect(error.message).toContain('not valid JSON');
  });

  it('an HTML error page from a proxy still gives the status class with a short excerpt', async () => {
    const html = `<html><head><title>502 Bad Gateway</title><style>body{}</style></head><body><h1>502 Bad Gateway</h1>${'<p>nginx</p>'.repeat(100)}</body></html>`;
    server.route('GET', '/v2/accounts/a1', { status: 502, body: html, headers: { 'content-type': 'text/html' } });
    const error = await t({ retry: false })
      .request({ method: 'GET', path: 'accounts/{account_id}' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.bodyExcerpt).toMatch(/^502 Bad Gateway 502 Bad Gateway nginx/);
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(201);
    expect(error.message).toContain('502 Bad Gateway');
  });

  it('a 400 about a password field keeps its field errors, without the password', async () => {
    server.route('PUT', '/v2/accounts/a1/users', {
      status: 400,
      body: errorEnvelope(400, 'validation error', {
        password: { minLength: { message: 'String must be at least 8 characters', cause: 8, value: 'hunter2' } },
      }),
    });
    const error = await t()
      .request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { username: 'ann', password: 'hunter2' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).fieldErrors).toEqual([
      { path: 'password', code: 'minLength', message: 'String must be at least 8 characters', cause: '[REDACTED]', value: '[REDACTED]' },
    ]);
    expect((error as Error).message).toContain('password: String must be at least 8 characters [minLength]');
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain('hunter2');
  });

  it('parses 400 field maps and 402 charges from real envelopes', async () => {
    server.route('PUT', '/v2/accounts/a1/users', {
      status: 400,
      body: errorEnvelope(400, 'validation error', { last_name: { required: { message: 'Field is required but missing' } } }),
    });
    const bad = await t()
      .request({ method: 'PUT', path: 'accounts/{account_id}/users', data: {} })
      .catch((e) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad.fieldErrors).toEqual([{ path: 'last_name', code: 'required', message: 'Field is required but missing' }]);
    expect(bad.code).toBe('400');
    expect(bad.apiMessage).toBe('validation error');

    server.route('PUT', '/v2/accounts/a1/devices', {
      status: 402,
      body: errorEnvelope(402, 'accept charges', { devices: { sip_device: { quantity: 1, rate: 5 } }, activation_charges: 0 }),
    });
    const pay = await t()
      .request({ method: 'PUT', path: 'accounts/{account_id}/devices', data: {} })
      .catch((e) => e);
    expect(pay).toBeInstanceOf(PaymentRequiredError);
    expect(pay.charges.devices).toEqual({ sip_device: { quantity: 1, rate: 5 } });
  });
});

describe('bad input is rejected before any request', () => {
  it.each([
    [{ baseUrl: 'not a url' }, 'baseUrl'],
    [{ baseUrl: 'ftp://x/v2/' }, 'baseUrl'],
    [{ baseUrl: 'https://x/v2/?a=1' }, 'baseUrl'],
    [{ timeout: 0 }, 'timeout'],
    [{ timeout: -5 }, 'timeout'],
    [{ retry: -1 }, 'retry.limit'],
    [{ rateLimit: { capacity: 0, refillPerSecond: 1 } }, 'rateLimit.capacity'],
  ] as const)('transport option %j → InvalidArgumentError naming %s', (options, argument) => {
    try {
      createTransport(options as Parameters<typeof createTransport>[0]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(argument);
    }
  });

  it.each([
    [{ method: 'FETCH', path: 'accounts' }, 'method'],
    [{ method: 'GET', path: 'accounts/{account_id}/users/{id}', pathParams: { id: '..' } }, 'id'],
    [{ method: 'GET', path: 'accounts/{account_id}/users/{id}', pathParams: { id: 'a/b' } }, 'id'],
    [{ method: 'GET', path: 'accounts/{account_id}/users/{id}', pathParams: { id: '' } }, 'id'],
    [{ method: 'GET', path: '../system_configs' }, 'path'],
    [{ method: 'PUT', path: 'accounts/{account_id}/users', data: { first_name: 'A', verb: 'DELETE' } }, 'data.verb'],
    [{ method: 'PUT', path: 'accounts/{account_id}/users', data: { page_size: 5 } }, 'data.page_size'],
    [{ method: 'POST', path: 'accounts/{account_id}/media/x/raw', body: new Uint8Array(1) }, 'contentType'],
    [{ method: 'GET', path: 'accounts', timeout: -1 }, 'timeout'],
    [{ method: 'PUT', path: 'accounts', envelope: { auth_token: 'x' } }, 'envelope.auth_token'],
  ] as const)('request %j → InvalidArgumentError naming %s, nothing sent', async (params, argument) => {
    const error = await t()
      .request(params as Parameters<ReturnType<typeof t>['request']>[0])
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe(argument);
    expect(server.requests).toHaveLength(0);
  });

  it('says which account id is missing when there is no session', async () => {
    const transport = createTransport({ baseUrl: server.baseUrl, rateLimit: false });
    await expect(transport.request({ method: 'GET', path: 'accounts/{account_id}/users' })).rejects.toThrow(/needs an account id/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('redacts the token from errors, inspect() and JSON, and never logs it', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.super-secret-token.sig';
    const lines: string[] = [];
    const log = (m: string, meta?: unknown) => lines.push(m + JSON.stringify(meta ?? {}));
    const transport = createTransport({
      baseUrl: server.baseUrl,
      rateLimit: false,
      retry: { limit: 1, baseDelay: 1 },
      logger: { debug: log, info: log, warn: log, error: log },
      auth: { type: 'static', getSession: async () => ({ token, accountId: 'a1' }), refresh: async () => undefined },
    });
    server.route('GET', '/v2/accounts/a1/users', {
      status: 500,
      body: errorEnvelope(500, 'oops', { message: `token ${token} broke`, echoed: token }),
    });
    const error = await transport
      .request({ method: 'GET', path: 'accounts/{account_id}/users', query: { auth_token: token } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(server.requests[0]?.headers['x-auth-token']).toBe(token);
    for (const text of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      inspect(transport),
      JSON.stringify(transport),
      ...lines,
    ]) {
      expect(text).not.toContain('super-secret-token');
    }
    expect(error.request.headers['x-auth-token']).toBe('[REDACTED]');
    expect(lines.length).toBeGreaterThan(0);
  });
});
