import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, cli } from './cli';
import { useLoggedInFake } from './fake-crossbar';

const ctx = useLoggedInFake();
beforeEach(() => {
  ctx.fake.users.clear();
  ctx.fake.onCreate = undefined;
});

let fileSeq = 0;
function file(ext: string, text: string): string {
  const path = join(ctx.dir, `rows${++fileSeq}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const creates = () => ctx.fake.count('PUT', /\/users$/);

describe.skipIf(!existsSync(BIN))('audian import', () => {
  it('--dry-run validates every row with the create schema and sends nothing', async () => {
    const csv = file('csv', 'first_name,last_name,email\nAda,Lovelace,ada@example.com\nGrace,,grace@example.com\nAlan,Turing,\n');
    const before = ctx.fake.server.requests.length;
    const result = await cli(['import', 'users', csv, '--dry-run'], { configDir: ctx.configDir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('3 rows, 2 valid, 1 invalid; nothing was sent');
    expect(result.stdout).toMatch(/line 3: invalid user: last_name is required/);
    expect(ctx.fake.server.requests.length).toBe(before);

    const good = file('csv', 'first_name,last_name\nAda,Lovelace\n');
    const ok = await cli(['import', 'users', good, '--dry-run'], { configDir: ctx.configDir });
    expect(ok.status).toBe(0);
    expect(ctx.fake.server.requests.length).toBe(before);
    expect(existsSync(good.replace('.csv', '.audian-journal.ndjson'))).toBe(false);
  });

  it('stops on malformed CSV with the line number, before sending anything (exit 2)', async () => {
    const csv = file('csv', 'first_name,last_name\nAda,Lovelace\nGrace,Hopper,extra\nAlan,Turing\n');
    const before = ctx.fake.server.requests.length;
    const result = await cli(['import', 'users', csv], { configDir: ctx.configDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/line 3: malformed CSV/);
    expect(ctx.fake.server.requests.length).toBe(before);

    const quote = file('csv', 'first_name,last_name\nAda,"Love\nGrace,Hopper\n');
    const unclosed = await cli(['import', 'users', quote], { configDir: ctx.configDir });
    expect(unclosed.status).toBe(2);
    expect(unclosed.stderr).toMatch(/line \d+: malformed CSV: Quote Not Closed/);
  });

  it('stops on malformed JSON with the line number (exit 2)', async () => {
    const json = file('json', '[\n  {"first_name": "Ada", "last_name": "Lovelace"},\n  {"first_name": "Grace", "last_name": Hopper}\n]\n');
    const result = await cli(['import', 'users', json], { configDir: ctx.configDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/line 3: malformed JSON/);
    const trailing = file('json', '[\n  {"first_name": "Ada", "last_name": "Lovelace"},\n]\n');
    expect((await cli(['import', 'users', trailing], { configDir: ctx.configDir })).stderr).toMatch(/line 3: malformed JSON/);
    const badCell = file('csv', 'first_name,last_name,timeout:number\nAda,Lovelace,soon\n');
    const cell = await cli(['import', 'users', badCell], { configDir: ctx.configDir });
    expect(cell.status).toBe(2);
    expect(cell.stderr).toContain('line 2: column "timeout:number": "soon" is not a number');
  });

  it('creates each row, tagged with its import_key, and journals it; a rerun needs --resume and creates nothing', async () => {
    const csv = file(
      'csv',
      'first_name,last_name,caller_id.internal.number,enabled,timeout:number,features:json\n' +
        'Ada,Lovelace,1001,true,20,"[""voicemail""]"\nGrace,Hopper,1002,false,,\n',
    );
    const result = await cli(['import', 'users', csv], { configDir: ctx.configDir });
    expect(result.stderr).toContain('progress: 2/2 rows');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 created');
    const docs = [...ctx.fake.users.values()];
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({
      first_name: 'Ada',
      caller_id: { internal: { number: '1001' } },
      enabled: true,
      timeout: 20,
      features: ['voicemail'],
    });
    expect(docs[1]).toMatchObject({ first_name: 'Grace', enabled: false });
    expect(docs[1]).not.toHaveProperty('timeout');
    expect(docs.map((d) => d.import_key)).toEqual([expect.stringMatching(/^r1-[0-9a-f]{20}$/), expect.stringMatching(/^r2-[0-9a-f]{20}$/)]);

    const journal = csv.replace(/\.csv$/, '.audian-journal.ndjson');
    const entries = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries[0]).toMatchObject({ type: 'run', resource: 'users', rows: 2 });
    expect(entries.filter((e) => e.state === 'pending')).toHaveLength(2);
    expect(
      entries
        .filter((e) => e.state === 'done')
        .map((e) => e.id)
        .sort(),
    ).toEqual(docs.map((d) => d.id).sort());

    const again = await cli(['import', 'users', csv], { configDir: ctx.configDir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--resume');
    const before = creates();
    const resumed = await cli(['import', 'users', csv, '--resume'], { configDir: ctx.configDir });
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toContain('0 created, 2 done in an earlier run');
    expect(creates()).toBe(before);
  });

  it('writes the rows the server refused, with their field errors, to FILE.failed.csv (exit 1)', async () => {
    ctx.fake.users.set('existing00000000000000000000000', {
      id: 'existing00000000000000000000000',
      username: 'taken',
      first_name: 'X',
      last_name: 'Y',
    });
    const csv = file('csv', 'first_name,last_name,username\nAda,Lovelace,ada\nBob,Taken,taken\n');
    const result = await cli(['import', 'users', csv], { configDir: ctx.configDir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('1 created');
    expect(result.stdout).toContain('1 failed');
    const failedFile = csv.replace(/\.csv$/, '.failed.csv');
    const failed = parseCsv(readFileSync(failedFile, 'utf8'), { columns: true });
    expect(failed).toEqual([
      { first_name: 'Bob', last_name: 'Taken', username: 'taken', error: 'username: Username is not unique', line: '3' },
    ]);
    // The rows are the file's own (passwords included): owner-only, like the journal.
    expect(statSync(failedFile).mode & 0o777).toBe(0o600);
  });

  it('imports FILE.failed.csv (and .failed.json) again without sending its error and line columns', async () => {
    ctx.fake.users.set('existing00000000000000000000000', { id: 'existing00000000000000000000000', username: 'taken' });
    const csv = file('csv', 'first_name,last_name,username\nBob,Taken,taken\n');
    expect((await cli(['import', 'users', csv], { configDir: ctx.configDir })).status).toBe(1);
    const failedCsv = csv.replace(/\.csv$/, '.failed.csv');
    writeFileSync(failedCsv, readFileSync(failedCsv, 'utf8').replace(',taken,', ',bob,'));
    const again = await cli(['import', 'users', failedCsv], { configDir: ctx.configDir });
    expect(again.stderr).not.toContain('error:');
    expect(again.status).toBe(0);
    const bob = [...ctx.fake.users.values()].find((u) => u.username === 'bob');
    expect(bob).toMatchObject({ first_name: 'Bob', last_name: 'Taken' });
    expect(bob).not.toHaveProperty('error');
    expect(bob).not.toHaveProperty('line');

    const json = file('json', JSON.stringify([{ first_name: 'Al', last_name: 'Dup', username: 'taken' }]));
    expect((await cli(['import', 'users', json], { configDir: ctx.configDir })).status).toBe(1);
    const failedJson = json.replace(/\.json$/, '.failed.json');
    writeFileSync(failedJson, readFileSync(failedJson, 'utf8').replaceAll('"taken"', '"al"'));
    expect((await cli(['import', 'users', failedJson], { configDir: ctx.configDir })).status).toBe(0);
    const al = [...ctx.fake.users.values()].find((u) => u.username === 'al');
    expect(Object.keys(al ?? {}).sort()).toEqual(['first_name', 'id', 'import_key', 'last_name', 'priv_level', 'username']);
  });

  it('replaces a loose FILE.failed.csv with a 0600 one holding a password column', async () => {
    const csv = file('csv', 'first_name,last_name,username,password\nBob,Taken,taken,hunter2-secret\n');
    ctx.fake.users.set('existing00000000000000000000000', { id: 'existing00000000000000000000000', username: 'taken' });
    const failedFile = csv.replace(/\.csv$/, '.failed.csv');
    writeFileSync(failedFile, 'stale\n', { mode: 0o644 });
    const result = await cli(['import', 'users', csv], { configDir: ctx.configDir });
    expect(result.status).toBe(1);
    expect(statSync(failedFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(failedFile, 'utf8')).toContain('hunter2-secret');
  });

  it('imports JSON and NDJSON files', async () => {
    const json = file(
      'json',
      JSON.stringify([
        { first_name: 'A', last_name: 'One' },
        { first_name: 'B', last_name: 'Two', import_key: 'my-own-key', caller_id: { internal: { number: 1002 } } },
      ]),
    );
    expect((await cli(['import', 'users', json], { configDir: ctx.configDir })).status).toBe(0);
    const ndjson = file('ndjson', '{"first_name":"C","last_name":"Three"}\n\n{"first_name":"D","last_name":"Four"}\n');
    expect((await cli(['import', 'users', ndjson, '--concurrency', '2'], { configDir: ctx.configDir })).status).toBe(0);
    expect([...ctx.fake.users.values()].map((u) => u.first_name).sort()).toEqual(['A', 'B', 'C', 'D']);
    expect([...ctx.fake.users.values()].find((u) => u.first_name === 'B')?.import_key).toBe('my-own-key');
    // The schema wants text for the extension: a JSON number is sent as its digits.
    expect([...ctx.fake.users.values()].find((u) => u.first_name === 'B')?.caller_id).toEqual({ internal: { number: '1002' } });
  });

  it('estimates the time left from the token bucket, not only the first burst', async () => {
    const csv = file('csv', `first_name,last_name\n${Array.from({ length: 8 }, (_, i) => `P${i},R${i}`).join('\n')}\n`);
    const result = await cli(['import', 'users', csv, '--rate-limit', '2/2'], { configDir: ctx.configDir });
    expect(result.status).toBe(0);
    // The first row settles within the 2-token burst; the other 7 wait for 1 token per 0.5 s.
    const first = /progress: 1\/8 rows .*ETA (\d+)s/.exec(result.stderr);
    expect(first, result.stderr).not.toBeNull();
    expect(Number(first?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('an interrupted import accounts for every row: created, failed, in flight, not started', async () => {
    const total = 20;
    const csv = file('csv', `first_name,last_name\n${Array.from({ length: total }, (_, i) => `P${i},R${i}`).join('\n')}\n`);
    let child: ChildProcess | undefined;
    let seen = 0;
    ctx.fake.onCreate = async () => {
      seen++;
      if (seen === 6) child?.kill('SIGINT');
      await new Promise((r) => setTimeout(r, 300));
    };
    const result = await cli(['import', 'users', csv, '--concurrency', '4'], {
      configDir: ctx.configDir,
      onSpawn: (c) => {
        child = c;
      },
    });
    expect(result.status).toBe(130);
    const summary = /(\d+) created, (\d+) failed(?:, (\d+) in flight \(checked on --resume\))?(?:, (\d+) not started)?/.exec(result.stdout);
    expect(summary, result.stdout).not.toBeNull();
    const [created, failed, inFlight, notStarted] = (summary?.slice(1) ?? []).map((n) => Number(n ?? 0));
    expect(inFlight).toBeGreaterThan(0);
    expect((created ?? 0) + (failed ?? 0) + (inFlight ?? 0) + (notStarted ?? 0)).toBe(total);
  });

  it('after SIGKILL mid-import, --resume creates every row exactly once', async () => {
    const total = 40;
    const rows = Array.from({ length: total }, (_, i) => `Person${i + 1},Row ${i + 1}`).join('\n');
    const csv = file('csv', `first_name,last_name\n${rows}\n`);
    let child: ChildProcess | undefined;
    let seen = 0;
    // Kill the importer while the 15th create is being handled: that one (and any other in
    // flight) is stored on the server but never answered, so its journal line stays "pending".
    ctx.fake.onCreate = async () => {
      seen++;
      if (seen === 15) child?.kill('SIGKILL');
      if (seen >= 15) await new Promise((r) => setTimeout(r, 100));
    };
    const before = creates();
    const killed = await cli(['import', 'users', csv, '--concurrency', '4'], {
      configDir: ctx.configDir,
      onSpawn: (c) => {
        child = c;
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(ctx.fake.users.size).toBeGreaterThanOrEqual(15);
    expect(ctx.fake.users.size).toBeLessThan(total);
    ctx.fake.onCreate = undefined;

    const resumed = await cli(['import', 'users', csv, '--resume', '--concurrency', '4'], { configDir: ctx.configDir });
    expect(resumed.stderr).not.toContain('error');
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/found already created/);
    const keys = [...ctx.fake.users.values()].map((u) => u.import_key);
    expect(ctx.fake.users.size).toBe(total);
    expect(new Set(keys).size).toBe(total);
    expect(creates() - before).toBe(total);
    expect([...ctx.fake.users.values()].map((u) => u.last_name).sort()).toEqual(
      Array.from({ length: total }, (_, i) => `Row ${i + 1}`).sort(),
    );
  });
});
