import { existsSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, cli } from './cli';
import { ACCOUNT, useLoggedInFake } from './fake-crossbar';

const ctx = useLoggedInFake();
const run = (...args: string[]) => cli(args, { configDir: ctx.configDir });
beforeEach(() => {
  ctx.fake.users.clear();
  for (let i = 1; i <= 23; i++) {
    const id = `seed${String(i).padStart(28, '0')}`;
    ctx.fake.users.set(id, { id, first_name: `F${i}`, last_name: `L${i}`, caller_id: { internal: { number: `${1000 + i}` } } });
  }
});

describe.skipIf(!existsSync(BIN))('audian api', () => {
  it('fills {account_id}, sends --query, and prints the unwrapped data', async () => {
    const result = await run('api', 'GET', 'accounts/{account_id}/users', '--query', 'page_size=5', '--query', 'filter_first_name=F3');
    expect(result.status).toBe(0);
    const request = ctx.fake.server.requests.at(-1);
    expect(request?.path).toBe(`/v2/accounts/${ACCOUNT}/users`);
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ page_size: '5', filter_first_name: 'F3' });
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ first_name: 'F3' })]);
  });

  it('prints the whole envelope with --raw, auth_token removed', async () => {
    const result = await run('api', 'get', '/v2/accounts/{account_id}', '--raw');
    expect(result.status).toBe(0);
    const envelope = JSON.parse(result.stdout);
    expect(envelope).toMatchObject({ status: 'success', request_id: expect.any(String), data: { id: ACCOUNT } });
    expect(envelope).not.toHaveProperty('auth_token');
  });

  it('follows every page with --paginate', async () => {
    const result = await run('api', 'GET', 'accounts/{account_id}/users', '--paginate', '--page-size', '10', '--output', 'ndjson');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(23);
  });

  it('wraps --data in the envelope', async () => {
    const result = await run(
      'api',
      'PUT',
      'accounts/{account_id}/users',
      '--data',
      '{"first_name":"Raw","last_name":"Put"}',
      '--accept-charges',
    );
    expect(result.status).toBe(0);
    expect(ctx.fake.server.requests.at(-1)?.json).toEqual({ data: { first_name: 'Raw', last_name: 'Put' }, accept_charges: true });
  });

  it('exits 2 on an unknown method and 4 on a missing document', async () => {
    expect((await run('api', 'FETCH', 'accounts')).status).toBe(2);
    const missing = await run('api', 'GET', 'accounts/{account_id}/users/nobody');
    expect(missing.status).toBe(4);
    expect(missing.stderr).toMatch(/^error: GET accounts\/\{account_id\}\/users\/nobody: 404 /);
  });
});

describe.skipIf(!existsSync(BIN))('audian export', () => {
  it('streams every page as CSV with one header, flattened columns', async () => {
    const before = ctx.fake.count('GET', /\/users$/);
    const result = await run('export', 'users', '--output', 'csv', '--page-size', '10');
    expect(result.status).toBe(0);
    expect(ctx.fake.count('GET', /\/users$/) - before).toBe(3);
    const rows = parseCsv(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(23);
    expect(rows[22]).toMatchObject({ first_name: 'F23', last_name: 'L23' });
    expect(result.stdout.match(/^id,/gm)).toHaveLength(1);
  });

  it('writes NDJSON by default, with the chosen --fields', async () => {
    const result = await run('export', 'users', '--fields', 'id,first_name');
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(23);
    expect(Object.keys(lines[0])).toEqual(['id', 'first_name']);
  });

  it('CSV columns are every field of every page, not just the first page’s', async () => {
    const last = 'seed0000000000000000000000000023';
    ctx.fake.users.set(last, { ...ctx.fake.users.get(last), email: 'late@example.com' });
    const result = await run('export', 'users', '--output', 'csv', '--page-size', '10');
    expect(result.status).toBe(0);
    const rows = parseCsv(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(23);
    expect(rows[22]?.email).toBe('late@example.com');
    expect(rows[0]).toHaveProperty('email', '');
  });

  it('--full exports whole documents, one GET per item, with progress', async () => {
    for (const [id, doc] of ctx.fake.users) ctx.fake.users.set(id, { ...doc, title: `T-${id.slice(-2)}` });
    const before = ctx.fake.count('GET', /\/users\/[^/]+$/);
    const result = await run('export', 'users', '--full', '--output', 'csv', '--page-size', '10');
    expect(result.status).toBe(0);
    expect(ctx.fake.count('GET', /\/users\/[^/]+$/) - before).toBe(23);
    const rows = parseCsv(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title)).toEqual(Array.from({ length: 23 }, (_, i) => `T-${String(i + 1).padStart(2, '0')}`));
    expect(rows[0]).toHaveProperty('caller_id.internal.number', '1001');
    expect(result.stderr).toContain('progress: 23 users fetched');
  });
});
