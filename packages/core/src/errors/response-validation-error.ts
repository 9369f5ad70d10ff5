import { AudianError } from './audian-error';
import type { RequestInfo } from './request-info';

/** One place where a successful response broke the expected shape. */
export interface ValidationIssue {
  /** Dot path into the response `data` (`""` for the whole body). */
  readonly path: string;
  /** What was wrong. */
  readonly message: string;
}

/**
 * A 2xx response whose body is not what the SDK expected: not JSON at all (`kind: 'json'`), or
 * JSON whose `data` breaks the resource's schema (`kind: 'schema'`). The request itself
 * succeeded; the contract did not.
 *
 * @example
 * ```ts
 * import { ResponseValidationError } from '@audian/core';
 *
 * if (error instanceof ResponseValidationError) console.error(error.issues.map((i) => i.path));
 * ```
 */
export class ResponseValidationError extends AudianError {
  static override readonly errorName: string = 'ResponseValidationError';
  /** `json` when the body did not parse, `schema` when `data` broke the schema. */
  readonly kind: 'json' | 'schema';
  /** Every path that failed. */
  readonly issues: readonly ValidationIssue[];
  /** HTTP status of the response. */
  readonly status: number;
  /** Request id, when the server sent one. */
  readonly requestId: string | undefined;
  /** The request, credentials redacted. */
  readonly request: RequestInfo;

  constructor(init: {
    kind: 'json' | 'schema';
    issues: readonly ValidationIssue[];
    status: number;
    requestId?: string;
    request: RequestInfo;
    cause?: unknown;
  }) {
    const list = init.issues
      .slice(0, 5)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join('; ');
    const more = init.issues.length > 5 ? ` (+${init.issues.length - 5} more)` : '';
    const what = init.kind === 'json' ? 'response body is not valid JSON' : 'response data does not match the schema';
    super(`${what}: ${list}${more} (${init.request.method} ${init.request.url}${init.requestId ? `, request id ${init.requestId}` : ''})`, {
      cause: init.cause,
    });
    this.kind = init.kind;
    this.issues = init.issues;
    this.status = init.status;
    this.requestId = init.requestId;
    this.request = init.request;
  }

  /** A JSON form without the request headers. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, kind: this.kind, issues: this.issues, status: this.status };
  }
}
