import { defineConfig } from 'tsup';

// The entry points with types and a CommonJS bundle (package.json "exports").
const entries = {
  index: 'src/index.ts',
  schemas: 'src/schemas/index.ts',
  'schema-loaders': 'src/schemas/loaders.ts',
  classes: 'src/classes.ts',
};

export default defineConfig([
  {
    // ESM stays one module per source file, so an app's bundler keeps only the modules it uses:
    // a resource's class and schemas load only when that resource is called.
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
    dts: { entry: entries },
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
  {
    entry: entries,
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
]);
