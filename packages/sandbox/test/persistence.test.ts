import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { Store } from '../src/internal/store';
import { apiLogin, request } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'audian-sandbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a database file', () => {
  it('keeps the account, API key, documents and tokens across a restart', async () => {
    const dbPath = join(dir, 'keep.db');
    const first = await startSandbox({ dbPath });
    const token = await apiLogin(first, first.apiKey);
    const created = await request(
      first,
      'PUT',
      `/v2/accounts/${first.accountId}/users`,
      { data: { first_name: 'Per', last_name: 'Sist' } },
      token,
    );
    const userId = (created.body.data as { id: string }).id;
    const rotated = await request(first, 'PUT', `/v2/accounts/${first.accountId}/api_key`, { data: {} }, token);
    const apiKey = (rotated.body.data as { api_key: string }).api_key;
    expect(first.apiKey).toBe(apiKey);
    const { accountId, username, password } = first;
    await first.stop();

    const second = await startSandbox({ dbPath });
    try {
      expect(second.accountId).toBe(accountId);
      expect(second.apiKey).toBe(apiKey);
      expect(second.username).toBe(username);
      expect(second.password).toBe(password);
      // the signing secret is in the database: a token from before the restart still works
      const got = await request(second, 'GET', `/v2/accounts/${accountId}/users/${userId}`, {}, token);
      expect(got.status).toBe(200);
      expect(got.body.data).toMatchObject({ first_name: 'Per', last_name: 'Sist' });
      await apiLogin(second, apiKey);
    } finally {
      await second.stop();
    }
  });

  it('uses WAL and is readable by its owner only', async () => {
    const dbPath = join(dir, 'mode.db');
    const sandbox = await startSandbox({ dbPath });
    await sandbox.stop();
    expect(statSync(dbPath).mode & 0o777).toBe(0o600);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('is created with mode 0600 from the start (no world-readable window before a chmod), and so are its WAL files', () => {
    const dbPath = join(dir, 'fresh.db');
    const store = new Store(dbPath);
    try {
      // The store has not been through startSandbox's permission pass: the mode is the one it was created with.
      expect(statSync(dbPath).mode & 0o777).toBe(0o600);
      store.setMeta('probe', '1');
      expect(statSync(`${dbPath}-wal`).mode & 0o777).toBe(0o600);
      expect(statSync(`${dbPath}-shm`).mode & 0o777).toBe(0o600);
    } finally {
      store.close();
    }
  });

  it('does not seed with seed: false, and adds demo data once', async () => {
    const empty = await startSandbox({ dbPath: join(dir, 'empty.db'), seed: false });
    expect(empty.accountId).toBe('');
    expect((await request(empty, 'PUT', '/v2/api_auth', { data: { api_key: 'a'.repeat(64) } })).status).toBe(404);
    await empty.stop();

    const dbPath = join(dir, 'demo.db');
    for (let i = 0; i < 2; i++) {
      const sandbox = await startSandbox({ dbPath, demoData: true });
      const token = await apiLogin(sandbox, sandbox.apiKey);
      const users = await request(sandbox, 'GET', `/v2/accounts/${sandbox.accountId}/users?paginate=false`, {}, token);
      expect((users.body.data as unknown[]).length).toBe(5); // the admin and four demo users, not eight
      await sandbox.stop();
    }
  });

  it('stop() is idempotent and frees the port', async () => {
    const sandbox = await startSandbox();
    await Promise.all([sandbox.stop(), sandbox.stop()]);
    await expect(fetch(`${sandbox.url}/v2/api_auth`)).rejects.toThrow();
  });

  it('rejects invalid options naming the option', async () => {
    await expect(startSandbox({ port: -1 })).rejects.toThrow(/port/);
    await expect(startSandbox({ tokenTtlSeconds: 0 })).rejects.toThrow(/tokenTtlSeconds/);
    await expect(startSandbox({ rateLimit: { capacity: 0, refillPerSecond: 1 } })).rejects.toThrow(/rateLimit.capacity/);
    await expect(startSandbox({ faults: [{ kind: 'drop-before', times: 0 }] })).rejects.toThrow(/fault.times/);
  });
});
