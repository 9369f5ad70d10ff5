#!/usr/bin/env node
// The whole test command: generated code is current, lint and format check, then build, typecheck, tests and packaging
// checks (publint + are-the-types-wrong) of every project through nx, the release rehearsal,
// then one summary line.
// Every step runs even when an earlier one failed, so one run shows every problem.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
const bin = (name) => join(root, 'node_modules', '.bin', name);

for (const group of ['packages', 'apps', 'tools']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) rmSync(join(dir, name, 'test-results.json'), { force: true });
}

const failures = [];
console.log('\n=== generated code is current (regenerated and compared: schemas, lazy resources, coverage table)');
for (const generator of ['generate-schemas.mjs', 'lazy-resources.mjs', 'coverage-table.mjs']) {
  if (run(process.execPath, [join(root, 'tools/codegen', generator), '--check']) !== 0) failures.push(`generated (${generator})`);
}
console.log('\n=== lint and format (biome)');
if (run(bin('biome'), ['ci', '.']) !== 0) failures.push('lint');
console.log('\n=== build, typecheck, test, package checks (nx)');
const targets = process.argv.includes('--no-package-checks') ? 'build,typecheck,test' : 'build,typecheck,test,lint:package';
if (run(bin('nx'), ['run-many', '-t', targets, '--output-style=static', '--parallel=2']) !== 0) failures.push('nx');
if (!process.argv.includes('--no-release') && !failures.includes('nx')) {
  console.log('\n=== release rehearsal (version, build, pack, lint the tarballs, install and smoke-test them)');
  if (run(process.execPath, [join(root, 'tools/scripts/release-dry.mjs')]) !== 0) failures.push('release');
}
console.log('\n=== API reference (TypeDoc into docs/api; an export without TSDoc fails)');
if (run(bin('typedoc'), ['--logLevel', 'Error']) !== 0) failures.push('docs');
console.log('\n=== summary');
if (run(process.execPath, [join(root, 'tools/scripts/test-summary.mjs')]) !== 0) failures.push('tests');
if (failures.length) {
  console.error(`check failed: ${failures.join(', ')}`);
  process.exit(1);
}
