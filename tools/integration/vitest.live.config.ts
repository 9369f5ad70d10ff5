import { projectConfig } from '../../vitest.shared';

// `pnpm test:live`: the lifecycle tests against a real Audian or KAZOO (see live/README.md).
export default projectConfig({
  include: ['live/**/*.live.test.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // One file at a time, one test at a time: a real server's rate limit is shared.
  fileParallelism: false,
  reporters: ['default'],
});
