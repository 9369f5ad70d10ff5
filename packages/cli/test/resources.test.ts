import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromGregorianSeconds, toGregorianSeconds } from '@audian/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN, cli, tempDir } from './cli';
import { API_KEY, type FakeCrossbar, FORBIDDEN_ACCOUNT, startFakeCrossbar } from './fake-crossbar';

let fake: FakeCrossbar;
let tmp: ReturnType<typeof tempDir>;
let configDir: string;
const run = (...args: string[]) => cli(args, { configDir });

function seed(count: number): void {
  fake.users.clear();
  for (let i = 1; i <= count; i++) {
    const id = `seed${String(i).padStart(28, '0')}`;
    fake.users.set(id, {
      id,
      first_name: i % 2 ? 'John' : 'Jane',
      last_name: `Doe ${i}`,
      email: `u${i}@example.com`,
      caller_id: { internal: { number: `10${i}` } },
    });
  }
}

function lastRequest(method: string) {
  return fake.server.requests.filter((r) => r.method === method).at(-1);
}

beforeAll(async () => {
  fake = await startFakeCrossbar();
  tmp = tempDir();
  configDir = join(tmp.dir, 'config');
  const login = await cli(['login', '--api-key', API_KEY, '--base-url', fake.baseUrl], { configDir });
  expect(login.status).toBe(0);
});
afterAll(async () => {
  tmp.remove();
  await fake.close();
});
beforeEach(() => seed(7));

describe.skipIf(!existsSync(BIN))('output formats', () => {
  it('prints JSON when piped, and each format on request', async () => {
    const json = await run('users', 'list');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).map((u: { id: string }) => u.id)).toHaveLength(7);

    const ndjson = await run('users', 'list', '--output', 'ndjson');
    const lines = ndjson.stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ first_name: 'John', last_name: 'Doe 1' });

    const csv = await run('users', 'list', '--output', 'csv');
    const rows = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0] as object)[0]).toBe('id');
    expect(rows[1]).toMatchObject({ first_name: 'Jane', last_name: 'Doe 2' });

    const yaml = await run('users', 'list', '--output', 'yaml');
    expect(parseYaml(yaml.stdout)).toHaveLength(7);

    const table = await run('users', 'list', '--output', 'table');
    const [header, ...body] = table.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(expect.arrayContaining(['id', 'first_name', 'last_name', 'email']));
    expect(body).toHaveLength(7);
  });

  it('chooses columns with --fields (dot paths too)', async () => {
    const fakeUser = [...fake.users.keys()][0] as string;
    const csv = await run('users', 'get', fakeUser, '--output', 'csv', '--fields', 'id,caller_id.internal.number');
    expect(csv.stdout.trim().split('\n')).toEqual(['id,caller_id.internal.number', `${fakeUser},101`]);
    const json = await run('users', 'get', fakeUser, '--fields', 'first_name,caller_id.internal.number');
    expect(JSON.parse(json.stdout)).toEqual({ first_name: 'John', caller_id: { internal: { number: '101' } } });
    const table = await run('users', 'get', fakeUser, '--output', 'table', '--fields', 'last_name');
    expect(table.stdout.trim()).toMatch(/^last_name\s+Doe 1$/);
  });

  it('keeps rows whose only cell is empty in a one-column table', async () => {
    seed(2);
    fake.users.set('noemail0000000000000000000000000', { id: 'noemail0000000000000000000000000', first_name: 'No', last_name: 'Mail' });
    const table = await run('users', 'list', '--fields', 'email', '--output', 'table');
    expect(table.stdout).toBe('email\nu1@example.com\nu2@example.com\n\n');
  });

  it('shows Gregorian-second times as local ISO times in tables, right after the id, and raw in JSON', async () => {
    const created = 63_963_746_333;
    const id = [...fake.users.keys()][0] as string;
    fake.users.set(id, { ...fake.users.get(id), created });
    const iso = `${fromGregorianSeconds(created).toISOString().slice(0, 19)}Z`;
    const utc = { configDir, env: { TZ: 'UTC' } };
    const one = await cli(['users', 'get', id, '--output', 'table'], utc);
    expect(one.stdout).toMatch(new RegExp(`^created\\s+${iso}$`, 'm'));
    expect(one.stdout).not.toContain(String(created));
    const list = await cli(['users', 'list', '--output', 'table'], utc);
    const [header, row] = list.stdout.split('\n');
    expect(header?.split(/\s+/).slice(0, 2)).toEqual(['id', 'created']);
    expect(row).toContain(iso);
    const json = await cli(['users', 'get', id, '--output', 'json'], utc);
    expect(JSON.parse(json.stdout).created).toBe(created);
  });

  it('says "no users" for an empty table, and writes the header of an empty CSV', async () => {
    fake.users.clear();
    expect((await run('users', 'list', '--output', 'table')).stdout).toBe('no users\n');
    const csv = await run('users', 'list', '--output', 'csv');
    expect(csv.stdout.split('\n')[0]).toMatch(/^id,first_name,last_name/);
    const exported = await run('export', 'users', '--output', 'csv');
    expect(exported.stdout.split('\n')[0]).toMatch(/^id,first_name,last_name/);
  });

  it('prints TSV, one line per item, tabs and newlines in cells escaped', async () => {
    const id = [...fake.users.keys()][0] as string;
    fake.users.set(id, { ...fake.users.get(id), last_name: 'Doe\t1\nbis' });
    const tsv = await run('users', 'list', '--output', 'tsv', '--fields', 'id,last_name');
    const lines = tsv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id\tlast_name');
    expect(lines[1]).toBe(`${id}\tDoe\\t1\\nbis`);
    expect(lines).toHaveLength(8);
  });

  it('applies a --jmespath query to the whole result, and refuses one that does not parse (exit 2)', async () => {
    const result = await run('users', 'list', '--jmespath', "[?first_name=='Jane'].email", '--output', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['u2@example.com', 'u4@example.com', 'u6@example.com']);
    const one = await run('users', 'get', [...fake.users.keys()][0] as string, '--jmespath', 'caller_id.internal.number', '-o', 'json');
    expect(JSON.parse(one.stdout)).toBe('101');
    const before = fake.server.requests.length;
    const bad = await run('users', 'list', '--jmespath', '[?');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--jmespath');
    expect(fake.server.requests.length).toBe(before);
  });

  it('rejects an unknown format as a bad argument (exit 2)', async () => {
    const result = await run('users', 'list', '--output', 'xml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('xml');
  });
});

