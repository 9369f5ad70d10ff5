import {
  assertNoSecrets,
  envelope,
  errorEnvelope,
  type RecordedRequest,
  type Reply,
  startTestServer,
  type TestServer,
} from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  ApiError,
  AudianError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createTransport,
  ForbiddenError,
  InvalidArgumentError,
  LockedError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PaymentRequiredError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../src/index';
import { countingAuth } from './helpers';

const TOKENS = ['tok-first-9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'tok-second-0a1b2c3d4e5f60718293a4b5c6d7e8f9'];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Everything a server can echo the request's token into: body text, data, envelope extras, headers. */
function echo(status: number, extra: Partial<Reply> = {}): (req: RecordedRequest) => Reply {
  return (req) => {
    const token = String(req.headers['x-auth-token']);
    const body = {
      ...errorEnvelope(status, `rejected ${token}`, {
        message: `token ${token} echoed`,
        [token]: { unique: { message: `value ${token}`, cause: token, value: { auth_token: token } } },
        echo: token,
      }),
      echoed_token: token,
    };
    return { status, body, headers: { 'x-echo-token': token, location: `https://h/?auth_token=${token}` }, ...extra };
  };
}

function expectNothingSecret(error: unknown): void {
  expect(error).toBeInstanceOf(AudianError);
  assertNoSecrets(error, TOKENS);
}

const FETCHES = { 'the SDK node fetch': undefined, 'globalThis.fetch': globalThis.fetch } as const;
const fetchNames = Object.keys(FETCHES) as (keyof typeof FETCHES)[];

const transport = (name: keyof typeof FETCHES, extra: Parameters<typeof createTransport>[0] = {}) =>
  createTransport({
    baseUrl: server.baseUrl,
    auth: countingAuth(TOKENS).strategy,
    timeout: 5000,
    retry: false,
    rateLimit: false,
    ...(FETCHES[name] ? { fetch: FETCHES[name] } : {}),
    ...extra,
  });

const get = (name: keyof typeof FETCHES, extra?: Parameters<typeof createTransport>[0]) =>
  transport(name, extra)
    .request({ method: 'GET', path: 'accounts/{account_id}/users', schema: z.object({ id: z.string() }) })
    .catch((e: unknown) => e);

describe.each(fetchNames)('no error holds a secret (%s)', (name) => {
  it.each([
    [400, BadRequestError],
    [401, UnauthorizedError],
    [402, PaymentRequiredError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [405, MethodNotAllowedError],
    [409, ConflictError],
    [413, PayloadTooLargeError],
    [416, ApiError],
    [423, LockedError],
    [429, RateLimitError],
    [500, ServerError],
  ] as const)('a %i that echoes the token everywhere gives its status class without it', async (status, cls) => {
    server.route('GET', /users$/, echo(status));
    const error = await get(name);
    expect(error).toBeInstanceOf(cls);
    expectNothingSecret(error);
  });

  it('an HTML error page quoting the token gives a ServerError whose excerpt is scrubbed', async () => {
    server.route('GET', /users$/, (req) => ({
      status: 502,
      body: `<html><body>bad gateway for ${String(req.headers['x-auth-token'])}</body></html>`,
      headers: { 'content-type': 'text/html' },
    }));
    const error = await get(name);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).bodyExcerpt).toContain('[REDACTED]');
    expectNothingSecret(error);
  });

  it('a 2xx body that is not JSON and quotes the token gives a scrubbed ResponseValidationError (message, issues and parser cause)', async () => {
    server.route('GET', /users$/, (req) => ({
      body: `token=${String(req.headers['x-auth-token'])}`,
      headers: { 'content-type': 'application/json' },
    }));
    const error = await get(name);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).kind).toBe('json');
    expect((error as Error).cause).toBeInstanceOf(Error);
    expectNothingSecret(error);
  });

  it('data breaking the schema with the token as its value gives a ResponseValidationError without it', async () => {
    server.route('GET', /users$/, (req) => ({ body: envelope({ id: 5, echo: req.headers['x-auth-token'] }) }));
    const error = await get(name);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectNothingSecret(error);
  });

  it('a timeout waiting for the headers gives a TimeoutError whose cause holds no Request', async () => {
    server.route('GET', /users$/, { delay: 400, body: envelope({}) });
    const error = await get(name, { timeout: 200 });
    expect(error).toBeInstanceOf(TimeoutError);
    expectNothingSecret(error);
  });

  it('a timeout while the body stalls gives a TimeoutError without the token', async () => {
    server.route('GET', /users$/, (req) => ({
      body: JSON.stringify(envelope({ echo: req.headers['x-auth-token'] })),
      headers: { 'content-type': 'application/json' },
      stall: {},
    }));
    const error = await get(name, { timeout: 200 });
    expect(error).toBeInstanceOf(TimeoutError);
    expectNothingSecret(error);
  });

  it('a connection dropped mid-body gives a ConnectionError whose causes are plain errors', async () => {
    server.route('GET', /users$/, (req) => ({
      body: JSON.stringify(envelope({ echo: req.headers['x-auth-token'] })),
      headers: { 'content-type': 'application/json' },
      destroy: 'mid-body',
    }));
    const error = await get(name);
    expect(error).toBeInstanceOf(ConnectionError);
    expectNothingSecret(error);
  });

  it('a download that stalls or breaks mid-body gives errors without the token', async () => {
    server.route('GET', /raw$/, (req) => ({
      body: Buffer.from(`audio for ${String(req.headers['x-auth-token'])}`.repeat(4)),
      headers: { 'content-type': 'audio/mpeg' },
      stall: { bytes: 4 },
    }));
    const stalled = await transport(name, { timeout: 200 }).download({ method: 'GET', path: 'accounts/{account_id}/media/m/raw' });
    const timeout = await stalled.bytes().catch((e: unknown) => e);
    expect(timeout).toBeInstanceOf(TimeoutError);
    expectNothingSecret(timeout);

    server.reset();
    server.route('GET', /raw$/, { body: Buffer.alloc(4096, 1), headers: { 'content-type': 'audio/mpeg' }, destroy: 'mid-body' });
    const broken = await transport(name).download({ method: 'GET', path: 'accounts/{account_id}/media/m/raw' });
    const lost = await broken.bytes().catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ConnectionError);
    expectNothingSecret(lost);
  });

  it('an error keeps header names but no value that could be a credential, custom headers included', async () => {
    server.route('GET', /users$/, { status: 500, body: errorEnvelope(500, 'boom') });
    const error = (await get(name, { headers: { 'x-proxy-key': TOKENS[1] as string, 'x-tenant': 't1' } })) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.request.headers).toMatchObject({
      'x-auth-token': '[REDACTED]',
      'x-proxy-key': '[REDACTED]',
      'x-tenant': '[REDACTED]',
      accept: 'application/json',
    });
    expect(error.request.headers['x-request-id']).toBe(error.request.requestId);
    expectNothingSecret(error);
  });

  it('a document carrying auth_token is refused naming the key, never quoting the value', async () => {
    const error = await transport(name)
      .request({ method: 'PUT', path: 'accounts/{account_id}/users', data: { auth_token: TOKENS[0] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expectNothingSecret(error);
  });
});
