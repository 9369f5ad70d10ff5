import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, setup } from './context';

// The account-less account creation, click-to-call by link and the webhook samples, through the SDK.
let ctx: Context;
beforeAll(async () => {
  ctx = await setup();
});
afterAll(() => ctx.sandbox.stop());

describe('accounts, click-to-call and webhook samples through the SDK', () => {
  it('accounts.create(…, { parentId: null }) sends PUT /v2/accounts: a child of the login’s account', async () => {
    const child = await ctx.audian.accounts.create({ name: 'Top-level create' }, { parentId: null });
    expect((await ctx.audian.accounts.parents(child.id)).map((p) => p.id)).toContain(ctx.account.accountId);
  });

  it('clicktocall.connectViaLink() places the call with the contact in the query, as connect() does', async () => {
    const c2c = await ctx.audian.clicktocall.create({ name: 'Sales', extension: '2000', auth_required: true });
    const placed = await ctx.audian.clicktocall.connectViaLink(c2c.id, { contact: '+14155550199' });
    expect(placed).toMatchObject({ application_name: 'transfer' });
    const history = await ctx.audian.clicktocall.history(c2c.id).toArray();
    expect(history.map((h) => h.contact)).toEqual(['+14155550199']);
  });

  it('webhooks.accountSamples() and accountSample() answer what the system-wide ones do', async () => {
    const names = await ctx.audian.webhooks.accountSamples();
    expect(names).toEqual(await ctx.audian.webhooks.samples());
    const missed = await ctx.audian.webhooks.accountSample('webhooks_notifications', { filter: { event_name: 'missed_call' } });
    expect(missed).toEqual([expect.objectContaining({ event_name: 'missed_call' })]);
  });
});
