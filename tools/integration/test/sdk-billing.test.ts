import { createApiKeyAuth, createIpAuth, createPasswordResetAuth, createUserAuth, impersonate, requestPasswordReset } from '@audian/auth';
import { type AuthStrategy, ForbiddenError } from '@audian/core';
import { createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A reseller's billing script and the logins beside the API key, through the SDK against the
// sandbox's seeded (master, reseller) account.
let sandbox: Sandbox;
const client = (auth: AuthStrategy) => createAudian({ baseUrl: sandbox.apiUrl, auth, rateLimit: false });

beforeAll(async () => {
  sandbox = await startSandbox({ servicePlan: { charges: { users: { rate: 5 } } } });
});
afterAll(() => sandbox?.stop());

describe('billing through the SDK', () => {
  it('a reseller prices, credits and reads a customer’s balance; the customer cannot credit itself', async () => {
    const reseller = client(createApiKeyAuth({ apiKey: sandbox.apiKey }));
    const customer = await reseller.accounts.create({ name: 'Billing Customer' });
    const asReseller = reseller.account(customer.id);
    await asReseller.users.create({ first_name: 'Ann', last_name: 'Admin', priv_level: 'admin' }, { acceptCharges: true });
    const summary = await asReseller.services.summary();
    expect(summary.invoices?.[0]?.summary).toEqual({ today: 0, recurring: 5 });
    const quote = await asReseller.services.quote({ add: ['sandbox_plan'], overrides: { sandbox_plan: { users: { _all: { rate: 4 } } } } });
    expect(quote.invoices?.[0]?.summary?.recurring).toBe(4);

    const usage = { type: 'credit', quantity: 0, unit: 'dollars' };
    await asReseller.ledgers.credit({ amount: 50, source: { service: 'payments', id: 'inv-1' }, usage });
    await asReseller.ledgers.debit({ amount: 12, source: { service: 'payments', id: 'inv-2' }, usage });
    expect(await asReseller.ledgers.total()).toEqual({ amount: 38 });
    expect((await asReseller.ledgers.list('payments').toArray()).map((l) => l.amount).sort()).toEqual([-12, 50]);

    const key = await reseller.accounts.apiKey(customer.id);
    const self = client(createApiKeyAuth({ apiKey: key.api_key }));
    await expect(self.ledgers.credit({ amount: 1000, source: { service: 'payments', id: 'x' }, usage })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await self.ledgers.total()).toEqual({ amount: 38 });
  });

  it('rates a number against the ratedeck the master account keeps', async () => {
    const master = client(createApiKeyAuth({ apiKey: sandbox.apiKey }));
    await master.rates.create({ prefix: '1415', rate_cost: 0.02, description: 'SF' });
    expect(await master.rates.forNumber('+14155550123')).toMatchObject({ Prefix: '1415', Rate: 0.02 });
  });
});

describe('the other logins through @audian/auth', () => {
  it('impersonate(): the master’s admin acts as a customer’s user', async () => {
    const reseller = client(createApiKeyAuth({ apiKey: sandbox.apiKey }));
    const customer = await reseller.accounts.create({ name: 'Impersonated' });
    const user = await reseller
      .account(customer.id)
      .users.create({ first_name: 'Cus', last_name: 'Tomer', username: 'cus', password: 'Secret123!' }, { acceptCharges: true });
    const admin = createUserAuth({ username: sandbox.username, password: sandbox.password, accountName: sandbox.accountName });
    const asUser = client(impersonate(admin, { accountId: customer.id, userId: user.id }));
    expect(await asUser.session()).toMatchObject({ accountId: customer.id, ownerId: user.id });
    expect(await asUser.users.get(user.id)).toMatchObject({ username: 'cus' });
  });

  it('requestPasswordReset() then createPasswordResetAuth() with the id from the e-mailed link', async () => {
    const reseller = client(createApiKeyAuth({ apiKey: sandbox.apiKey }));
    await requestPasswordReset(reseller, {
      username: sandbox.username,
      accountName: sandbox.accountName,
      uiUrl: 'https://portal.example.com/',
    });
    const sent = (await reseller.request({ method: 'GET', path: 'accounts/{account_id}/notifications/smtplog' })).data as {
      id: string;
      template_id: string;
    }[];
    const log = sent.find((l) => l.template_id === 'password_recovery') as { id: string };
    const full = (await reseller.request({ method: 'GET', path: `accounts/{account_id}/notifications/smtplog/${log.id}` })).data as {
      macros: { link: string };
    };
    const resetId = new URL(full.macros.link).searchParams.get('recovery') as string;
    const recovered = client(createPasswordResetAuth({ resetId }));
    expect(await recovered.session()).toMatchObject({ accountId: sandbox.accountId, ownerId: sandbox.userId });
  });

  it('createIpAuth(): the account listing 127.0.0.1 in its ips', async () => {
    const reseller = client(createApiKeyAuth({ apiKey: sandbox.apiKey }));
    await reseller.accounts.patch(undefined, { ips: [{ ip: '127.0.0.1' }] });
    expect(await client(createIpAuth()).session()).toMatchObject({ accountId: sandbox.accountId });
  });
});
