import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../src/registry';
import { LOADERS, SHAPES } from '../src/shapes.generated';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('the lazy resource objects of the client', () => {
  it('have shapes generated from the current classes (pnpm generate:shapes)', { timeout: 120_000 }, () => {
    const result = spawnSync(process.execPath, ['tools/codegen/resource-shapes.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('load exactly the registered class for every resource', async () => {
    expect(Object.keys(LOADERS).sort()).toEqual(Object.keys(RESOURCES).sort());
    expect(Object.keys(SHAPES).sort()).toEqual(Object.keys(RESOURCES).sort());
    for (const [name, load] of Object.entries(LOADERS)) expect(await load(), name).toBe(RESOURCES[name as keyof typeof RESOURCES]);
  });

  it('name only methods the classes have', () => {
    for (const [name, cls] of Object.entries(RESOURCES)) {
      const methods = new Set<string>();
      for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const key of Object.getOwnPropertyNames(proto)) {
          const descriptor = Object.getOwnPropertyDescriptor(proto, key);
          if (key !== 'constructor' && key !== 'toJSON' && typeof descriptor?.value === 'function') methods.add(key);
        }
      }
      const shape = SHAPES[name as keyof typeof SHAPES].replace(/\{[^{}]*\}/g, '').replace(/\{[^{}]*\}/g, '');
      const shaped = new Set(
        shape
          .split(' ')
          .map((m) => m.replace(/[*=]$/, ''))
          .filter(Boolean),
      );
      // (The generator reads the TypeScript types, so private and protected methods are left out.)
      expect(
        [...shaped].filter((m) => !methods.has(m) && !isProperty(cls, m)),
        name,
      ).toEqual([]);
    }
  });
});

function isProperty(cls: new (...args: never[]) => object, name: string): boolean {
  // Sub-resource properties (faxes.inbox, media.prompts) are set per instance.
  const instance = new cls({ transport: {} as never, accountId: 'a' } as never) as Record<string, unknown>;
  return typeof instance[name] === 'object' && instance[name] !== null;
}
