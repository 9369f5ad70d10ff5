import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts a fixture server script in its own process; resolves with what it reports (its port). */
export async function startChild(script, args = [], options = {}) {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), args.map(String), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...options,
  });
  const info = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { info, child, stop: () => child.kill() };
}

/** Runs `once` `total` times with `concurrency` in flight; returns the wall time in ms. */
export async function timeRuns(total, concurrency, once) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await once();
      }
    }),
  );
  return performance.now() - started;
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
