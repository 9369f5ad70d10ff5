import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../tools/codegen/coverage-table.mjs', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const shared = process.env.AUDIAN_SHARED_DIR ? resolve(process.env.AUDIAN_SHARED_DIR) : join(repoRoot, '..', 'shared');
const tsv = join(shared, 'api', 'crossbar-paths.tsv');
const hasShared = existsSync(tsv);
const tmp = mkdtempSync(join(tmpdir(), 'audian-coverage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; out: string } {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', cwd: repoRoot });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('coverage table', () => {
  it('counts, per module, the verb + paths the resources’ TSDoc names, and lists the rest', () => {
    const fixture = join(tmp, 'paths.tsv');
    writeFileSync(
      fixture,
      [
        'module\thttp_verb\tpath\tsource',
        'phone_numbers\tPUT\t/v2/accounts/{ACCOUNT_ID}/phone_numbers/collection/activate\toas3',
        'phone_numbers\tPOST\t/v2/accounts/{ACCOUNT_ID}/phone_numbers/collection/activate\tdoc',
        'phone_numbers\tGET\t/v2/phone_numbers\tdoc',
        'zzz_unknown\tGET\t/v2/zzz_unknown\toas3',
      ].join('\n'),
    );
    const file = join(tmp, 'README.md');
    writeFileSync(file, '# pkg\n\nText kept.\n');
    expect(run('--tsv', fixture, '--readme', file).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# pkg\n\nText kept.\n\n## Coverage\n\n<!-- coverage:start -->')).toBe(true);
    expect(text).toContain(
      '| phone_numbers | 2/3 | `PUT …/phone_numbers/collection/activate`<br>`GET /v2/phone_numbers` | `POST …/phone_numbers/collection/activate` |',
    );
    expect(text).toContain('| zzz_unknown | 0/1 |  | `GET /v2/zzz_unknown` |');
    expect(text).toContain('**2 of 4**');
    // Verb + paths the SDK names that the TSV lacks are reported, so a wrong verb shows up.
    expect(text).toMatch(/Named in TSDoc but not in crossbar-paths\.tsv .*`GET …\/cdrs`/);
    expect(run('--tsv', fixture, '--readme', file, '--check').status).toBe(0);

    writeFileSync(file, text.replace('2/3', '3/3'));
    const stale = run('--tsv', fixture, '--readme', file, '--check');
    expect(stale.status).toBe(1);
    expect(stale.out).toMatch(/stale/);
    expect(run('--tsv', fixture, '--readme', file).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it.skipIf(!hasShared)(
    hasShared
      ? 'the README coverage table is current (pnpm coverage:table)'
      : `the README coverage table check is SKIPPED: ${tsv} not found (set AUDIAN_SHARED_DIR)`,
    () => {
      const result = run('--check', '--tsv', tsv, '--readme', readme);
      expect(result.out).not.toMatch(/stale/);
      expect(result.status).toBe(0);
    },
  );
});
