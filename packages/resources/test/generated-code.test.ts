import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const schemasDir = process.env.AUDIAN_SHARED_DIR
  ? join(process.env.AUDIAN_SHARED_DIR, 'kazoo-schemas')
  : join(root, '..', 'shared', 'kazoo-schemas');
const generate = (args: string[], env: Record<string, string | undefined>) =>
  spawnSync(process.execPath, ['tools/codegen/generate-schemas.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('generated schemas (tools/codegen/generate-schemas.mjs)', () => {
  it.skipIf(!existsSync(schemasDir))('match what KAZOO’s schemas generate today (skipped without ../shared/kazoo-schemas)', () => {
    const result = generate(['--check'], {});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fail the check in CI when the KAZOO schemas are missing, instead of passing it unrun', () => {
    const result = generate(['--check', '--schemas', join(root, 'no-such-dir')], { CI: 'true' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not found/);
  });

  it('skip the check, saying so, outside CI when the KAZOO schemas are missing', () => {
    const result = generate(['--check', '--schemas', join(root, 'no-such-dir')], { CI: '' });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/check skipped/);
  });
});
