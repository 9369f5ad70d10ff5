import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // @noble/hashes 2 is ESM-only; bundling its two small hashes keeps the CommonJS build plain.
  noExternal: ['@noble/hashes'],
});
