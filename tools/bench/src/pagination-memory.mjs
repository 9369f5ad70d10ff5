import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startChild } from './util.mjs';

/**
 * Iterates 100,000 users in pages of 500 through the SDK (in a fresh process) and reports peak RSS
 * growth, and RSS after 100k against RSS after 10k: a stream holds one page, an accumulator grows.
 */
export async function paginationMemory({ total = 100_000 } = {}) {
  const { info, stop } = await startChild('./list-fixture-server.mjs', [total]);
  try {
    const child = fork(fileURLToPath(new URL('./pagination-memory-child.mjs', import.meta.url)), [String(info.port), String(total)], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const r = await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => code && reject(new Error(`pagination child exited with ${code}`)));
    });
    if (r.count !== total) throw new Error(`iterated ${r.count} of ${total} users`);
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return [
      {
        name: `pagination memory: peak RSS growth over ${total.toLocaleString('en')} users`,
        baseline: `40 MB budget`,
        measured: mb(r.peak - r.baseline),
        ratio: (r.peak - r.baseline) / (40 * 1024 * 1024),
        target: 1.0,
      },
      {
        name: 'pagination memory: RSS at 100k vs RSS at 10k',
        baseline: mb(r.at10k),
        measured: mb(r.atEnd),
        ratio: r.atEnd / r.at10k,
        target: 1.2,
      },
    ];
  } finally {
    stop();
  }
}
