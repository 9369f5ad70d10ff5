import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './util.mjs';

/** `audian --help` against `node -e 0`: alternating runs, medians. */
export function cliColdStart({ runs = 15 } = {}) {
  const bin = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
  if (!existsSync(bin)) throw new Error('packages/cli is not built');
  const time = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, {
      stdio: 'ignore',
      env: { ...process.env, AUDIAN_CONFIG_DIR: '/nonexistent-audian-bench' },
    });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    return performance.now() - t;
  };
  time(['-e', '0']);
  time([bin, '--help']);
  const node = [];
  const cli = [];
  for (let i = 0; i < runs; i++) {
    node.push(time(['-e', '0']));
    cli.push(time([bin, '--help']));
  }
  return [
    {
      name: 'CLI cold start: audian --help vs node -e 0',
      baseline: `${median(node).toFixed(0)} ms`,
      measured: `${median(cli).toFixed(0)} ms`,
      ratio: median(cli) / median(node),
      target: 1.8,
    },
  ];
}
