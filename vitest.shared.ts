import { defineConfig, type ViteUserConfig } from 'vitest/config';

type TestOptions = NonNullable<ViteUserConfig['test']>;

// Workspace packages (@audian/*) resolve to their TypeScript source through the "@audian/source"
// export condition, so tests run the code as it is in the tree and never wait for a dependency's
// dist/ to be built.
const conditions = ['@audian/source', 'module', 'node', 'development|production'];

/**
 * The vitest config every project of the workspace shares: source resolution, Node environment
 * and the JSON report `pnpm check` sums up. `test` adds to or overrides the test options.
 */
export function projectConfig(test: TestOptions = {}): ViteUserConfig {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results.json' },
      ...test,
    },
  });
}
