import { AudianError, ConnectionError, createTransport, ServerError, TimeoutError } from '@audian/core';
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
import {
  AuthenticationError,
  createApiKeyAuth,
  createTokenAuth,
  createUserAuth,
  MultiFactorRequiredError,
  userCredentialsHash,
} from '../src/index';

const API_KEY = 'c0ffee11d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1';
const USERNAME = 'ann@example.com';
const PASSWORD = 'Corr3ct-Horse-Battery';
const HASH = userCredentialsHash(USERNAME, PASSWORD);
/** An opaque (non-JWT) token: its account is looked up with GET /v2/token_auth. */
const TOKEN = 'opaque-token-5f0c9a7e2b8d41c3a6e9f1d2b7c4a8e0';
const SECRETS = [API_KEY, PASSWORD, HASH, TOKEN];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** What the login sent (the key or the hash), echoed back in the message, data, extras and headers. */
function secretOf(req: RecordedRequest): string {
  const data = (req.json as { data?: { api_key?: string; credentials?: string } } | undefined)?.data;
  return String(data?.api_key ?? data?.credentials);
}

function echo(status: number, extra: Record<string, unknown> = {}, reply: Partial<Reply> = {}): (req: RecordedRequest) => Reply {
  return (req) => {
    const secret = secretOf(req);
    return {
      status,
      body: { ...errorEnvelope(status, `rejected ${secret}`, { message: `bad ${secret}`, cause: secret, ...extra }), echoed: secret },
      headers: { 'x-echo': secret, location: `https://h/?api_key=${secret}` },
      ...reply,
    };
  };
}

const FETCHES = { 'the SDK node fetch': undefined, 'globalThis.fetch': globalThis.fetch } as const;
const fetchNames = Object.keys(FETCHES) as (keyof typeof FETCHES)[];

/** Logs in; `timeout` is short only where a test waits for it to expire. */
function login(name: keyof typeof FETCHES, kind: 'api-key' | 'user', timeout = 5000): Promise<unknown> {
  const auth =
    kind === 'api-key'
      ? createApiKeyAuth({ apiKey: API_KEY })
      : createUserAuth({ username: USERNAME, password: PASSWORD, accountName: 'acme' });
  const transport = createTransport({
    baseUrl: server.baseUrl,
    auth,
    timeout,
    retry: false,
    rateLimit: false,
    ...(FETCHES[name] ? { fetch: FETCHES[name] } : {}),
  });
  return transport.session().catch((e: unknown) => e);
}

const PATHS = { 'api-key': '/v2/api_auth', user: '/v2/user_auth' } as const;

function expectNothingSecret(error: unknown): void {
  expect(error).toBeInstanceOf(AudianError);
  assertNoSecrets(error, SECRETS);
}

describe.each(fetchNames)('login errors never hold the key, password or hash (%s)', (name) => {
  describe.each(['api-key', 'user'] as const)('%s login', (kind) => {
    it('a refusal that echoes the secret gives an AuthenticationError without it', async () => {
      server.route('PUT', PATHS[kind], echo(kind === 'api-key' ? 404 : 401));
      const error = await login(name, kind);
      expect(error).toBeInstanceOf(AuthenticationError);
      expectNothingSecret(error);
    });

    it('a server error that echoes the secret gives a ServerError without it', async () => {
      server.route('PUT', PATHS[kind], echo(500));
      const error = await login(name, kind);
      expect(error).toBeInstanceOf(ServerError);
      expectNothingSecret(error);
    });

    it('a login that gets no headers in time gives a TimeoutError holding no request', async () => {
      server.route('PUT', PATHS[kind], { delay: 400, status: 201, body: envelope({}) });
      const error = await login(name, kind, 200);
      expect(error).toBeInstanceOf(TimeoutError);
      expectNothingSecret(error);
    });

    it('a login whose body stalls gives a TimeoutError without the secret', async () => {
      server.route('PUT', PATHS[kind], (req) => ({
        status: 201,
        body: JSON.stringify(envelope({ echoed: secretOf(req) })),
        headers: { 'content-type': 'application/json' },
        stall: {},
      }));
      const error = await login(name, kind, 200);
      expect(error).toBeInstanceOf(TimeoutError);
      expectNothingSecret(error);
    });

    it('a login whose connection drops gives a ConnectionError without the secret', async () => {
      server.route('PUT', PATHS[kind], (req) => ({
        status: 201,
        body: JSON.stringify(envelope({ echoed: secretOf(req) })),
        headers: { 'content-type': 'application/json' },
        destroy: 'mid-body',
      }));
      const error = await login(name, kind);
      expect(error).toBeInstanceOf(ConnectionError);
      expectNothingSecret(error);
    });

    it('a login answered without a token is an AudianError without the secret', async () => {
      server.route('PUT', PATHS[kind], (req) => ({ status: 201, body: envelope({ echoed: secretOf(req) }) }));
      const error = await login(name, kind);
      expectNothingSecret(error);
    });
  });

  it('a token lookup that stalls or echoes the token gives errors without it', async () => {
    const lookup = () =>
      createTransport({
        baseUrl: server.baseUrl,
        auth: createTokenAuth(TOKEN),
        timeout: 200,
        retry: false,
        rateLimit: false,
        ...(FETCHES[name] ? { fetch: FETCHES[name] } : {}),
      })
        .session()
        .catch((e: unknown) => e);
    server.route('GET', '/v2/token_auth', (req) => ({
      body: JSON.stringify(envelope({ echoed: req.headers['x-auth-token'] })),
      headers: { 'content-type': 'application/json' },
      stall: {},
    }));
    const stalled = await lookup();
    expect(stalled).toBeInstanceOf(TimeoutError);
    expectNothingSecret(stalled);

    server.reset();
    server.route('GET', '/v2/token_auth', (req) => ({
      status: 401,
      body: errorEnvelope(401, `invalid ${String(req.headers['x-auth-token'])}`, { token: req.headers['x-auth-token'] }),
    }));
    const refused = await lookup();
    expect(refused).toBeInstanceOf(AudianError);
    expectNothingSecret(refused);
  });

  it('a second-factor challenge that echoes the hash gives a MultiFactorRequiredError without it', async () => {
    server.route('PUT', PATHS.user, echo(401, { multi_factor_request: { provider_name: 'duo', settings: { echo: HASH } } }));
    const error = await login(name, 'user');
    expect(error).toBeInstanceOf(MultiFactorRequiredError);
    expectNothingSecret(error);
  });
});
