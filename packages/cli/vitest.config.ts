import { projectConfig } from '../../vitest.shared';

export default projectConfig({
  // Each test runs the built binary as a subprocess; a loaded 2-core machine needs the slack.
  testTimeout: 60_000,
  hookTimeout: 60_000,
});
