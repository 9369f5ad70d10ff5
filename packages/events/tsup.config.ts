import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // The two faces of `#node-websocket` (see package.json "imports"): built apart and left as a
    // runtime import, so a browser bundle resolves the stub and never carries the `ws` package.
    'node-websocket': 'src/internal/node-websocket.ts',
    'no-node-websocket': 'src/internal/no-node-websocket.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['#node-websocket', 'ws'],
});
