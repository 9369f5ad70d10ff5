import { defineConfig } from 'vitest/config';

// Workspace packages (@audian/*) resolve to their TypeScript source through the "@audian/source"
// export condition, so tests never wait for a dependency's dist/ to be built.
const conditions = ['@audian/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Each test runs the built binary as a subprocess; a loaded 2-core machine needs the slack.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
