import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from './cli';

let tmp: ReturnType<typeof tempDir>;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  tmp = tempDir();
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await cli(['completion', shell], { configDir: tmp.dir });
    expect(result.status).toBe(0);
    scripts[shell] = join(tmp.dir, `audian.${shell}`);
    writeFileSync(scripts[shell] as string, result.stdout);
  }
});
afterAll(() => tmp?.remove());

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** What bash completes for the words typed so far (the last one being completed). */
function bashComplete(...words: string[]): string[] {
  return bashCompleteWith({}, ...words);
}

function bashCompleteWith(env: Record<string, string>, ...words: string[]): string[] {
  const quoted = ['audian', ...words].map((w) => `'${w}'`).join(' ');
  const script = `source '${scripts.bash}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length}; _audian_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, ...env } })
    .split('\n')
    .filter(Boolean);
}

describe.skipIf(!existsSync(BIN))('audian completion', () => {
  it('completes commands, resources, verbs, flags and flag values in bash', () => {
    expect(bashComplete('us')).toEqual(['users']);
    expect(bashComplete('log')).toEqual(['login', 'logout']);
    expect(bashComplete('users', 'l')).toEqual(['list']);
    expect(bashComplete('devices', 's')).toEqual(expect.arrayContaining(['status', 'sync']));
    expect(bashComplete('users', 'list', '--fi')).toEqual(['--filter', '--fields']);
    expect(bashComplete('users', 'list', '--output', '')).toEqual(['table', 'json', 'ndjson', 'csv', 'tsv', 'yaml']);
    expect(bashComplete('--profile', 'users', 'users', 'g')).toEqual(['get']);
    expect(bashComplete('import', '--dr')).toEqual(['--dry-run']);
    expect(bashComplete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes the resources import and export take, only the formats export accepts, and saved profile names', () => {
    expect(bashComplete('import', 'us')).toEqual(['users']);
    expect(bashComplete('export', 'cd')).toEqual(['cdrs']);
    expect(bashComplete('export', 'pro')).toEqual([]);
    // cdrs cannot be created, so they cannot be imported.
    expect(bashComplete('import', 'cd')).toEqual([]);
    // Once the resource is there, the next word is a file (the shell's default).
    expect(bashComplete('import', 'users', 'us')).toEqual([]);
    expect(bashComplete('import', 'users', 'staff.csv', '--dr')).toEqual(['--dry-run']);
    expect(bashComplete('export', 'users', '--output', '')).toEqual(['csv', 'ndjson', 'json']);

    const bin = join(tmp.dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'audian'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
    const config = join(tmp.dir, 'profiles');
    mkdirSync(config, { mode: 0o700 });
    const profile = { baseUrl: 'http://127.0.0.1:9/v2/', auth: { type: 'api-key', apiKey: 'k'.repeat(64) } };
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ version: 1, current: 'lab', profiles: { lab: profile, staging: profile } }),
      {
        mode: 0o600,
      },
    );
    const env = { PATH: `${bin}:${process.env.PATH}`, AUDIAN_CONFIG_DIR: config };
    expect(bashCompleteWith(env, '--profile', '')).toEqual(['lab', 'staging']);
    expect(bashCompleteWith(env, 'users', 'list', '--profile', 'st')).toEqual(['staging']);
  });

  it.skipIf(!has('zsh'))('writes a zsh script zsh can parse', () => {
    expect(spawnSync('zsh', ['-n', scripts.zsh as string]).status).toBe(0);
  });

  it.skipIf(!has('fish'))('writes a fish script fish can parse and use', () => {
    expect(spawnSync('fish', ['-n', scripts.fish as string]).status).toBe(0);
    const out = execFileSync('fish', ['-c', `source '${scripts.fish}'; complete -C 'audian users li'`], { encoding: 'utf8' });
    expect(out.split('\n')).toContain('list');
  });
});
