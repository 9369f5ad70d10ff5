import type { ResponseMeta } from '../envelope';
import { AudianError } from './audian-error';
import type { RequestInfo } from './request-info';

/** Everything needed to build an {@link ApiError}: the parsed error envelope and the request. */
export interface ApiErrorInit {
  /** HTTP status of the response. */
  readonly status: number;
  /** Envelope `error` (the status as a string in Crossbar, e.g. `"404"`). */
  readonly code?: string;
  /** Envelope `message` (a short machine-ish reason such as `bad_identifier`). */
  readonly apiMessage?: string;
  /** Envelope `data` with secrets redacted. */
  readonly data?: unknown;
  /** Request id from the envelope or the `X-Request-ID` header. */
  readonly requestId?: string;
  /** The request that failed. */
  readonly request: RequestInfo;
  /** Response metadata (rate-limit tokens, version, node…). */
  readonly meta?: ResponseMeta;
  /** Set when the body was not a Crossbar envelope (a proxy's HTML page, say): a short excerpt. */
  readonly bodyExcerpt?: string;
  /** Milliseconds a `Retry-After` header asked for, when one was sent. */
  readonly retryAfter?: number;
}

/**
 * A non-2xx answer from the API. Subclasses name the common statuses
 * ({@link BadRequestError}, {@link NotFoundError}, …); {@link createApiError} picks the class.
 *
 * @example
 * ```ts
 * import { ApiError } from '@audian/core';
 *
 * try {
 *   await audian.users.get('0123456789abcdef0123456789abcdef');
 * } catch (error) {
 *   if (error instanceof ApiError) console.error(error.status, error.apiMessage, error.requestId);
 * }
 * ```
 */
export class ApiError extends AudianError {
  static override readonly errorName: string = 'ApiError';
  /** HTTP status. */
  readonly status: number;
  /** Envelope `error` (Crossbar sends the status as a string, e.g. `"404"`). */
  readonly code: string | undefined;
  /** Envelope `message`, e.g. `bad_identifier`, `validation error`, `invalid_credentials`. */
  readonly apiMessage: string | undefined;
  /** Envelope `data` (error details), with secrets redacted. */
  readonly data: unknown;
  /** Request id to quote to support (envelope `request_id` or the `X-Request-ID` header). */
  readonly requestId: string | undefined;
  /** The failed request, credentials redacted. */
  readonly request: RequestInfo;
  /** Response metadata, when the body was an envelope. */
  readonly meta: ResponseMeta | undefined;
  /** A short excerpt of a body that was not a Crossbar envelope (an HTML error page from a proxy). */
  readonly bodyExcerpt: string | undefined;

  constructor(init: ApiErrorInit, message?: string) {
    super(message ?? ApiError.describe(init));
    this.status = init.status;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    this.data = init.data;
    this.requestId = init.requestId;
    this.request = init.request;
    this.meta = init.meta;
    this.bodyExcerpt = init.bodyExcerpt;
  }

  /** Builds the one-line message: status, reason, detail, then which request and its id. */
  static describe(init: ApiErrorInit, detail?: string): string {
    const reason = init.apiMessage ?? statusText(init.status);
    const extra = detail ?? dataMessage(init.data) ?? init.bodyExcerpt;
    const head = extra && extra !== reason ? `${init.status} ${reason}: ${extra}` : `${init.status} ${reason}`;
    const where = `${init.request.method} ${init.request.url}`;
    return `${head} (${where}${init.requestId ? `, request id ${init.requestId}` : ''})`;
  }

  /** A JSON form without the request headers or anything secret. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      apiMessage: this.apiMessage,
      requestId: this.requestId,
      method: this.request.method,
      url: this.request.url,
      data: this.data,
    };
  }
}

function dataMessage(data: unknown): string | undefined {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const message = (data as Record<string, unknown>).message;
    if (typeof message === 'string') return message;
  }
  return undefined;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  416: 'Range Not Satisfiable',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The standard reason phrase for an HTTP status (`"Not Found"`), or `"HTTP <status>"`. */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? `HTTP ${status}`;
}
