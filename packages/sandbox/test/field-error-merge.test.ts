import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../src/internal/store';
import { data, harness, useHarness } from './helpers';

const h = useHarness();

type Fields = Record<string, Record<string, Record<string, unknown>>>;

const USERNAME_PATTERN = '^([+@.\\w_-]+)$';
const user = (extra: Record<string, unknown>) => ({ first_name: 'Ada', last_name: 'Rivera', ...extra });
const codes = (fields: Fields) => Object.fromEntries(Object.entries(fields).map(([path, byCode]) => [path, Object.keys(byCode)]));

// Every error Crossbar adds (cb_context:add_validation_error/4, cb_context:failed_error/2) is
// `{"<dotted.path>": {<code>: …}}` folded into the errors so far with kz_json:merge_jobjs/2, which
// sets that one top-level key whole: a field keeps only the error added last.
describe('users: uniqueness is checked before the schema and reported after it (kzd_users:validate/3)', () => {
  it('a taken username and a schema error on another field answer both, one code each', async () => {
    const first = await h.call('PUT', `${h.acct}/users`, { data: user({ username: 'merge.taken', password: 'Secret-1234' }) });
    expect(first.status, first.text).toBe(201);
    const r = await h.call('PUT', `${h.acct}/users`, { data: user({ username: 'Merge.Taken', password: 'Secret-1234', priv_level: 5 }) });
    expect(r.status, r.text).toBe(400);
    expect(r.body.message).toBe('validation error');
    expect(r.body.data).toEqual({
      username: { unique: { message: 'Username must be unique within account', cause: 'merge.taken' } },
      priv_level: { type: { message: 'Value did not match type(s): string', target: 'string', value: 5 } },
    });
  });

  it('a taken username alone answers unique alone', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: user({ username: 'merge.taken', password: 'Secret-1234' }) });
    expect(r.status, r.text).toBe(400);
    expect(codes(r.body.data as Fields)).toEqual({ username: ['unique'] });
  });
});

describe('users: a taken username that also fails the schema answers unique alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audian-sandbox-merge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // kzd_users:maybe_validate_username_is_unique/3 prepends its error before validate_user_schema/3
  // runs; kzd_module_utils:validate_schema_failed/2 answers `SchemaErrors ++ Errors`, and
  // cb_context:add_doc_validation_errors/2 folds that list in order, so `unique` is set last on
  // `username` and replaces the schema's `pattern`. A username the schema now refuses can only be
  // taken by a document saved without it (an older schema, another application): one is written
  // straight into the store here.
  it('pattern then unique on `username`: unique replaces pattern (cb_context:add_doc_validation_errors/2)', async () => {
    const dbPath = join(dir, 'legacy.db');
    const before = await harness({ dbPath });
    const created = await before.call('PUT', `${before.acct}/users`, { data: user({ username: 'legacy', password: 'Secret-1234' }) });
    expect(created.status, created.text).toBe(201);
    const accountId = before.sandbox.accountId;
    const userId = data(created).id;
    await before.stop();

    const store = new Store(dbPath);
    try {
      const stored = store.get(accountId, userId);
      expect(stored?.body.username).toBe('legacy');
      if (!stored) return;
      store.update({ accountId, id: userId, sortKey: userId, body: { ...stored.body, username: 'legacy user' } });
      store.setClaims(accountId, userId, [{ scope: accountId, kind: 'username', value: 'legacy user' }]);
    } finally {
      store.close();
    }

    const after = await harness({ dbPath });
    try {
      const offPattern = await after.call('PUT', `${after.acct}/users`, {
        data: user({ username: 'Legacy User', password: 'Secret-1234' }),
      });
      expect(offPattern.status, offPattern.text).toBe(400);
      expect(offPattern.body.data).toEqual({
        username: { unique: { message: 'Username must be unique within account', cause: 'legacy user' } },
      });
      // The same pattern error without the clash is still answered: the schema did run.
      const free = await after.call('PUT', `${after.acct}/users`, { data: user({ username: 'free user', password: 'Secret-1234' }) });
      expect(free.status, free.text).toBe(400);
      expect(free.body.data).toEqual({
        username: {
          pattern: { message: `Failed to match pattern '${USERNAME_PATTERN}'`, target: USERNAME_PATTERN, value: 'free user' },
        },
      });
    } finally {
      await after.stop();
    }
  });
});

// cb_callflows:validate_callflow_schema/2 runs validate_uniqueness/2 (validate_unique_numbers/3,
// validate_unique_patterns/3) in cb_context:validate_request_data/3's on-success fun: a request
// the schema refuses is never looked up in the callflows' number and pattern views.
describe('callflows: numbers and patterns are checked for uniqueness only once the schema passed (cb_callflows:validate_uniqueness/2)', () => {
  const flow = { module: 'device', data: { id: 'abc' } };

  it('a taken number next to a number the schema refuses answers the schema’s error alone, no unique', async () => {
    const first = await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: ['7401'], flow } });
    expect(first.status, first.text).toBe(201);
    const long = 'a'.repeat(37);
    const r = await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: ['7401', long], flow } });
    expect(r.status, r.text).toBe(400);
    expect(codes(r.body.data as Fields)).toEqual({ 'numbers.1': ['maxLength'] });
  });

  it('a taken number next to a schema error on another field answers that error alone', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: ['7401'], name: 7, flow } });
    expect(r.status, r.text).toBe(400);
    expect(r.body.data).toEqual({ name: { type: { message: 'Value did not match type(s): string', target: 'string', value: 7 } } });
  });

  it('a taken number with a valid request answers unique (cb_callflows:add_number_conflict/2)', async () => {
    const r = await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: ['7401'], flow } });
    expect(r.status, r.text).toBe(400);
    expect(codes(r.body.data as Fields)).toEqual({ numbers: ['unique'] });
    expect((r.body.data as Fields).numbers?.unique?.cause).toBe('7401');
  });
});
