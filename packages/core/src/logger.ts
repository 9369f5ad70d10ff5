/**
 * Where the SDK reports what it does: request lines at `debug`, retries and re-logins at
 * `info`/`warn`. `console` fits; so do pino and winston. Nothing secret is ever passed to it.
 */
export interface Logger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const noop = (): void => {};

/**
 * A logger that discards everything: the default.
 *
 * @example
 * ```ts
 * import { silentLogger } from '@audian/core';
 *
 * silentLogger.info('never printed');
 * ```
 */
export const silentLogger: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });
