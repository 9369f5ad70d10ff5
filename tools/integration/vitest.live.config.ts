import { defineConfig } from 'vitest/config';

const conditions = ['@audian/source', 'module', 'node', 'development|production'];

// `pnpm test:live`: the lifecycle tests against a real Audian or KAZOO (see live/README.md).
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['live/**/*.live.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One file at a time, one test at a time: a real server's rate limit is shared.
    fileParallelism: false,
  },
});
