import { defineConfig } from 'vitest/config';

// Workspace packages (@audian/*) resolve to their TypeScript source through the "@audian/source"
// export condition, so these tests run the SDK and the sandbox as they are in the tree, unbuilt.
const conditions = ['@audian/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
