import { AudianError } from './audian-error';
import type { RequestInfo } from './request-info';

/**
 * No usable response: the connection was refused, reset or dropped, DNS failed, or the body was
 * cut off. `sent` tells whether the server may have received the request: when it is `false`
 * (connection refused) the request certainly did not run; when `true` a PUT/POST/PATCH may have
 * been applied, so it was not retried.
 *
 * @example
 * ```ts
 * import { ConnectionError } from '@audian/core';
 *
 * if (error instanceof ConnectionError && error.sent) console.error('check before repeating: it may have been applied');
 * ```
 */
export class ConnectionError extends AudianError {
  static override readonly errorName: string = 'ConnectionError';
  /** The request that failed, credentials redacted. */
  readonly request: RequestInfo;
  /** Whether the request may have reached the server. */
  readonly sent: boolean;
  /** Low-level error code when known (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`, …). */
  readonly errno: string | undefined;

  constructor(request: RequestInfo, options: { cause?: unknown; sent: boolean; errno?: string; detail?: string }) {
    super(
      `${options.detail ?? (options.sent ? 'connection lost' : 'could not connect')}${options.errno ? ` (${options.errno})` : ''}: ${request.method} ${request.url}`,
      { cause: options.cause },
    );
    this.request = request;
    this.sent = options.sent;
    this.errno = options.errno;
  }

  /** A JSON form without the request headers. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, sent: this.sent, errno: this.errno, url: this.request.url };
  }
}

/**
 * The attempt took longer than the transport's `timeout` (per attempt, from sending the request
 * to the last byte of the answer), or — `idle: true` — a download's server sent nothing for
 * `timeout` ms between two chunks.
 *
 * @example
 * ```ts
 * import { TimeoutError } from '@audian/core';
 *
 * if (error instanceof TimeoutError) console.error(`no answer within ${error.timeout} ms`);
 * ```
 */
export class TimeoutError extends AudianError {
  static override readonly errorName: string = 'TimeoutError';
  /** The request that timed out, credentials redacted. */
  readonly request: RequestInfo;
  /** The per-attempt timeout in milliseconds. */
  readonly timeout: number;
  /** `true` when a download stalled between chunks rather than the whole exchange running late. */
  readonly idle: boolean;

  constructor(request: RequestInfo, timeout: number, options?: { cause?: unknown; idle?: boolean }) {
    super(
      `${options?.idle ? `download stalled: no data for ${timeout} ms` : `no complete response within ${timeout} ms`}: ${request.method} ${request.url}`,
      { cause: options?.cause },
    );
    this.request = request;
    this.timeout = timeout;
    this.idle = options?.idle ?? false;
  }

  /** A JSON form without the request headers. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, timeout: this.timeout, idle: this.idle, url: this.request.url };
  }
}
