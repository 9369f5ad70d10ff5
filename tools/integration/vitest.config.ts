import { projectConfig } from '../../vitest.shared';

export default projectConfig({ include: ['test/**/*.test.ts'] });
