import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM stays one module per source file, so an app's bundler keeps only the modules it uses:
    // a resource's class and schemas load only when that resource is called.
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts', schemas: 'src/schemas/index.ts', classes: 'src/classes.ts' } },
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
  {
    entry: { index: 'src/index.ts', schemas: 'src/schemas/index.ts', classes: 'src/classes.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
]);
