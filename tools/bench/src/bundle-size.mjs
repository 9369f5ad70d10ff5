import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Bundles a snippet for the browser from the built packages (as an app's bundler would), minified
 * with code splitting, and returns the gzipped size of what the page loads up front: the entry
 * chunk and every chunk it imports statically (lazy chunks load only when used).
 */
async function initialLoad(source) {
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
    });
    rmSync(entry);
    const outputs = result.metafile.outputs;
    const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith('.bundle-entry.mjs'));
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const imp of outputs[file].imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
    };
    visit(entryOut);
    let gz = 0;
    let min = 0;
    for (const file of seen) {
      const bytes = readFileSync(file);
      min += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    return { gz, min };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bundleSize() {
  const sdk = await initialLoad(`
    import { createAudian } from '@audian/resources';
    import { createApiKeyAuth } from '@audian/auth';
    const audian = createAudian({ auth: createApiKeyAuth({ apiKey: globalThis.KEY }) });
    for await (const user of audian.users.list()) console.log(user.id);
  `);
  const core = await initialLoad(`
    import { createTransport } from '@audian/core';
    createTransport({}).request({ method: 'GET', path: 'accounts/{account_id}' }).then(console.log);
  `);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    {
      name: 'browser bundle: createAudian + createApiKeyAuth + users.list (min+gz)',
      baseline: '20 KB budget',
      measured: `${kb(sdk.gz)} (${kb(sdk.min)} min)`,
      ratio: sdk.gz / (20 * 1024),
      target: 1.0,
    },
    {
      name: 'browser bundle: @audian/core transport alone (min+gz)',
      baseline: '20 KB budget',
      measured: `${kb(core.gz)} (${kb(core.min)} min)`,
      ratio: core.gz / (20 * 1024),
      target: undefined,
    },
  ];
}
