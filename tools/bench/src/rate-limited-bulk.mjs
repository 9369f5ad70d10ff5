import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApiKeyAuth } from '@audian/auth';
import { createAudian } from '@audian/resources';
import { startChild } from './util.mjs';

const ask = (child, message, key) =>
  new Promise((resolve) => {
    const onMessage = (m) => {
      if (m && key in m) {
        child.off('message', onMessage);
        resolve(m[key]);
      }
    };
    child.on('message', onMessage);
    child.send(message);
  });

async function bulk(audian, total, concurrency, prefix) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        await audian.users.create({ first_name: prefix, last_name: `Row ${i}`, username: `${prefix}-${i}`, password: 'bench-Pa55word' });
      }
    }),
  );
  return performance.now() - started;
}

/**
 * 500 creates against a sandbox whose bucket holds 20 tokens and refills 50 a second: the
 * shortest possible time is (500 − 20) / 50 = 9.6 s. Through the SDK with its bucket set to the
 * server's, then with the bucket off (429s retried), then through `audian import`.
 */
export async function rateLimitedBulk({ total = 500, capacity = 20, refill = 50 } = {}) {
  const minimum = ((total - capacity) / refill) * 1000;
  const rows = [];
  const run = async (label, job) => {
    const { info, child, stop } = await startChild('./sandbox-child.mjs', [
      JSON.stringify({ rateLimit: { capacity, refillPerSecond: refill } }),
    ]);
    try {
      const audianForLogin = createAudian({ baseUrl: info.apiUrl, auth: createApiKeyAuth({ apiKey: info.apiKey }), rateLimit: false });
      await audianForLogin.session();
      // Let the server's bucket fill up again after the login and start from a clean count.
      await new Promise((resolve) => setTimeout(resolve, (capacity / refill) * 1000 + 200));
      await ask(child, 'reset', 'reset');
      const elapsed = await job(info);
      const stats = await ask(child, 'stats', 'stats');
      // A login answers 201 too.
      const created = (stats.byStatus['201'] ?? 0) - (stats.byRoute['PUT /v2/api_auth'] ?? 0);
      if (created !== total) throw new Error(`${label}: ${created} of ${total} created`);
      return { elapsed, rejected: stats.byStatus['429'] ?? 0 };
    } finally {
      stop();
    }
  };

  const sdk = await run('sdk', (info) =>
    bulk(
      createAudian({
        baseUrl: info.apiUrl,
        auth: createApiKeyAuth({ apiKey: info.apiKey }),
        rateLimit: { capacity, refillPerSecond: refill },
      }),
      total,
      16,
      'bucket',
    ),
  );
  rows.push({
    name: `rate-limited bulk: ${total} creates, SDK bucket ${capacity}+${refill}/s`,
    baseline: `${(minimum / 1000).toFixed(1)} s minimum`,
    measured: `${(sdk.elapsed / 1000).toFixed(2)} s, ${sdk.rejected} × 429`,
    ratio: sdk.elapsed / minimum,
    target: 1.05,
  });

  const off = await run('no bucket', (info) =>
    bulk(
      createAudian({
        baseUrl: info.apiUrl,
        auth: createApiKeyAuth({ apiKey: info.apiKey }),
        rateLimit: false,
        retry: { limit: 30, baseDelay: 100, maxDelay: 2000 },
      }),
      total,
      16,
      'nobucket',
    ),
  );
  rows.push({
    name: 'rate-limited bulk: same job, client bucket off (429s retried)',
    baseline: `${(minimum / 1000).toFixed(1)} s minimum`,
    measured: `${(off.elapsed / 1000).toFixed(2)} s, ${off.rejected} × 429`,
    ratio: off.elapsed / minimum,
    target: undefined,
  });

  const cli = await run('cli', async (info) => {
    const dir = mkdtempSync(join(tmpdir(), 'audian-bench-'));
    const file = join(dir, 'users.csv');
    writeFileSync(
      file,
      `first_name,last_name,username,password\n${Array.from({ length: total }, (_, i) => `cli,Row ${i},cli-${i},bench-Pa55word`).join('\n')}\n`,
    );
    const bin = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
    const env = { ...process.env, AUDIAN_CONFIG_DIR: join(dir, 'config'), AUDIAN_API_KEY: info.apiKey, AUDIAN_BASE_URL: info.apiUrl };
    const started = performance.now();
    await promisify(execFile)(
      process.execPath,
      [bin, 'import', 'users', file, '--concurrency', '16', '--rate-limit', `${capacity}/${refill}`],
      { env },
    );
    return performance.now() - started;
  });
  rows.push({
    name: `CLI: audian import of ${total} rows, bucket ${capacity}+${refill}/s`,
    baseline: `${(minimum / 1000).toFixed(1)} s minimum`,
    measured: `${(cli.elapsed / 1000).toFixed(2)} s, ${cli.rejected} × 429`,
    ratio: cli.elapsed / minimum,
    target: 1.05,
  });
  return rows;
}
