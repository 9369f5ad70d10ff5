#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace project and prints one plain closing line:
//   vitest: N passed, N failed, N skipped
// Exits 1 if any test failed or if no test ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let passed = 0;
let failed = 0;
let skipped = 0;
let files = 0;
const rows = [];
for (const group of ['packages', 'apps', 'tools']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'test-results.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    files++;
    const p = report.numPassedTests ?? 0;
    const f = report.numFailedTests ?? 0;
    const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    passed += p;
    failed += f;
    skipped += s;
    rows.push(
      `  ${`${group}/${name}`.padEnd(28)} ${String(p).padStart(5)} passed ${String(f).padStart(3)} failed ${String(s).padStart(3)} skipped`,
    );
  }
}
if (rows.length) console.log(rows.join('\n'));
console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (files === 0 || passed + failed === 0) {
  console.error('test-summary: no vitest results found - no test ran');
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
