import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

const BANNER = 'globalThis.__audianChunks?.push(import.meta.url);';

/**
 * Bundles a snippet for the browser from the built packages (as an app's bundler would), minified
 * with code splitting, runs it, and returns the gzipped size of every chunk the page loads to do
 * what the snippet does: the entry, the chunks it imports statically, and the lazy chunks fetched
 * on demand while it runs — each gzipped on its own, as a browser downloads them. Each chunk
 * records itself when it is evaluated (a one-line banner, left out of the sizes); the snippet runs
 * in a child process whose `fetch` answers like Crossbar (a login, then a one-page listing).
 */
async function loadedSize(source) {
  const dir = mkdtempSync(join(tmpdir(), 'audian-bundle-'));
  try {
    const entry = join(here, '.bundle-entry.mjs');
    writeFileSync(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: dir,
      metafile: true,
      logLevel: 'silent',
      banner: { js: BANNER },
    });
    rmSync(entry);
    const outputs = result.metafile.outputs;
    const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith('.bundle-entry.mjs'));
    const loaded = runAndRecord(resolve(entryOut));
    let gz = 0;
    let min = 0;
    for (const file of loaded) {
      const bytes = readFileSync(file).subarray(Buffer.byteLength(`${BANNER}\n`));
      min += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    return { gz, min, chunks: loaded.length, all: Object.keys(outputs).filter((k) => k.endsWith('.js')).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a bundled entry in a child process with a Crossbar-like `fetch`; returns the chunk files it evaluated. */
function runAndRecord(entryFile) {
  const script = `
    globalThis.__audianChunks = [];
    globalThis.KEY = 'k'.repeat(64);
    const reply = (body, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    globalThis.fetch = async (input, init) => {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      if (method === 'PUT') return reply({ auth_token: 'bundle-token', data: { account_id: '0123456789abcdef0123456789abcdef' }, status: 'success' }, 201);
      return reply({ data: [{ id: 'u1' }], status: 'success', request_id: 'r' });
    };
    const log = console.log;
    console.log = () => {};
    await import(${JSON.stringify(pathToFileURL(entryFile).href)});
    log(JSON.stringify(globalThis.__audianChunks));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()).map((url) => fileURLToPath(url));
}

export async function bundleSize() {
  const sdk = await loadedSize(`
    import { createAudian } from '@audian/resources';
    import { createApiKeyAuth } from '@audian/auth';
    const audian = createAudian({ auth: createApiKeyAuth({ apiKey: globalThis.KEY }) });
    for await (const user of audian.users.list()) console.log(user.id);
  `);
  const core = await loadedSize(`
    import { createTransport } from '@audian/core';
    await createTransport({ accountId: 'a' }).request({ method: 'GET', path: 'accounts/{account_id}' }).then(console.log);
  `);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    {
      name: 'browser bundle: createAudian + createApiKeyAuth + users.list, every chunk loaded (min+gz)',
      baseline: '20 KB budget',
      measured: `${kb(sdk.gz)} (${kb(sdk.min)} min, ${sdk.chunks} of ${sdk.all} chunks)`,
      ratio: sdk.gz / (20 * 1024),
      target: 1.0,
    },
    {
      name: 'browser bundle: @audian/core transport alone (min+gz)',
      baseline: '20 KB budget',
      measured: `${kb(core.gz)} (${kb(core.min)} min, ${core.chunks} of ${core.all} chunks)`,
      ratio: core.gz / (20 * 1024),
      target: undefined,
    },
  ];
}
