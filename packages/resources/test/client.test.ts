import { createApiKeyAuth } from '@audian/auth';
import { envelope, fakeJwt, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
