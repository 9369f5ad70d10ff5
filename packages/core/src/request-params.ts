import type { QueryValue } from './filters';
import type { PathValue } from './path';
import type { HttpMethod } from './retry';
import type { StandardSchemaV1 } from './standard-schema';

/** A request body sent as it is (not wrapped in the JSON envelope): audio, images, PDFs, CSV. */
export type RawBody = string | Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>;

/**
 * What to ask the server for: `json` (the default), `csv` (`text/csv`), `binary`
 * (`application/octet-stream`), or any media type (`audio/mpeg`, `application/zip`, …).
 */
export type AcceptType = 'json' | 'csv' | 'binary' | (string & {});

/**
 * Options every call accepts, resource methods included.
 */
export interface CallOptions {
  /** Cancels the request (and any wait for a retry or a rate-limit token). */
  readonly signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call (headers and whole body; a download's gap between chunks); `false` for none. */
  readonly timeout?: number | false;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sends `accept_charges: true` beside `data`, accepting service-plan charges (answers a 402). */
  readonly acceptCharges?: boolean;
}

/**
 * One request through the transport.
 *
 * @example
 * ```ts
 * const params: RequestParams = {
 *   method: 'PUT',
 *   path: 'accounts/{account_id}/users',
 *   data: { first_name: 'Ann', last_name: 'Lee' },
 * };
 * ```
 */
export interface RequestParams extends CallOptions {
  /** HTTP method. */
  readonly method: HttpMethod;
  /**
   * Path relative to the base URL, with `{placeholders}`: `{account_id}` is filled from
   * `accountId` or the session; others from `pathParams`. Each value is encoded as one segment.
   */
  readonly path: string;
  /** Values for the path's placeholders. */
  readonly pathParams?: Readonly<Record<string, PathValue | undefined>>;
  /** Query parameters; arrays are sent as JSON arrays, `undefined` values are skipped. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** The payload: sent as `{"data": …}`. */
  readonly data?: unknown;
  /** Envelope keys sent beside `data` (`action`, `accept_charges`, …). */
  readonly envelope?: Readonly<Record<string, unknown>>;
  /** A raw body sent as it is, instead of the JSON envelope. Needs `contentType`. */
  readonly body?: RawBody;
  /** Content type of a raw `body`. */
  readonly contentType?: string;
  /** What to accept; JSON by default. */
  readonly accept?: AcceptType;
  /** Validates the response `data` (any Standard Schema: zod, valibot…). */
  readonly schema?: StandardSchemaV1;
  /** The account for `{account_id}`; defaults to the session's. */
  readonly accountId?: string;
  /** `false` sends the request without a token (login endpoints). @default true */
  readonly auth?: boolean;
}
