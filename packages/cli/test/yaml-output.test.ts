import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BIN, cli } from './cli';
import { useSandboxLogin } from './sandbox-login';

// `--output yaml` loads the yaml package when it prints; every other format runs without it.
describe.skipIf(!existsSync(BIN))('--output yaml', () => {
  const login = useSandboxLogin();
  const { run } = login;

  /** `audian ARGS` with a resolve hook that records every module the binary loads. */
  async function modulesLoadedBy(...args: string[]): Promise<{ stdout: string; modules: string[] }> {
    const log = join(login.dir, `modules-${args.join('-').replace(/\W+/g, '_')}.log`);
    const hooks = join(login.dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.MODULES_LOG, resolved.url + '\\n');
  return resolved;
}
`,
    );
    const register = join(login.dir, 'register.mjs');
    // CommonJS loads (createRequire) do not pass the resolve hook: they are logged as `cjs:NAME`.
    writeFileSync(
      register,
      `import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(hooks).href)});
const load = Module._load;
Module._load = function (request, ...rest) {
  appendFileSync(process.env.MODULES_LOG, 'cjs:' + request + '\\n');
  return load.call(this, request, ...rest);
};
`,
    );
    writeFileSync(log, '');
    const result = await cli(args, {
      configDir: login.configDir,
      env: { NODE_OPTIONS: `--import ${pathToFileURL(register).href}`, MODULES_LOG: log },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return { stdout: result.stdout, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
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
