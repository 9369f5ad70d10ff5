// Shared by the README's commands: on a machine with only Node >= 20.19 and npm, finds the pinned
// pnpm (through npx when it is not installed) and installs the workspace from the lockfile.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Exits with a clear message on a Node older than the packages' engines field allows. */
export function requireNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Node ${process.versions.node} is too old: this project needs Node >= 20.19`);
    process.exit(1);
  }
}

/** The environment every tool is run with: no nx daemon, cloud or TUI; local Node headers. */
export function toolEnv() {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
  // Native addons build against the machine's Node headers when it has them (pnpm ignores
  // `nodedir` from ~/.npmrc, and node-gyp would otherwise download headers).
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  return env;
}

/** A function running the pinned pnpm with arguments in the workspace root; returns its exit code. */
export function pinnedPnpm(env = toolEnv(), stdio = 'inherit') {
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
  const installed = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  const command = installed.status === 0 && installed.stdout.trim() === pinned ? ['pnpm'] : ['npx', '--yes', `pnpm@${pinned}`];
  const run = (args) => {
    const [cmd, ...rest] = [...command, ...args];
    return spawnSync(cmd, rest, { cwd: root, stdio, env }).status ?? 1;
  };
  return { pinned, viaNpx: command[0] === 'npx', run };
}
