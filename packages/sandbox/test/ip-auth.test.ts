import { describe, expect, it } from 'vitest';
import { request, useHarness } from './helpers';

const h = useHarness();

describe('PUT /v2/ip_auth (cb_ip_auth)', () => {
  it('an address no account lists is 401', async () => {
    const r = await request(h.sandbox, 'PUT', '/v2/ip_auth', { data: {} });
    expect(r.status).toBe(401);
  });

  it('the account listing the client’s address in its ips gets a token, with the entry’s owner as the user', async () => {
    const patched = await h.call('PATCH', h.acct, { data: { ips: [{ ip: '127.0.0.1', owner_id: h.sandbox.userId }] } });
    expect(patched.status).toBe(200);
    const r = await request(h.sandbox, 'PUT', '/v2/ip_auth', { data: {} });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ account_id: h.sandbox.accountId, owner_id: h.sandbox.userId });
    const claims = JSON.parse(Buffer.from(String(r.body.auth_token).split('.')[1] as string, 'base64url').toString());
    expect(claims).toMatchObject({ account_id: h.sandbox.accountId, method: 'cb_ip_auth' });
    const users = await request(h.sandbox, 'GET', `${h.acct}/users`, {}, String(r.body.auth_token));
    expect(users.status).toBe(200);
  });
});
