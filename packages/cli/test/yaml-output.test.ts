import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN } from './cli';
import { cliLoading } from './modules-loaded';
import { useSandboxLogin } from './sandbox-login';

// `--output yaml` loads the yaml package when it prints; every other format runs without it.
describe.skipIf(!existsSync(BIN))('--output yaml', () => {
  const login = useSandboxLogin();
  const { run } = login;

  /** `audian ARGS`, recording every module the binary loads. */
  async function modulesLoadedBy(...args: string[]): Promise<{ stdout: string; modules: string[] }> {
    const result = await cliLoading(args, { configDir: login.configDir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result;
  }
  const yamlModules = (modules: string[]) =>
    modules.filter((url) => url === 'cjs:yaml' || /\/node_modules\/(\.pnpm\/yaml@[^/]+\/node_modules\/)?yaml\//.test(url));

  it('prints a document and a listing as YAML, loading yaml to do it', async () => {
    const created = await run(
      'users',
      'create',
      '--data',
      '{"first_name":"Ada","last_name":"Lovelace","caller_id":{"internal":{"number":"1001"}}}',
    );
    expect(created.status).toBe(0);
    const id = created.json().id as string;

    const one = await modulesLoadedBy('users', 'get', id, '--output', 'yaml');
    expect(one.stdout).toMatch(/^first_name: Ada$/m);
    expect(one.stdout).toMatch(/^ {2}internal:\n {4}number: "1001"$/m);
    expect(parseYaml(one.stdout)).toMatchObject({ id, first_name: 'Ada', caller_id: { internal: { number: '1001' } } });
    expect(yamlModules(one.modules)).not.toEqual([]);

    const list = await modulesLoadedBy('users', 'list', '--output', 'yaml', '--fields', 'id,first_name', '--filter', 'first_name=Ada');
    expect(list.stdout).toBe(`- id: ${id}\n  first_name: Ada\n`);
    expect(yamlModules(list.modules)).not.toEqual([]);
  });

  it('an empty listing in YAML is []', async () => {
    const result = await run('users', 'list', '--output', 'yaml', '--filter', 'first_name=Nobody');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('[]\n');
  });

  it("an import of a well-formed JSON file runs without yaml, which only words a malformed file's error", async () => {
    const file = join(login.dir, 'people.json');
    writeFileSync(file, JSON.stringify([{ first_name: 'Yaml', last_name: 'Free' }]));
    const { modules } = await modulesLoadedBy('import', 'users', file, '--dry-run');
    expect(modules.some((url) => url.includes('/cli/dist/'))).toBe(true);
    expect(yamlModules(modules)).toEqual([]);
  });

  it('JSON and table output never load yaml', async () => {
    for (const format of ['json', 'table', 'csv']) {
      const { stdout, modules } = await modulesLoadedBy('users', 'list', '--output', format);
      expect(stdout).toContain('Sandbox');
      expect(yamlModules(modules), format).toEqual([]);
    }
  });
});
