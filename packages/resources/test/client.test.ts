import { createApiKeyAuth } from '@audian/auth';
import { InvalidArgumentError } from '@audian/core';
import { envelope, fakeJwt, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAudian } from '../src/index';

let server: TestServer;
const ACCOUNT = '0c8ae0e1a3f54f8e9d6b2c4a7e1f3b5d';
beforeAll(async () => {
  server = await startTestServer();
  server.route('PUT', '/v2/api_auth', {
    status: 201,
    body: envelope({ account_id: ACCOUNT }, { auth_token: fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 3600 }) }),
  });
  server.route('GET', /\/v2\/accounts\/[^/]+\/users$/, { body: envelope([{ id: 'u1' }]) });
});
afterAll(() => server.close());

describe('createAudian', () => {
  const audian = () => createAudian({ baseUrl: server.baseUrl, auth: createApiKeyAuth({ apiKey: 'k'.repeat(64) }) });

  it('session() logs in and never exposes the token', async () => {
    const session = await audian().session();
    expect(session.accountId).toBe(ACCOUNT);
    expect(session).not.toHaveProperty('token');
  });

  it('request() fills {account_id} from the session, account(id) from the given id', async () => {
    const client = audian();
    await client.request({ method: 'GET', path: 'accounts/{account_id}/users', query: { paginate: false } });
    await client.account('child00000000000000000000000000ff').request({ method: 'GET', path: 'accounts/{account_id}/users' });
    const paths = server.requests.filter((r) => r.method === 'GET').map((r) => r.url);
    expect(paths).toEqual([`/v2/accounts/${ACCOUNT}/users?paginate=false`, '/v2/accounts/child00000000000000000000000000ff/users']);
  });
});

describe('createAudian credentials and environment', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('without any credentials throws at construction, naming the option and the variable to set', () => {
    vi.stubEnv('AUDIAN_API_KEY', '');
    expect(() => createAudian({})).toThrow(InvalidArgumentError);
    expect(() => createAudian()).toThrow(/pass \{ apiKey \}.*or set AUDIAN_API_KEY/);
  });

  it('refuses apiKey and auth together', () => {
    expect(() => createAudian({ apiKey: 'k'.repeat(64), auth: createApiKeyAuth({ apiKey: 'k'.repeat(64) }) })).toThrow(
      /either apiKey or auth/,
    );
  });

  it('reads AUDIAN_API_KEY, AUDIAN_BASE_URL and AUDIAN_ACCOUNT_ID from the environment', async () => {
    const key = 'e'.repeat(64);
    vi.stubEnv('AUDIAN_API_KEY', key);
    vi.stubEnv('AUDIAN_BASE_URL', server.baseUrl);
    vi.stubEnv('AUDIAN_ACCOUNT_ID', 'child00000000000000000000000000ee');
    const audian = createAudian();
    expect(audian.accountId).toBe('child00000000000000000000000000ee');
    const before = server.requests.length;
    await audian.users.list();
    const sent = server.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /v2/api_auth',
      'GET /v2/accounts/child00000000000000000000000000ee/users',
    ]);
    expect(sent[0]?.json).toEqual({ data: { api_key: key } });
  });

  it('takes an apiKey shorthand, and options win over the environment', async () => {
    vi.stubEnv('AUDIAN_API_KEY', 'e'.repeat(64));
    vi.stubEnv('AUDIAN_BASE_URL', 'http://127.0.0.1:9/v2/');
    const key = 'f'.repeat(64);
    const audian = createAudian({ apiKey: key, baseUrl: server.baseUrl });
    const before = server.requests.length;
    await audian.session();
    expect(server.requests.slice(before)[0]?.json).toEqual({ data: { api_key: key } });
  });

  it('works where there is no process (a browser): the environment is simply empty', () => {
    vi.stubGlobal('process', undefined);
    let error: unknown;
    try {
      createAudian();
    } catch (e) {
      error = e;
    }
    vi.unstubAllGlobals();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(String(error)).toMatch(/no credentials/);
  });
});
