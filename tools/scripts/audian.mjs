#!/usr/bin/env node
// `npm run audian -- …` (or `pnpm audian …`): the `audian` command from this checkout, for as long
// as no release is on npm. Installs the workspace when it is not set up yet, builds the CLI and the
// packages under it when their sources are newer than the CLI's build (nx rebuilds only what
// changed), then runs it with the arguments given, in the folder the command was typed in.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { pinnedPnpm, requireNode, root, toolEnv } from './setup.mjs';

requireNode();
const binary = join(root, 'packages/cli/dist/bin.js');
const packages = ['core', 'auth', 'resources', 'sandbox', 'cli'].map((name) => join(root, 'packages', name));

/** The newest modification time among a package's sources and its manifest. */
function newestSource(dir) {
  let newest = statSync(join(dir, 'package.json')).mtimeMs;
  const src = join(dir, 'src');
  if (!existsSync(src)) return newest;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const env = toolEnv();
if (!existsSync(join(root, 'node_modules/.bin/nx'))) {
  console.error('setting up the workspace (first run)…');
  if (pinnedPnpm(env, ['ignore', 'ignore', 'inherit']).run(['install', '--frozen-lockfile']) !== 0) {
    console.error('the workspace did not install: run `npm test` or `pnpm install` to see why');
    process.exit(1);
  }
}
const stale = !existsSync(binary) || packages.some((dir) => existsSync(dir) && newestSource(dir) > statSync(binary).mtimeMs);
if (stale) {
  console.error('building the audian CLI from this checkout…');
  const built = spawnSync(join(root, 'node_modules/.bin/nx'), ['run', '@audian/cli:build', '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  if (built.status !== 0) {
    console.error('the CLI did not build: run `pnpm nx run @audian/cli:build` to see why');
    process.exit(1);
  }
}

// npm and pnpm run scripts in the workspace root; INIT_CWD is where the user typed the command.
const result = spawnSync(process.execPath, [binary, ...process.argv.slice(2)], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: 'inherit',
});
process.exit(result.status ?? 128 + (constants.signals[result.signal] ?? 0));
