#!/usr/bin/env node
// The README's two commands: `npm run demo` and `npm test`. On a machine with only Node >= 20.19
// and npm, each makes sure the pinned pnpm is available (through npx when it is not installed),
// installs the workspace from the lockfile, then runs the demo or every check.
import { pinnedPnpm, requireNode } from './setup.mjs';

const mode = process.argv[2];
if (mode !== 'demo' && mode !== 'test') {
  console.error('usage: node tools/scripts/quickstart.mjs demo|test');
  process.exit(2);
}
requireNode();
const pnpm = pinnedPnpm();
console.log(`=== setting up with pnpm ${pnpm.pinned}${pnpm.viaNpx ? ' (through npx)' : ''}`);
if (pnpm.run(['install', '--frozen-lockfile']) !== 0) process.exit(1);
process.exit(mode === 'demo' ? pnpm.run(['run', 'demo:run']) : pnpm.run(['run', 'check']));
