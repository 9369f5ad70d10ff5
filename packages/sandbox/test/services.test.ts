import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type Harness, harness, request } from './helpers';

let h: Harness;
let child: string;
let childToken: string;

beforeAll(async () => {
  h = await harness({ servicePlan: { charges: { users: { rate: 5 }, devices: { rate: 2 } } } });
  const created = await h.call('PUT', h.acct, { data: { name: 'Services Customer' } });
  child = String((created.body.data as { id: string }).id);
  const key = await h.call('GET', `/v2/accounts/${child}/api_key`);
  childToken = await apiLogin(h.sandbox, String((key.body.data as { api_key: string }).api_key));
});
afterAll(() => h.stop());

const path = (rest: string) => `/v2/accounts/${child}/services${rest}`;
const asChild = (method: string, rest: string, data?: unknown) => request(h.sandbox, method, path(rest), { data }, childToken);

describe('services (cb_services)', () => {
  it('every account starts on its reseller’s plan: GET …/services lists it with the vendor', async () => {
    const r = await h.call('GET', path(''));
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ sandbox_plan: { vendor_id: h.sandbox.accountId, overrides: {} } });
  });

  it('the summary bills the counted quantities at the plan’s rates, as the 402 quote does', async () => {
    await h.call('PUT', `/v2/accounts/${child}/users`, {
      data: { first_name: 'A', last_name: 'One', priv_level: 'admin' },
      envelope: { accept_charges: true },
    });
    await h.call('PUT', `/v2/accounts/${child}/users`, { data: { first_name: 'B', last_name: 'Two' }, envelope: { accept_charges: true } });
    const r = await h.call('GET', path('/summary'));
    expect(r.status).toBe(200);
    const invoice = (r.body.data as { invoices: { items: unknown[]; summary: unknown }[] }).invoices[0];
    expect(invoice?.items).toEqual([
      { category: 'users', item: 'admin', quantity: 1, billable: 1, rate: 5, total: 5 },
      { category: 'users', item: 'user', quantity: 1, billable: 1, rate: 5, total: 5 },
    ]);
    expect(invoice?.summary).toEqual({ today: 0, recurring: 10 });
  });

  it('a quote prices a change without making it; an unknown plan is 404 (crossbar_doc:load in the reseller’s db)', async () => {
    const quote = await h.call('POST', path('/quote'), {
      data: { add: ['sandbox_plan'], overrides: { sandbox_plan: { users: { _all: { rate: 3 } } } } },
    });
    expect(quote.status).toBe(200);
    expect((quote.body.data as { invoices: { summary: unknown }[] }).invoices[0]?.summary).toEqual({ today: 0, recurring: 6 });
    const after = await h.call('GET', path('/summary'));
    expect((after.body.data as { invoices: { summary: unknown }[] }).invoices[0]?.summary).toEqual({ today: 0, recurring: 10 });
    const unknown = await h.call('POST', path('/quote'), { data: { add: ['gold'] } });
    expect(unknown.status).toBe(404);
  });

  it('manual quantities are billed on top; PATCH merges, POST replaces; each change is in the audit log', async () => {
    expect((await h.call('POST', path('/manual'), { data: { users: { admin: 2 } } })).body.data).toEqual({ users: { admin: 2 } });
    expect((await h.call('PATCH', path('/manual'), { data: { users: { user: 1 } } })).body.data).toEqual({ users: { admin: 2, user: 1 } });
    const summary = await h.call('GET', path('/summary'));
    expect((summary.body.data as { invoices: { summary: unknown }[] }).invoices[0]?.summary).toEqual({ today: 0, recurring: 25 });
    const audit = await h.call('GET', path('/audit'));
    const logs = audit.body.data as { id: string }[];
    expect(logs.length).toBeGreaterThanOrEqual(2);
    const one = await h.call('GET', path(`/audit/${logs[0]?.id}`));
    expect(one.status).toBe(200);
    expect((await h.call('GET', path('/audit/not-a-modb-id'))).status).toBe(404);
    await h.call('POST', path('/manual'), { data: {} });
  });

  it('only the reseller changes plans, quantities and overrides: the account itself gets 403 (cb_services:is_allowed/1)', async () => {
    expect((await asChild('POST', '/manual', { users: { admin: 9 } })).status).toBe(403);
    expect((await asChild('POST', '/sandbox_plan', {})).status).toBe(403);
    expect((await asChild('POST', '/reconciliation', {})).status).toBe(403);
    expect((await asChild('GET', '/summary')).status).toBe(200);
  });

  it('removing and adding the plan (DELETE/POST …/services/{PLAN_ID}); a plan not assigned cannot be deleted', async () => {
    const removed = await h.call('DELETE', path('/sandbox_plan'));
    expect(removed.body.data).toEqual({});
    expect((await h.call('GET', path('/summary'))).body.data).toMatchObject({ invoices: [] });
    const notAssigned = await h.call('POST', path(''), { data: { delete: ['sandbox_plan'] } });
    expect(notAssigned.status).toBe(500);
    expect(notAssigned.body.message).toBe('plan_is_not_assigned');
    const added = await h.call('POST', path('/sandbox_plan'), { data: {} });
    expect(Object.keys(added.body.data as object)).toEqual(['sandbox_plan']);
  });

  it('available, editable, overrides, reconciliation and synchronization answer', async () => {
    expect((await h.call('GET', path('/available'))).body.data).toEqual([{ id: 'sandbox_plan', name: 'Sandbox plan' }]);
    expect((await h.call('GET', path('/editable'))).body.data).toHaveProperty('users');
    expect((await h.call('PATCH', path('/overrides'), { data: { sandbox_plan: { users: { _all: { rate: 4 } } } } })).status).toBe(200);
    expect((await h.call('GET', path('/overrides'))).body.data).toEqual({ sandbox_plan: { users: { _all: { rate: 4 } } } });
    expect((await h.call('POST', path('/reconciliation'), { data: {} })).status).toBe(200);
    expect((await h.call('POST', path('/synchronization'), { data: {} })).status).toBe(200);
  });

  it('the audit summary counts additions per category and day', async () => {
    const r = await h.call('GET', path('/audit/summary'));
    expect(r.status).toBe(200);
    const [summary] = r.body.data as Record<string, Record<string, { addition: number; quantity: number }>>[];
    const days = Object.values(summary?.user ?? {});
    expect(days.reduce((n, d) => n + d.addition, 0)).toBe(2);
    const bySource = await h.call('GET', path('/audit/summary/user'));
    expect((bySource.body.data as unknown[]).length).toBe(days.length);
  });

  it('topup checks the amount (400 amount required) and then needs a billing provider (501)', async () => {
    const zero = await h.call('POST', path('/topup'), { data: { amount: 0 } });
    expect(zero.status).toBe(400);
    expect(zero.body.data).toMatchObject({ amount: { required: {} } });
    const r = await h.call('POST', path('/topup'), { data: { amount: 10 } });
    expect(r.status).toBe(501);
  });

  it('verbs KAZOO does not route are 405 (GET …/services/status falls to the plan id’s POST/DELETE)', async () => {
    expect((await h.call('GET', path('/status'))).status).toBe(405);
    expect((await h.call('POST', path('/summary'), { data: {} })).status).toBe(405);
  });
});
