import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from './cli';
import { useSandboxLogin } from './sandbox-login';

// services, transactions, ledgers, allotments, rates, multi_factor, about and acls reached from
// the command line, against the sandbox.
describe.skipIf(!existsSync(BIN))('billing and platform commands against the sandbox', () => {
  const login = useSandboxLogin();
  const { run, json } = login;

  it('services: the assigned plan, the bill, a quote and manual quantities', async () => {
    expect(Object.keys(await json('services', 'get'))).toEqual(['sandbox_plan']);
    expect((await json('services', 'summary')).invoices).toHaveLength(1);
    expect((await json('services', 'quote', '--data', '{"add":["sandbox_plan"]}')).invoices).toHaveLength(1);
    expect(await json('services', 'set-manual', '--data', '{"users":{"admin":2}}')).toEqual({ users: { admin: 2 } });
    expect(await json('services', 'manual')).toEqual({ users: { admin: 2 } });
    expect((await json('services', 'audit')).length).toBeGreaterThan(0);
  });

  it('ledgers: credit, debit, the balance and one source’s entries', async () => {
    const entry = (amount: number) =>
      JSON.stringify({ amount, source: { service: 'payments', id: 'inv-1' }, usage: { type: 'credit', quantity: 0, unit: 'dollars' } });
    expect(await json('ledgers', 'credit', '--data', entry(20))).toMatchObject({ amount: 20 });
    expect(await json('ledgers', 'debit', '--data', entry(5))).toMatchObject({ amount: -5 });
    expect(await json('ledgers', 'total')).toEqual({ amount: 15 });
    const entries = await json('ledgers', 'list', 'payments');
    expect(entries).toHaveLength(2);
    expect(await json('ledgers', 'get', 'payments', entries[0].id)).toMatchObject({ id: entries[0].id });
  });

  it('transactions, allotments, rates, multi_factor, about and acls', async () => {
    expect(await json('transactions', 'list')).toEqual([]);
    expect(await json('allotments', 'update', '--data', '{"did_us":{"amount":60,"cycle":"monthly"}}')).toEqual({
      did_us: { amount: 60, cycle: 'monthly' },
    });
    expect(await json('allotments', 'consumed')).toEqual({});
    expect(await json('rates', 'create', '--data', '{"prefix":"1","rate_cost":0.1}')).toMatchObject({ prefix: '1' });
    expect(await json('rates', 'for-number', '+14155550123')).toMatchObject({ Prefix: '1', Rate: 0.1 });
    const mfa = await json('multi_factor', 'create', '--data', '{"name":"Duo","enabled":true,"provider_name":"duo"}');
    expect((await json('multi_factor', 'summary')).configured.map((c: { id: string }) => c.id)).toEqual([mfa.id]);
    expect(await json('multi_factor', 'system-list')).toEqual([]);
    expect(await json('about', 'get')).toHaveProperty('version');
    expect(await json('acls', 'get')).toEqual({});
  });

  it('a refused change surfaces Crossbar’s error: a sale needs a billing provider (501)', async () => {
    const result = await run('transactions', 'sale', '--set', 'amount=10');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/billing provider/);
  });
});
