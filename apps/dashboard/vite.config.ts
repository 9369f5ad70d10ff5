import { defineConfig } from 'vite';

export default defineConfig({
  // Resolve the workspace packages from their source, like the tests do.
  resolve: { conditions: ['@audian/source', 'browser', 'module', 'import', 'default'] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, sourcemap: true },
  base: './',
});
