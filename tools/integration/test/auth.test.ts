import { createApiKeyAuth, createTokenAuth, createUserAuth } from '@audian/auth';
import { UnauthorizedError } from '@audian/core';
import { createAudian } from '@audian/resources';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, setup } from './context';

let ctx: Context;
beforeAll(async () => {
  ctx = await setup();
});
afterAll(() => ctx.sandbox.stop());

describe('logging in against the sandbox', () => {
  it('with the API key: the session names the account', async () => {
    const audian = createAudian({ baseUrl: ctx.sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: ctx.account.apiKey }), rateLimit: false });
    const session = await audian.session();
    expect(session.accountId).toBe(ctx.account.accountId);
    expect(session.isReseller).toBe(true);
    expect(session.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    expect((await audian.users.list().toArray()).map((u) => u.username)).toContain(ctx.account.username);
  });

  it('with a username and password (md5 and sha), by account name', async () => {
    for (const method of ['md5', 'sha'] as const) {
      const audian = createAudian({
        baseUrl: ctx.sandbox.apiUrl,
        auth: createUserAuth({
          username: ctx.account.username,
          password: ctx.account.password,
          accountName: ctx.account.accountName,
          method,
        }),
        rateLimit: false,
      });
      const session = await audian.session();
      expect(session).toMatchObject({ accountId: ctx.account.accountId, ownerId: ctx.account.userId });
      expect(await audian.users.get(ctx.account.userId)).toMatchObject({ username: ctx.account.username });
    }
  });

  it('a wrong password is an authentication error', async () => {
    const audian = createAudian({
      baseUrl: ctx.sandbox.apiUrl,
      auth: createUserAuth({ username: ctx.account.username, password: 'not-it', accountName: ctx.account.accountName }),
      rateLimit: false,
    });
    await expect(audian.session()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('an unknown API key is an authentication error', async () => {
    const audian = createAudian({ baseUrl: ctx.sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: 'e'.repeat(64) }), rateLimit: false });
    await expect(audian.session()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('logs in again by itself when the token expires', async () => {
    const audian = createAudian({ baseUrl: ctx.sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: ctx.account.apiKey }), rateLimit: false });
    await audian.users.list();
    ctx.sandbox.resetStats();
    ctx.sandbox.advanceClock(7200);
    try {
      expect((await audian.users.list()).data.length).toBeGreaterThan(0);
    } finally {
      ctx.sandbox.advanceClock(0);
    }
    expect(ctx.sandbox.stats().byRoute['PUT /v2/api_auth']).toBe(1);
  });

  it('uses a token it is given; logging out does not revoke it, as in KAZOO (cb_token_auth:delete/1)', async () => {
    const login = await fetch(`${ctx.sandbox.apiUrl}api_auth`, {
      method: 'PUT',
      body: JSON.stringify({ data: { api_key: ctx.account.apiKey } }),
    });
    const token = ((await login.json()) as { auth_token: string }).auth_token;
    const audian = createAudian({
      baseUrl: ctx.sandbox.apiUrl,
      auth: createTokenAuth(token),
      accountId: ctx.account.accountId,
      rateLimit: false,
    });
    expect((await audian.users.list()).data.length).toBeGreaterThan(0);
    await audian.logout();
    const again = createAudian({
      baseUrl: ctx.sandbox.apiUrl,
      auth: createTokenAuth(token),
      accountId: ctx.account.accountId,
      rateLimit: false,
    });
    expect((await again.users.list()).data.length).toBeGreaterThan(0);
    ctx.sandbox.advanceClock(3601);
    try {
      await expect(again.users.list()).rejects.toBeInstanceOf(UnauthorizedError);
    } finally {
      ctx.sandbox.advanceClock(0);
    }
  });
});
