/** The rate-limit bucket state Crossbar 5.x reports in every envelope. */
export interface RateLimitTokens {
  /** Tokens this request cost. */
  readonly consumed?: number;
  /** Tokens left in the bucket after it. */
  readonly remaining?: number;
}

/**
 * Everything a Crossbar envelope says besides `data` — never the auth token.
 * Numbers that chunked bodies (CDRs, ledgers) send as strings are read as numbers.
 */
export interface ResponseMeta {
  /** HTTP status. */
  readonly status: number;
  /** `request_id` (or the `X-Request-ID` header). */
  readonly requestId?: string;
  /** `revision`: the document's CouchDB revision, `"automatic"` for lists. */
  readonly revision?: string;
  /** `page_size`: items in this page (not the size asked for). */
  readonly pageSize?: number;
  /** `start_key` of this page, opaque. */
  readonly startKey?: string;
  /** `next_start_key`, opaque; absent on the last page. */
  readonly nextStartKey?: string;
  /** `tokens`: the rate-limit bucket after this request. */
  readonly tokens?: RateLimitTokens;
  /** `version`: the KAZOO version (authenticated requests only). */
  readonly version?: string;
  /** `node`: the encoded API node name. */
  readonly node?: string;
  /** `timestamp`: ISO-8601 time of the response. */
  readonly timestamp?: string;
  /** `status` word: `success` or `error`. */
  readonly statusText?: string;
  /** `ETag` header (the document revision in quotes). */
  readonly etag?: string;
  /** `Location` header (set on create). */
  readonly location?: string;
  /** Envelope keys this SDK does not know, as sent (`metadata` on Audian 5.4, …). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A successful JSON response: the unwrapped `data` plus the envelope's metadata. */
export interface ApiResponse<T> {
  /** The envelope's `data`. */
  readonly data: T;
  /** Request id, revision, paging keys, rate-limit tokens, version… */
  readonly meta: ResponseMeta;
}

/**
 * A successful JSON response with what a caller may need beyond `data`: the request id to quote to
 * support, the document revision, and the HTTP response itself (status and headers; its body has
 * already been read).
 *
 * @example
 * ```ts
 * import { createTransport } from '@audian/core';
 *
 * const { data, requestId, revision, response } = await createTransport({ auth }).requestWithResponse({
 *   method: 'GET',
 *   path: 'accounts/{account_id}/users/{user_id}',
 *   pathParams: { user_id: id },
 * });
 * console.log(requestId, revision, response.headers.get('etag'));
 * ```
 */
export interface ApiResponseWithRaw<T> extends ApiResponse<T> {
  /** The envelope's `request_id`, else the `X-Request-ID` the transport sent. */
  readonly requestId: string | undefined;
  /** The envelope's `revision`: the document's CouchDB revision (`automatic` for listings). */
  readonly revision: string | undefined;
  /** The HTTP response: `status`, `headers`, `ok`. Its body was read (and may be absent); do not read it again. */
  readonly response: Response;
}

const KNOWN_KEYS = new Set([
  'data',
  'auth_token',
  'request_id',
  'revision',
  'page_size',
  'start_key',
  'next_start_key',
  'tokens',
  'version',
  'node',
  'timestamp',
  'status',
  'error',
  'message',
]);

/** Response headers the envelope parser reads; a plain getter so any Headers-like works. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Splits a Crossbar envelope into `data` and {@link ResponseMeta}, permissively: unknown keys are
 * kept in `meta.extra`, `page_size` given as a string (chunked bodies) becomes a number, and a
 * non-object body becomes `data`. The `auth_token` key is dropped.
 *
 * @example
 * ```ts
 * import { parseEnvelope } from '@audian/core';
 *
 * const { data, meta } = parseEnvelope({ data: [], page_size: '0', request_id: 'r1' }, 200);
 * // data = [], meta.pageSize = 0, meta.requestId = 'r1'
 * ```
 */
export function parseEnvelope<T = unknown>(body: unknown, status: number, headers?: HeaderReader): ApiResponse<T> {
  // Built field by field (no deletes afterwards): this runs on every response.
  const meta: { -readonly [K in keyof ResponseMeta]: ResponseMeta[K] } = { status };
  const headerRequestId = headers?.get('x-request-id');
  const etag = headers?.get('etag');
  const location = headers?.get('location');
  if (etag) meta.etag = etag;
  if (location) meta.location = location;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    if (headerRequestId) meta.requestId = headerRequestId;
    return { data: body as T, meta };
  }
  const env = body as Record<string, unknown>;
  let extra: Record<string, unknown> | undefined;
  for (const key in env) {
    if (!KNOWN_KEYS.has(key)) {
      extra ??= {};
      extra[key] = env[key];
    }
  }
  const requestId = str(env.request_id) ?? headerRequestId ?? undefined;
  if (requestId !== undefined) meta.requestId = requestId;
  set(meta, 'revision', str(env.revision));
  set(meta, 'pageSize', num(env.page_size));
  set(meta, 'startKey', key(env.start_key));
  set(meta, 'nextStartKey', key(env.next_start_key));
  set(meta, 'tokens', tokens(env.tokens));
  set(meta, 'version', str(env.version));
  set(meta, 'node', str(env.node));
  set(meta, 'timestamp', str(env.timestamp));
  set(meta, 'statusText', str(env.status));
  if (extra) meta.extra = extra;
  return { data: env.data as T, meta };
}

function set<K extends keyof ResponseMeta>(
  meta: { -readonly [P in keyof ResponseMeta]: ResponseMeta[P] },
  name: K,
  value: ResponseMeta[K] | undefined,
): void {
  if (value !== undefined) meta[name] = value;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Start keys are opaque: strings pass through untouched; pre-4.2 raw JSON keys are sent back as JSON. */
function key(value: unknown): string | undefined {
  // KAZOO's own examples show an empty list where there is no next page.
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function tokens(value: unknown): RateLimitTokens | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const t = value as Record<string, unknown>;
  const out: { consumed?: number; remaining?: number } = {};
  const consumed = num(t.consumed);
  const remaining = num(t.remaining);
  if (consumed !== undefined) out.consumed = consumed;
  if (remaining !== undefined) out.remaining = remaining;
  return out;
}
