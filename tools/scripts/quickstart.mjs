#!/usr/bin/env node
// The README's two commands: `npm run demo` and `npm test`. On a machine with only Node >= 20.19
// and npm, each makes sure the pinned pnpm is available (through npx when it is not installed),
// installs the workspace from the lockfile, then runs the demo or every check.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mode = process.argv[2];
if (mode !== 'demo' && mode !== 'test') {
  console.error('usage: node tools/scripts/quickstart.mjs demo|test');
  process.exit(2);
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: this project needs Node >= 20.19`);
  process.exit(1);
}

const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
// Native addons build against the machine's Node headers when it has them (pnpm ignores
// `nodedir` from ~/.npmrc, and node-gyp would otherwise download headers).
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

const installed = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
const pnpm = installed.status === 0 && installed.stdout.trim() === pinned ? ['pnpm'] : ['npx', '--yes', `pnpm@${pinned}`];
const run = (args) => {
  const [cmd, ...rest] = [...pnpm, ...args];
  const result = spawnSync(cmd, rest, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
};

console.log(`=== setting up with pnpm ${pinned}${pnpm[0] === 'npx' ? ' (through npx)' : ''}`);
if (run(['install', '--frozen-lockfile']) !== 0) process.exit(1);
process.exit(mode === 'demo' ? run(['run', 'demo:run']) : run(['run', 'check']));
