import { describe, expect, it } from 'vitest';
import { request, useHarness } from './helpers';

const h = useHarness();

const recover = (method: 'PUT' | 'POST', data: Record<string, unknown>) => request(h.sandbox, method, '/v2/user_auth/recovery', { data });

describe('user_auth/recovery (cb_user_auth)', () => {
  it('PUT mails a reset link (kept in the SMTP log); POST with its id logs the user in and asks for a new password', async () => {
    const asked = await recover('PUT', {
      username: h.sandbox.username,
      account_name: h.sandbox.accountName,
      ui_url: 'https://portal.example.com/',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.data).toBe(`Request for password reset handled, email sent to: ${h.sandbox.username}@example.com`);
    const logs = await h.call('GET', `${h.acct}/notifications/smtplog`);
    const sent = (logs.body.data as { id: string; template_id: string }[]).find((l) => l.template_id === 'password_recovery');
    expect(sent).toBeDefined();
    const log = await h.call('GET', `${h.acct}/notifications/smtplog/${sent?.id}`);
    const link = String((log.body.data as { macros: { link: string } }).macros.link);
    expect(link).toMatch(/^https:\/\/portal\.example\.com\/\?recovery=[0-9a-f]{137}$/);
    const resetId = link.split('recovery=')[1] as string;
    // The id starts with the account id, so it alone finds the account (cb_user_auth:reset_id/1).
    expect(resetId.startsWith(h.sandbox.accountId)).toBe(true);

    const login = await recover('POST', { reset_id: resetId });
    expect(login.status).toBe(201);
    expect(login.body.data).toMatchObject({ account_id: h.sandbox.accountId, owner_id: h.sandbox.userId });
    const user = await request(h.sandbox, 'GET', `${h.acct}/users/${h.sandbox.userId}`, {}, String(login.body.auth_token));
    expect(user.body.data).toMatchObject({ require_password_update: true });
  });

  it('a ui_url with a query gets &recovery=', async () => {
    await recover('PUT', {
      username: h.sandbox.username,
      account_realm: 'sandbox.sip.local',
      ui_url: 'https://portal.example.com/?lang=en',
    });
    const logs = (await h.call('GET', `${h.acct}/notifications/smtplog`)).body.data as { id: string; template_id: string }[];
    const ids = logs.filter((l) => l.template_id === 'password_recovery').map((l) => l.id);
    const links = await Promise.all(
      ids.map(async (id) => (await h.call('GET', `${h.acct}/notifications/smtplog/${id}`)).body.data as { macros: { link: string } }),
    );
    expect(links.some((l) => l.macros.link.startsWith('https://portal.example.com/?lang=en&recovery='))).toBe(true);
  });

  it('an unknown user is 400 username not_found; an unknown account is 400 naming the identifier', async () => {
    const user = await recover('PUT', { username: 'nobody', account_name: h.sandbox.accountName, ui_url: 'https://portal.example.com/' });
    expect(user.status).toBe(400);
    expect(user.body.data).toMatchObject({ username: { not_found: { message: 'The provided user name was not found' } } });
    const account = await recover('PUT', { username: 'x', account_name: 'No Such', ui_url: 'https://portal.example.com/' });
    expect(account.body.data).toMatchObject({ account_name: { not_found: {} } });
  });

  it('a disabled user is 400 username forbidden', async () => {
    const created = await h.call('PUT', `${h.acct}/users`, {
      data: { first_name: 'Off', last_name: 'Line', username: 'offline', password: 'Secret123!', enabled: false },
    });
    expect(created.status).toBe(201);
    const r = await recover('PUT', { username: 'offline', account_name: h.sandbox.accountName, ui_url: 'https://portal.example.com/' });
    expect(r.body.data).toMatchObject({ username: { forbidden: { message: 'The provided user name is disabled' } } });
  });

  it('a reset id that finds no reset is 400 user not_found; none is 400 reset_id required', async () => {
    const unknown = await recover('POST', { reset_id: `${h.sandbox.accountId}${'0'.repeat(105)}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.data).toMatchObject({ user: { not_found: { message: 'The provided reset_id did not resolve to any user' } } });
    expect((await recover('POST', {})).body.data).toMatchObject({ reset_id: { required: {} } });
  });

  it('ui_url is checked by the user_auth_recovery schema (at least 14 characters)', async () => {
    const r = await recover('PUT', { username: h.sandbox.username, account_name: h.sandbox.accountName, ui_url: 'http://x' });
    expect(r.status).toBe(400);
    expect(r.body.data).toHaveProperty('ui_url');
  });
});
