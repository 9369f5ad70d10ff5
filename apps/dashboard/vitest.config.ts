import { projectConfig } from '../../vitest.shared';

export default projectConfig({
  include: ['test/**/*.test.ts'],
  // A browser and a dev server start in the hooks.
  testTimeout: 60_000,
  hookTimeout: 60_000,
});
