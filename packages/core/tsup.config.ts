import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // The two faces of `#node-fetch` (see package.json "imports"): built apart and left as a
    // runtime import, so that browser bundles resolve the stub and never carry node:http code.
    'node-fetch': 'src/internal/node-fetch.ts',
    'no-node-fetch': 'src/internal/no-node-fetch.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['#node-fetch'],
  // ky is ESM-only: bundling it keeps the CommonJS build working (require(esm) of ky's default
  // export yields the namespace, not ky). Its types still come from the ky dependency.
  noExternal: ['ky'],
});
