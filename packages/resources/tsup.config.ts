import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', schemas: 'src/schemas/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // ESM output keeps each resource's schemas in their own chunk, loaded on first use, so browser
  // bundles carry only the schemas of the resources they call.
  splitting: true,
});
