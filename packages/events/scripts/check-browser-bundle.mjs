// Bundles the built package for a browser, as an app's bundler would, and fails if anything of
// the `ws` package got in: the browser must use its own WebSocket. A Node bundle is made too, as
// a control that the check can see `ws` when it is there.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

async function bundle(platform) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  return { inputs, text: result.outputFiles.map((file) => file.text).join('\n') };
}

const browser = await bundle('browser');
const node = await bundle('node');
const fromWs = (inputs) => inputs.filter((path) => /(^|[/\\])ws[/\\]/.test(path) || path.includes('node_modules/.pnpm/ws@'));

const leaked = fromWs(browser.inputs);
if (leaked.length > 0 || browser.text.includes('permessage-deflate') || !browser.inputs.some((p) => p.endsWith('no-node-websocket.js'))) {
  console.error(`browser bundle of @audian/events carries ws: ${leaked.join(', ') || 'ws code found in the output'}`);
  process.exit(1);
}
if (fromWs(node.inputs).length === 0) {
  console.error('control failed: the Node bundle should contain ws, so the check cannot see it');
  process.exit(1);
}
console.log(
  `browser bundle of @audian/events: ${browser.inputs.length} inputs, no ws (Node bundle: ${fromWs(node.inputs).length} ws files)`,
);
