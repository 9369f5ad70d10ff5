import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSandboxArgs, startSandbox } from '../src/index';
import { type Doc, type Harness, harness } from './helpers';

describe('sub-accounts seeded under the reseller', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ subAccounts: 25 });
  });
  afterAll(() => h.stop());

  it('lists N uniquely named descendants of the reseller, each with users, devices and callflows', async () => {
    const r = await h.call('GET', `${h.acct}/descendants?paginate=false`);
    expect(r.status, r.text).toBe(200);
    const accounts = r.body.data as Doc[];
    expect(accounts).toHaveLength(25);
    const names = accounts.map((a) => a.name);
    expect(new Set(names).size).toBe(25);
    expect(names).toContain('Sandbox Sub-account 1');
    expect(names).toContain('Sandbox Sub-account 25');
    for (const account of accounts) expect(account.tree).toEqual([h.sandbox.accountId]);
    for (const account of [accounts[0], accounts[24]] as Doc[]) {
      const path = `/v2/accounts/${account.id}`;
      const users = (await h.call('GET', `${path}/users?paginate=false`)).body.data as Doc[];
      expect(users.map((u) => u.username).sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
      const devices = (await h.call('GET', `${path}/devices?paginate=false`)).body.data as Doc[];
      expect(devices.length).toBeGreaterThanOrEqual(4);
      const callflows = (await h.call('GET', `${path}/callflows?paginate=false`)).body.data as Doc[];
      expect(callflows.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps one rate-limit bucket per account: exhausting account A does not throttle account B', async () => {
    const accounts = (await h.call('GET', `${h.acct}/descendants?paginate=false`)).body.data as Doc[];
    const [a, b] = accounts as [Doc, Doc];
    h.sandbox.setRateLimit({ capacity: 3, refillPerSecond: 0 });
    try {
      const seen: number[] = [];
      for (let i = 0; i < 4; i++) seen.push((await h.call('GET', `/v2/accounts/${a.id}/users`)).status);
      expect(seen).toEqual([200, 200, 200, 429]);
      expect((await h.call('GET', `/v2/accounts/${b.id}/users`)).status).toBe(200);
      expect((await h.call('GET', `/v2/accounts/${a.id}/users`)).status).toBe(429);
    } finally {
      h.sandbox.setRateLimit(false);
    }
  });
});

describe('subAccounts option and --sub-accounts', () => {
  it('rejects a count that is not an integer from 0 to 10000, naming the option', async () => {
    await expect(startSandbox({ subAccounts: -1 })).rejects.toThrow(/subAccounts/);
    await expect(startSandbox({ subAccounts: 1.5 })).rejects.toThrow(/subAccounts/);
    await expect(startSandbox({ subAccounts: 10_001 })).rejects.toThrow(/subAccounts/);
  });

  it('parses --sub-accounts N and refuses a bad N', () => {
    expect(parseSandboxArgs(['--sub-accounts', '500'])).toMatchObject({ subAccounts: 500 });
    expect(parseSandboxArgs(['--sub-accounts=3'])).toMatchObject({ subAccounts: 3 });
    expect(() => parseSandboxArgs(['--sub-accounts', 'many'])).toThrow(/--sub-accounts/);
    expect(() => parseSandboxArgs(['--sub-accounts'])).toThrow(/--sub-accounts needs a value/);
  });

  it('seeds sub-accounts beside the full demo data of the reseller without a name, number or MAC clash', async () => {
    const h = await harness({ demoData: true, subAccounts: 3 });
    try {
      const accounts = (await h.call('GET', `${h.acct}/descendants?paginate=false`)).body.data as Doc[];
      expect(accounts).toHaveLength(3);
      const macs = ((await h.call('GET', `${h.acct}/devices?paginate=false`)).body.data as Doc[]).filter((d) => d.mac_address);
      expect(macs.length).toBeGreaterThan(0);
      const sub = (await h.call('GET', `/v2/accounts/${(accounts[0] as Doc).id}/devices?paginate=false`)).body.data as Doc[];
      expect(sub.filter((d) => d.mac_address)).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it('adds only the missing sub-accounts when a database is reopened with a larger count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-subaccounts-'));
    const dbPath = join(dir, 'sandbox.db');
    try {
      const first = await startSandbox({ dbPath, subAccounts: 2 });
      await first.stop();
      const second = await harness({ dbPath, subAccounts: 3 });
      try {
        const accounts = (await second.call('GET', `${second.acct}/descendants?paginate=false`)).body.data as Doc[];
        expect(accounts.map((a) => a.name).sort()).toEqual(['Sandbox Sub-account 1', 'Sandbox Sub-account 2', 'Sandbox Sub-account 3']);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
