import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from './cli';
import { cliLoading } from './modules-loaded';

let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

/** The modules `audian ARGS` loads. */
async function modulesLoaded(args: string[]): Promise<string[]> {
  return (await cliLoading(args, { configDir: tmp.dir })).modules;
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