describe.skipIf(!existsSync(BIN))('listing', () => {
  it('compiles --filter, key!=value, JSON-array OR, --has, --missing and ISO dates into Crossbar filters', async () => {
    const from = '2026-01-01T00:00:00Z';
    const result = await run(
      'users',
      'list',
      '--filter',
      'first_name=John',
      '--filter',
      'last_name!=Doe 3',
      '--filter',
      'email=["u1@example.com","u5@example.com","u3@example.com"]',
      '--has',
      'caller_id.internal.number',
      '--missing',
      'presence_id',
      '--created-from',
      from,
    );
    expect(result.status).toBe(0);
    const query = Object.fromEntries(lastRequest('GET')?.query ?? []);
    expect(query).toMatchObject({
      filter_first_name: 'John',
      filter_not_last_name: 'Doe 3',
      filter_email: '["u1@example.com","u5@example.com","u3@example.com"]',
      has_key: 'caller_id.internal.number',
      key_missing: 'presence_id',
      created_from: String(toGregorianSeconds(new Date(from))),
    });
    expect(JSON.parse(result.stdout).map((u: { email: string }) => u.email)).toEqual(['u1@example.com', 'u5@example.com']);
  });

  it('shows the first page by default, every page with --all, and n items with --limit', async () => {
    seed(23);
    const first = await run('users', 'list', '--page-size', '10');
    expect(JSON.parse(first.stdout)).toHaveLength(10);

    const before = fake.count('GET', /\/users$/);
    const all = await run('users', 'list', '--page-size', '10', '--all', '--output', 'ndjson');
    expect(all.stdout.trim().split('\n')).toHaveLength(23);
    expect(fake.count('GET', /\/users$/) - before).toBe(3);
    expect(lastRequest('GET')?.query.get('start_key')).toBe('20');

    const limited = await run('users', 'list', '--limit', '12', '--page-size', '5');
    expect(JSON.parse(limited.stdout).map((u: { last_name: string }) => u.last_name)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Doe ${i + 1}`),
    );
    const small = await run('users', 'list', '--limit', '3');
    expect(lastRequest('GET')?.query.get('page_size')).toBe('3');
    expect(JSON.parse(small.stdout)).toHaveLength(3);
  });

  it('refuses a malformed filter or date before sending anything (exit 2)', async () => {
    const before = fake.server.requests.length;
    for (const args of [
      ['--filter', 'first_name'],
      ['--filter', 'x=["a",'],
      ['--created-from', 'yesterday'],
      ['--all', '--limit', '3'],
      ['--page-size', '0'],
    ]) {
      const result = await run('users', 'list', ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
    }
    expect(fake.server.requests.length).toBe(before);
  });
});

describe.skipIf(!existsSync(BIN))('changes', () => {
  it('creates from --data and --set (values parsed as JSON when they parse)', async () => {
    const result = await run(
      'users',
      'create',
      '--data',
      '{"first_name":"Ada"}',
      '--set',
      'last_name=Lovelace',
      '--set',
      'enabled=false',
      '--set',
      'caller_id.internal.number="1001"',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(lastRequest('PUT')?.json).toEqual({
      data: { first_name: 'Ada', last_name: 'Lovelace', enabled: false, caller_id: { internal: { number: '1001' } } },
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ first_name: 'Ada', id: expect.any(String) });
  });

  it('turns a --set number into text where the schema wants a string (caller_id.internal.number=1010, flags=[1021])', async () => {
    const result = await run(
      'users',
      'create',
      '--set',
      'first_name=Ada',
      '--set',
      'last_name=Lovelace',
      '--set',
      'caller_id.internal.number=1010',
      '--set',
      'flags=[1021]',
      '--set',
      'enabled=false',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(lastRequest('PUT')?.json).toEqual({
      data: { first_name: 'Ada', last_name: 'Lovelace', caller_id: { internal: { number: '1010' } }, flags: ['1021'], enabled: false },
    });
  });

  it('reads --data from a file and from standard input', async () => {
    const file = join(tmp.dir, 'user.json');
    writeFileSync(file, JSON.stringify({ first_name: 'Grace', last_name: 'Hopper' }));
    expect((await run('users', 'create', '--data', `@${file}`)).status).toBe(0);
    expect(lastRequest('PUT')?.json).toEqual({ data: { first_name: 'Grace', last_name: 'Hopper' } });
    const piped = await cli(['users', 'create', '--data', '-'], { configDir, input: '{"first_name":"Alan","last_name":"Turing"}' });
    expect(piped.status).toBe(0);
    expect(lastRequest('PUT')?.json).toEqual({ data: { first_name: 'Alan', last_name: 'Turing' } });
  });

  it('rejects invalid JSON in --data before sending anything (exit 2)', async () => {
    const before = fake.server.requests.length;
    const result = await run('users', 'create', '--data', '{"first_name":');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--data');
    expect(result.stderr).toContain('not valid JSON');
    expect(fake.server.requests.length).toBe(before);
  });

  it('validates the body client-side (the resource’s create schema) and names the field (exit 2)', async () => {
    const before = fake.server.requests.length;
    const result = await run('users', 'create', '--set', 'first_name=Solo');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('last_name');
    expect(fake.server.requests.length).toBe(before);
  });

  it('update with --set alone edits the current document; patch sends only the change', async () => {
    const id = [...fake.users.keys()][0] as string;
    expect((await run('users', 'update', id, '--set', 'email=new@example.com')).status).toBe(0);
    const post = lastRequest('POST');
    expect(post?.json).toMatchObject({
      data: { first_name: 'John', last_name: 'Doe 1', email: 'new@example.com', caller_id: { internal: { number: '101' } } },
    });
    expect((await run('users', 'patch', id, '--set', 'email=p@example.com')).status).toBe(0);
    expect(lastRequest('PATCH')?.json).toEqual({ data: { email: 'p@example.com' } });
    const nothing = await run('users', 'patch', id);
    expect(nothing.status).toBe(2);
  });

  it('refuses to delete without --yes when there is no terminal, sending nothing', async () => {
    const id = [...fake.users.keys()][0] as string;
    const before = fake.count('DELETE', /\/users\//);
    const result = await run('users', 'delete', id);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--yes');
    expect(fake.count('DELETE', /\/users\//)).toBe(before);
    expect(fake.users.has(id)).toBe(true);

    const ok = await run('users', 'delete', id, '--yes');
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain(`deleted users/${id}`);
    expect(fake.users.has(id)).toBe(false);
  });
});

describe.skipIf(!existsSync(BIN))('domain verbs', () => {
  it('writes a binary answer to standard output, or to --out FILE', async () => {
    const id = [...fake.users.keys()][0] as string;
    const piped = await run('users', 'vcard', id);
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe('BEGIN:VCARD\nFN:John Doe 1\nEND:VCARD\n');
    const out = join(tmp.dir, 'card.vcf');
    const saved = await run('users', 'vcard', id, '--out', out);
    expect(saved.status).toBe(0);
    expect(saved.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('FN:John Doe 1');
  });
});

describe.skipIf(!existsSync(BIN))('errors and exit codes', () => {
  it('exits 2 on an unknown flag or command, saying which', async () => {
    const flag = await run('users', 'list', '--bogus');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("unknown option '--bogus'");
    const command = await run('userz', 'list');
    expect(command.status).toBe(2);
    expect(command.stderr).toContain("unknown command 'userz'");
    expect(command.stderr).toContain('users');
  });

  it('exits 4 on 404 saying which user was not found, then Crossbar’s words and the request id, no stack trace', async () => {
    const result = await run('users', 'get', 'nosuchuser00000000000000000000000');
    expect(result.status).toBe(4);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: user nosuchuser0+ not found: 404 bad identifier/);
    expect(lines[0]).toContain('request id');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const patch = await run('users', 'patch', 'nosuchuser00000000000000000000000', '--set', 'email=a@example.com');
    expect(patch.status).toBe(4);
    expect(patch.stderr).toMatch(/^error: user nosuchuser0+ not found: /);
  });

  it('refuses an --account that is not an account id before sending anything, and explains a 403 on another account', async () => {
    const before = fake.server.requests.length;
    const bad = await run('users', 'list', '--account', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--account: "nope" is not an account id (32 hexadecimal characters)');
    expect(fake.server.requests.length).toBe(before);
    const denied = await run('users', 'list', '--account', FORBIDDEN_ACCOUNT);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain(`no access to account ${FORBIDDEN_ACCOUNT}: 403`);
  });

  it('says "no such file" for a missing --data file or import file, not an errno code', async () => {
    const data = await run('users', 'create', '--data', '@nofile.json');
    expect(data.status).toBe(2);
    expect(data.stderr).toContain('--data: cannot read nofile.json: no such file');
    const imported = await run('import', 'users', 'nofile.csv');
    expect(imported.status).toBe(2);
    expect(imported.stderr).toContain('cannot read nofile.csv: no such file');
  });

  it('says per resource what order a listing comes in, not "newest first" everywhere', async () => {
    const users = await run('users', 'list', '--help');
    expect(users.stdout).not.toContain('newest first');
    expect(users.stdout.replace(/\s+/g, ' ')).toContain('users are listed by last name, then first name, descending unless --ascending');
    expect((await run('cdrs', 'list', '--help')).stdout.replace(/\s+/g, ' ')).toContain('cdrs are listed by time (newest first)');
    expect((await run('devices', 'list', '--help')).stdout.replace(/\s+/g, ' ')).toContain('devices are listed by document id');
  });

  it('shows help examples with fields the resource has (users have no name)', async () => {
    const help = await run('users', '--help');
    expect(help.stdout).not.toContain('name=Reception');
    expect(help.stdout).toContain('--filter last_name=Lovelace');
    expect((await run('devices', '--help')).stdout).toContain('--filter name=Reception');
  });

  it('exits 1 on an API error, listing field errors one per line', async () => {
    await run('users', 'create', '--data', '{"first_name":"A","last_name":"B","username":"taken"}');
    const result = await run('users', 'create', '--data', '{"first_name":"C","last_name":"D","username":"taken"}');
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^error: creating users: 400 .*1 field error.*request id/);
    expect(lines[1]).toBe('  username: Username is not unique [unique]');
  });

  it('exits 3 when the server keeps refusing the session (401 after a fresh login)', async () => {
    const other = join(tmp.dir, 'revoked');
    expect((await cli(['login', '--api-key', API_KEY, '--base-url', fake.baseUrl], { configDir: other })).status).toBe(0);
    fake.revokeTokens();
    try {
      const result = await cli(['users', 'list'], { configDir: other });
      expect(result.status).toBe(3);
      expect(result.stderr).toMatch(/^error: listing users: 401 /);
    } finally {
      fake.revokeTokens(false);
    }
  });

  it('prints a stack trace only with --debug, and --debug logs requests without secrets', async () => {
    const result = await run('users', 'get', 'nosuchuser00000000000000000000000', '--debug');
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/\[debug\] GET http:\/\/127\.0\.0\.1:\d+\/v2\/accounts\/\w+\/users\/nosuchuser0+ → 404/);
    expect(result.stderr).toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain(API_KEY);
    for (const token of fake.tokens) expect(result.stderr).not.toContain(token);
  });

  it('prints errors as one JSON object with --json-errors, and whenever the output is JSON', async () => {
    const missing = 'nosuchuser00000000000000000000000';
    for (const flag of [['--json-errors'], ['--output', 'json']]) {
      const result = await run('users', 'get', missing, ...flag);
      expect(result.status).toBe(4);
      const { error } = JSON.parse(result.stderr);
      expect(error).toMatchObject({ exit_code: 4, status: 404, request_id: expect.any(String) });
      expect(error.message).toContain(`user ${missing} not found`);
    }
    const invalid = await run('users', 'create', '--set', 'first_name=Solo', '--json-errors');
    expect(invalid.status).toBe(2);
    expect(JSON.parse(invalid.stderr).error.message).toContain('last_name');
  });

  it('--dry-run validates and prints the request, secrets redacted, and sends nothing', async () => {
    const before = fake.server.requests.filter((r) => r.method !== 'GET').length;
    const created = await run(
      'users',
      'create',
      '--set',
      'first_name=Ada',
      '--set',
      'last_name=Lovelace',
      '--set',
      'password=hunter2-secret',
      '--dry-run',
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^dry run, not sent: PUT http:\/\/127\.0\.0\.1:\d+\/v2\/accounts\/\w+\/users\n/);
    expect(JSON.parse(created.stdout.slice(created.stdout.indexOf('\n') + 1))).toEqual({
      data: { first_name: 'Ada', last_name: 'Lovelace', password: '[REDACTED]' },
    });
    expect(created.stdout).not.toContain('hunter2-secret');
    const id = [...fake.users.keys()][0] as string;
    const deleted = await run('users', 'delete', id, '--dry-run');
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toContain(`dry run, not sent: DELETE`);
    expect(fake.users.has(id)).toBe(true);
    const invalid = await run('users', 'create', '--set', 'first_name=Solo', '--dry-run');
    expect(invalid.status).toBe(2);
    expect(fake.server.requests.filter((r) => r.method !== 'GET').length).toBe(before);
  });

  it('exits 3 when not logged in at all', async () => {
    const result = await cli(['users', 'list'], { configDir: join(tmp.dir, 'nobody') });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('not logged in');
    expect(result.stderr).toContain('audian login');
  });
});
