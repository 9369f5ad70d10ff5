import { projectConfig } from '../../vitest.shared';

export default projectConfig({
  include: ['test/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 60_000,
});
