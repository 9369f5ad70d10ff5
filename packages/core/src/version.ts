import { version } from '../package.json';

/**
 * This package's version, sent in the `User-Agent` header.
 *
 * @example
 * ```ts
 * import { VERSION } from '@audian/core';
 *
 * console.log(`@audian/core ${VERSION}`);
 * ```
 */
export const VERSION: string = version;
