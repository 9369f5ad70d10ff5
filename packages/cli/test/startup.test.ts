import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from './cli';

let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

/** Runs the binary with a module-resolution hook that logs every module loaded; returns the list. */
async function modulesLoaded(args: string[]): Promise<string[]> {
  const log = join(tmp.dir, `modules-${args.join('-').replace(/\W/g, '')}.log`);
  const hook = join(tmp.dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
  );
  const register = join(tmp.dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  writeFileSync(log, '');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], {
      env: { ...process.env, AUDIAN_CONFIG_DIR: tmp.dir },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe.skipIf(!existsSync(BIN))('start-up', () => {
  it('`audian --help` loads the CLI only (commander is bundled in it): not the SDK, zod or the sandbox', async () => {
    const modules = await modulesLoaded(['--help']);
    expect(modules.some((m) => m.includes('/packages/cli/dist/'))).toBe(true);
    for (const heavy of [
      '/packages/resources/',
      '/packages/core/',
      '/packages/auth/',
      '/zod/',
      '/ky/',
      'sandbox',
      'cli-table3',
      '/yaml/',
    ]) {
      expect(
        modules.filter((m) => m.includes(heavy)),
        heavy,
      ).toEqual([]);
    }
  });

  it('a resource command loads the SDK (so the check above can see it)', async () => {
    const modules = await modulesLoaded(['users', '--help']);
    expect(modules.some((m) => m.includes('/packages/resources/'))).toBe(true);
    expect(modules.some((m) => m.includes('sandbox'))).toBe(false);
  });
});
