import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type Harness, harness, request } from './helpers';

let h: Harness;
let child: string;
let childToken: string;

beforeAll(async () => {
  h = await harness();
  const created = await h.call('PUT', h.acct, { data: { name: 'Prepaid Customer' } });
  child = String((created.body.data as { id: string }).id);
  const key = await h.call('GET', `/v2/accounts/${child}/api_key`);
  childToken = await apiLogin(h.sandbox, String((key.body.data as { api_key: string }).api_key));
});
afterAll(() => h.stop());

const ledgers = (rest = '') => `/v2/accounts/${child}/ledgers${rest}`;
const entry = (amount: number, service = 'payments', id = 'invoice-1') => ({
  amount,
  description: 'Prepaid',
  source: { service, id },
  usage: { type: 'credit', quantity: 0, unit: 'dollars' },
});

describe('ledgers (cb_ledgers)', () => {
  it('the reseller credits and debits; the balance (total) sums the entries, a debit counting negative', async () => {
    const credit = await h.call('PUT', ledgers('/credit'), { data: entry(50) });
    expect(credit.status).toBe(201);
    expect(credit.body.data).toMatchObject({ amount: 50, source: { service: 'payments', id: 'invoice-1' }, account: { id: child } });
    const debit = await h.call('PUT', ledgers('/debit'), {
      data: { ...entry(12.5, 'per-minute-voip', 'call-1'), usage: { type: 'voice', quantity: 300, unit: 'sec' } },
    });
    expect(debit.status).toBe(201);
    expect(debit.body.data).toMatchObject({ amount: -12.5 });
    expect((await h.call('GET', ledgers('/total'))).body.data).toEqual({ amount: 37.5 });
  });

  it('sums by source this month; lists and fetches a source’s entries', async () => {
    const sums = await h.call('GET', ledgers());
    expect(sums.body.data).toEqual({
      payments: { amount: 50, usage: { type: 'credit', quantity: 0, unit: 'dollars' } },
      'per-minute-voip': { amount: -12.5, usage: { type: 'voice', quantity: 300, unit: 'sec' } },
    });
    const list = await h.call('GET', ledgers('/payments'));
    const rows = list.body.data as { id: string; amount: number }[];
    expect(rows.map((r) => r.amount)).toEqual([50]);
    const one = await h.call('GET', ledgers(`/payments/${rows[0]?.id}`));
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: rows[0]?.id, amount: 50 });
    // An entry asked for under another source is a bad identifier (cb_ledgers:validate_fetch_ledger/3).
    expect((await h.call('GET', ledgers(`/per-minute-voip/${rows[0]?.id}`))).status).toBe(404);
  });

  it('the month summary has the sums and a breakdown per account; a bad suffix is 404', async () => {
    const now = new Date();
    const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const r = await h.call('GET', ledgers(`/summary/${month}`));
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      summary: { payments: { amount: 50 } },
      breakdown: [{ account: { id: child, name: 'Prepaid Customer' }, total: 37.5 }],
    });
    expect((await h.call('GET', ledgers('/summary/2026-12'))).status).toBe(404);
  });

  it('impact_reseller writes the entry in the reseller’s ledgers too and answers per account', async () => {
    const r = await h.call('PUT', ledgers('/credit'), { data: entry(5, 'payments', 'invoice-2'), envelope: { impact_reseller: true } });
    expect(r.status).toBe(201);
    const data = r.body.data as Record<string, { ledger: { amount: number }; available_dollars: number; is_reseller: boolean }>;
    expect(data[child]).toMatchObject({ ledger: { amount: 5 }, available_dollars: 42.5, is_reseller: false });
    expect(data[h.sandbox.accountId]).toMatchObject({ ledger: { amount: 5 }, is_reseller: true });
  });

  it('the account cannot credit itself (403, cb_ledgers:authorize_create/1) but reads its balance', async () => {
    const r = await request(h.sandbox, 'PUT', ledgers('/credit'), { data: entry(1000) }, childToken);
    expect(r.status).toBe(403);
    expect((await request(h.sandbox, 'GET', ledgers('/total'), {}, childToken)).body.data).toEqual({ amount: 42.5 });
  });

  it('a credit is checked against KAZOO’s ledgers schema (source and usage required)', async () => {
    const r = await h.call('PUT', ledgers('/credit'), { data: { amount: 5 } });
    expect(r.status).toBe(400);
    expect(r.body.data).toMatchObject({ source: { required: {} }, usage: { required: {} } });
  });

  it('available ledgers: the sandbox plan prices none; credit is PUT only (405)', async () => {
    expect((await h.call('GET', ledgers('/available'))).body.data).toEqual([]);
    expect((await h.call('GET', ledgers('/credit'))).status).toBe(405);
  });
});

describe('transactions (cb_transactions)', () => {
  const path = (rest = '') => `/v2/accounts/${child}/transactions${rest}`;

  it('lists none (no bookkeeper charged any) and a missing one is 404', async () => {
    const r = await h.call('GET', path());
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([]);
    expect((await h.call('GET', path('/202612-nope'))).status).toBe(404);
  });

  it('a sale checks the amount like KAZOO (required, minimum), then needs a billing provider (501)', async () => {
    const missing = await h.call('PUT', path('/sale'), { data: {} });
    expect(missing.body.data).toEqual({ amount: { required: { message: 'Amount is required' } } });
    const negative = await h.call('PUT', path('/refund'), { data: { amount: -1 } });
    expect(negative.body.data).toEqual({ amount: { minimum: { message: 'Amount must be greater than 0' } } });
    expect((await h.call('PUT', path('/sale'), { data: { amount: 10 } })).status).toBe(501);
  });

  it('the account itself may not charge itself (403)', async () => {
    expect((await request(h.sandbox, 'PUT', path('/sale'), { data: { amount: 10 } }, childToken)).status).toBe(403);
  });
});

describe('allotments (cb_allotments)', () => {
  const path = (rest = '') => `/v2/accounts/${child}/allotments${rest}`;
  const allotments = { did_us: { amount: 3600, cycle: 'monthly', increment: 60, minimum: 60 } };

  it('none configured is 400 with KAZOO’s message', async () => {
    const r = await h.call('GET', path());
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('allotments are not configured for this account yet');
  });

  it('the reseller sets them (kept in the limits document) and reads them back; consumed lists no use', async () => {
    const r = await h.call('POST', path(), { data: allotments });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual(allotments);
    expect((await h.call('GET', path())).body.data).toEqual(allotments);
    // The limits document keeps its public fields beside the private allotments.
    expect((await h.call('GET', `/v2/accounts/${child}/limits`)).status).toBe(200);
    expect((await h.call('GET', path('/consumed'))).body.data).toEqual({});
  });

  it('a direct account of the master account may change its own (cb_allotments:is_allowed/1: the reseller is the master)', async () => {
    const r = await request(h.sandbox, 'POST', path(), { data: allotments }, childToken);
    expect(r.status).toBe(200);
  });

  it('a bad cycle is a field error', async () => {
    const r = await h.call('POST', path(), { data: { did_us: { cycle: 'yearly' } } });
    expect(r.status).toBe(400);
    expect(r.body.data).toHaveProperty(['did_us.cycle']);
  });
});
