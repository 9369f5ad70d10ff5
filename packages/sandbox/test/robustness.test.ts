import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { apiLogin, type Harness, request } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'audian-sandbox-robust-'));
const dbPath = join(dir, 'robust.db');
let h: Harness;
beforeAll(async () => {
  const sandbox = await startSandbox({ dbPath, maxUploadBytes: 1_000_000 });
  const token = await apiLogin(sandbox, sandbox.apiKey);
  h = {
    sandbox,
    token,
    acct: `/v2/accounts/${sandbox.accountId}`,
    call: (method, path, options) => request(sandbox, method, path, options, token),
    login: (key) => apiLogin(sandbox, key),
    stop: () => sandbox.stop(),
  };
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A small deterministic generator of hostile inputs. */
function* garbage(): Generator<string> {
  const pieces = [
    '{',
    '}',
    '[',
    ']',
    '"',
    ':',
    ',',
    'null',
    'true',
    '1e999',
    '-0',
    '\\u0000',
    '\u0000',
    '𝄞',
    '\ud800',
    'data',
    '__proto__',
    'constructor',
  ];
  let seed = 7;
  for (let i = 0; i < 150; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    let s = '';
    for (let j = 0; j < (seed % 40) + 1; j++) s += pieces[(seed >> (j % 16)) % pieces.length];
    yield s;
  }
  yield '{"data":{"__proto__":{"admin":true},"first_name":"P","last_name":"Q"}}';
  yield '{"data":{"constructor":{"prototype":{"x":1}},"name":"C"}}';
  yield `{"data":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  yield `{"data":{"first_name":"${'é'.repeat(1000)}","last_name":"x"}}`;
  yield '{"data":[1,2,3]}';
  yield '{"data":{"first_name":1e400,"last_name":{"a":{"b":{"c":[]}}}}}';
}

describe('hostile input', () => {
  it('answers a burst of garbage bodies on every kind of endpoint with 4xx, never 5xx', async () => {
    const paths = [
      `${h.acct}/users`,
      `${h.acct}/devices`,
      `${h.acct}/callflows`,
      `${h.acct}/vmboxes`,
      `${h.acct}/phone_numbers/%2B14155550999`,
      '/v2/api_auth',
      '/v2/user_auth',
      h.acct,
    ];
    const statuses = new Set<number>();
    const jobs: Promise<void>[] = [];
    let i = 0;
    for (const body of garbage()) {
      const path = paths[i++ % paths.length] as string;
      const method = ['PUT', 'POST', 'PATCH'][i % 3] as string;
      jobs.push(
        h.call(method, path, { raw: body, headers: { 'content-type': 'application/json' } }).then((r) => {
          statuses.add(r.status);
          expect(r.status, `${method} ${path} ${body.slice(0, 60)}`).toBeLessThan(500);
          expect(['success', 'error']).toContain(r.body.status);
        }),
      );
    }
    await Promise.all(jobs);
    expect(statuses.has(400)).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const users = (await h.call('GET', `${h.acct}/users?paginate=false&filter_first_name=P`)).body.data as Record<string, unknown>[];
    for (const u of users) expect(Object.getPrototypeOf(u)).toBe(Object.prototype);
    const deep = await h.call('PUT', `${h.acct}/users`, { raw: `{"data":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}` });
    expect(deep.body.data).toEqual({ json: { invalid: { message: 'All JSON must be valid', target: 'body' } } });
  });

  it('turns away huge bodies with 413 and keeps serving', async () => {
    const huge = 'x'.repeat(3_000_000);
    const results = await Promise.all([
      h.call('PUT', `${h.acct}/users`, { raw: huge, headers: { 'content-type': 'application/json' } }),
      h.call('POST', `${h.acct}/media/${'a'.repeat(32)}/raw`, { raw: huge, headers: { 'content-type': 'audio/mpeg' } }),
    ]);
    for (const r of results) expect(r.status).toBe(413);
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(200);
  });

  it('answers bad ids and bad query values without crashing', async () => {
    const weird = ['%00', 'a'.repeat(5000), '%E0%A4%A', '💥', "'; DROP TABLE docs; --", '%2F'];
    for (const id of weird) {
      const r = await h.call('GET', `${h.acct}/users/${id}`);
      expect(r.status, id).toBeGreaterThanOrEqual(400);
      expect(r.status, id).toBeLessThan(500);
    }
    for (const q of [
      'page_size=1e9',
      'page_size=',
      'start_key=%ZZ',
      'start_key=!!!',
      'filter_a.b.c.d.e=1',
      'created_from=abc',
      'ascending=maybe',
      'has_key=',
      'paginate=0',
      `filter_x=${'['.repeat(1000)}`,
    ]) {
      const r = await h.call('GET', `${h.acct}/users?${q}`);
      expect([200, 400, 404], q).toContain(r.status);
    }
    // api_resource:malformed_request/3: an id that is not 32 characters is a bad identifier.
    expect((await h.call('GET', `/v2/accounts/${"'or 1=1"}/users`)).status).toBe(404);
  });

  it('loses nothing under 200 concurrent creates, and keeps unique values unique under a race', async () => {
    const before = ((await h.call('GET', `${h.acct}/menus?paginate=false`)).body.data as unknown[]).length;
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) => h.call('PUT', `${h.acct}/menus`, { data: { name: `Race ${i}` } })),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    const ids = new Set(created.map((r) => (r.body.data as { id: string }).id));
    expect(ids.size).toBe(200);
    const after = ((await h.call('GET', `${h.acct}/menus?paginate=false`)).body.data as unknown[]).length;
    expect(after).toBe(before + 200);

    const racers = await Promise.all(
      Array.from({ length: 20 }, () =>
        h.call('PUT', `${h.acct}/users`, { data: { first_name: 'R', last_name: 'Acer', username: 'same-name', password: 'pw-race' } }),
      ),
    );
    expect(racers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(racers.filter((r) => r.status === 400)).toHaveLength(19);
  });

  it('leaves a consistent database behind', async () => {
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const bad = db.prepare('SELECT count(*) AS n FROM docs WHERE json_valid(body) = 0').get() as { n: number };
      expect(bad.n).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('identifiers in the path', () => {
  it('refuses an id of only whitespace or holding NUL with 400, not a 404 as if it merely did not exist', async () => {
    for (const id of ['%20', '%20%09', 'abc%00def', '%00']) {
      const r = await h.call('GET', `${h.acct}/users/${id}`);
      expect(r.status, id).toBe(400);
      expect(r.body).toMatchObject({ status: 'error', error: '400', message: 'invalid identifier' });
    }
    expect((await h.call('DELETE', `${h.acct}/devices/%20`)).status).toBe(400);
  });

  it('repeats at most a bounded part of a huge id in its error', async () => {
    const id = 'x'.repeat(10_000);
    const r = await h.call('GET', `${h.acct}/users/${id}`);
    expect(r.status).toBe(404);
    expect(r.text.length).toBeLessThan(1_000);
    expect(String((r.body.data as { cause: string }).cause).length).toBeLessThanOrEqual(129);
    const posted = await h.call('POST', `${h.acct}/vmboxes/${id}`, { data: { name: 'n', mailbox: '1' } });
    expect(posted.text.length).toBeLessThan(1_000);
  });
});
