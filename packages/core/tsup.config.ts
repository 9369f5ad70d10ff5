import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // ky is ESM-only: bundling it keeps the CommonJS build working (require(esm) of ky's default
  // export yields the namespace, not ky). Its types still come from the ky dependency.
  noExternal: ['ky'],
});
