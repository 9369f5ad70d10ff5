import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials, type Harness, harness, request } from './helpers';

let h: Harness;
let adminToken: string;
let child: string;
let childUser: string;

beforeAll(async () => {
  h = await harness();
  const login = await request(h.sandbox, 'PUT', '/v2/user_auth', {
    data: { credentials: await credentials(h.sandbox.username, h.sandbox.password), account_name: h.sandbox.accountName },
  });
  adminToken = String(login.body.auth_token);
  const created = await h.call('PUT', h.acct, { data: { name: 'Impersonated Customer' } });
  child = String((created.body.data as { id: string }).id);
  const user = await h.call('PUT', `/v2/accounts/${child}/users`, {
    data: { first_name: 'Cus', last_name: 'Tomer', username: 'customer', password: 'Secret123!' },
  });
  childUser = String((user.body.data as { id: string }).id);
});
afterAll(() => h.stop());

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString());
const impersonate = (token: string, accountId = child, userId = childUser, action: unknown = 'impersonate_user') =>
  request(h.sandbox, 'PUT', `/v2/accounts/${accountId}/users/${userId}/user_auth`, { data: { action }, envelope: {} }, token);

describe('impersonation: PUT …/users/{USER_ID}/user_auth (cb_user_auth)', () => {
  it('an admin user of the super-duper admin account gets a token for the user, keeping who acts in its claims', async () => {
    const r = await impersonate(adminToken);
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ account_id: child, owner_id: childUser });
    const claims = claimsOf(String(r.body.auth_token));
    expect(claims).toMatchObject({
      account_id: child,
      owner_id: childUser,
      original_account_id: h.sandbox.accountId,
      original_owner_id: h.sandbox.userId,
    });
    const me = await request(h.sandbox, 'GET', `/v2/accounts/${child}/users/${childUser}`, {}, String(r.body.auth_token));
    expect(me.status).toBe(200);
  });

  it('an API-key token names no user: 403 (authorize_nouns/3)', async () => {
    expect((await impersonate(h.token)).status).toBe(403);
  });

  it('a user of the same account may not impersonate in it: 403', async () => {
    expect((await impersonate(adminToken, h.sandbox.accountId, h.sandbox.userId)).status).toBe(403);
  });

  it('a non-admin user is refused: 403', async () => {
    await h.call('PUT', `${h.acct}/users`, {
      data: { first_name: 'Plain', last_name: 'User', username: 'plain', password: 'Secret123!', priv_level: 'user' },
    });
    const login = await request(h.sandbox, 'PUT', '/v2/user_auth', {
      data: { credentials: await credentials('plain', 'Secret123!'), account_name: h.sandbox.accountName },
    });
    expect((await impersonate(String(login.body.auth_token))).status).toBe(403);
  });

  it('another action is 500 action required', async () => {
    const r = await impersonate(adminToken, child, childUser, 'something_else');
    expect(r.status).toBe(500);
    expect(r.body.message).toBe('action required');
  });
});
