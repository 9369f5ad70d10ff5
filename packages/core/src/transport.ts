import ky, { type Hooks, type KyInstance } from 'ky';
// '#node-fetch' is the Node client on Node and a stub elsewhere (package.json "imports").
import { createNodeFetch } from '#node-fetch';
import type { AuthContext, AuthSession, AuthStrategy, LoginResponse } from './auth-strategy';
import { BinaryResponse } from './binary-response';
import type { ApiResponse, ApiResponseWithRaw } from './envelope';
import { AudianError } from './errors/audian-error';
import { InvalidArgumentError } from './errors/invalid-argument-error';
import type { RequestInfo } from './errors/request-info';
import { ConnectionError, TimeoutError } from './errors/transport-errors';
import { type ListParams, toListQuery } from './filters';
import { abortReason, sleep } from './internal/abort';
import { apiErrorFromResponse } from './internal/api-error-response';
import { IS_BROWSER, randomRequestId, runtimeToken } from './internal/environment';
import { withIdleTimeout } from './internal/idle-timeout';
import { describeNetworkError } from './internal/network-error';
import { encodeBody, isStream } from './internal/request-body';
import { requestInfo } from './internal/request-info';
import { acceptHeader, checkMethod, checkTimeout, combineSignals } from './internal/request-options';
import { bucketKeyOf, buildUrl, normalizeBaseUrl } from './internal/request-url';
import { retryDelay } from './internal/retry-delay';
import { safeCause } from './internal/safe-cause';
import { type AttemptResult, type BodyMode, sendAttempt } from './internal/send-attempt';
import { checkSuccess, readSuccess, type SuccessfulExchange } from './internal/success-response';
import { type Logger, silentLogger } from './logger';
import { PagePromise, type PageResult } from './pagination';
import { SecretRegistry } from './redact';
import type { RequestParams } from './request-params';
import { type AttemptFailure, parseRetryAfter, type ResolvedRetryOptions, type RetryOptions, resolveRetryOptions } from './retry';
import { CROSSBAR_RATE_LIMIT, type RateLimitOptions, TokenBucket } from './token-bucket';
import { VERSION } from './version';

/** Audian's API root. */
export const DEFAULT_BASE_URL = 'https://api.audian.com:8443/v2/';

/** Per-attempt timeout when none is given: 30 s. */
export const DEFAULT_TIMEOUT = 30_000;

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /**
   * API root. A bare host (`http://127.0.0.1:8000`) gets `/v2/` appended.
   * @default 'https://api.audian.com:8443/v2/'
   */
  readonly baseUrl?: string | URL;
  /** How requests authenticate; without one, requests carry no token. */
  readonly auth?: AuthStrategy;
  /** Account for `{account_id}` when the session has none (or to pin one). */
  readonly accountId?: string;
  /**
   * Per-attempt timeout in ms, or `false`: from sending the request to the last byte of the answer,
   * whatever its content type and whatever `fetch` runs; for a download's body, the longest gap
   * allowed between two chunks instead. @default 30000
   */
  readonly timeout?: number | false;
  /** Retry limit, or options, or `false` for none. @default { limit: 2, baseDelay: 250, maxDelay: 8000 } */
  readonly retry?: number | false | RetryOptions;
  /**
   * Client-side token bucket per account, mirroring Crossbar's; `false` turns it off.
   * @default { capacity: 100, refillPerSecond: 10 }
   */
  readonly rateLimit?: RateLimitOptions | false;
  /** A `fetch` implementation to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch;
  /** ky hooks run on every attempt (`beforeRequest`, `afterResponse`). */
  readonly hooks?: Pick<Hooks, 'beforeRequest' | 'afterResponse'>;
  /** Receives request, retry and login lines; never anything secret. */
  readonly logger?: Logger;
  /** Aborts every request of this transport. */
  readonly signal?: AbortSignal;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Product token prepended to the User-Agent (`my-app/1.2`). */
  readonly userAgent?: string;
  /** Send a generated `X-Request-ID` with each request. @default true outside browsers (CORS forbids it there) */
  readonly requestIds?: boolean;
}

/** How {@link Transport} runs one request: what to read, and what to return. */
interface ExecuteOptions {
  readonly mode: BodyMode;
  /** For listings: turns `data` into the page's items. */
  readonly items?: (data: unknown) => unknown;
  /** For logins: carry the envelope's `auth_token` out to the auth strategy. */
  readonly captureToken?: boolean;
  /** Return the request id, revision and HTTP response beside `data` and `meta`. */
  readonly withResponse?: boolean;
}

/** Options of {@link Transport.paginate}. */
export interface PaginateOptions<T> {
  /** Filters, paging and sort direction. */
  readonly list?: ListParams;
  /** Turns a page's `data` into its items, for listings whose `data` is not an array. */
  readonly items?: (data: unknown) => T[];
}

/**
 * The one place that speaks Crossbar's wire protocol: envelopes, error mapping, the
 * Crossbar-safe retry policy, per-attempt timeouts, the client-side rate limit, auth and
 * pagination. Resources are thin layers over it.
 *
 * @example
 * ```ts
 * import { createTransport } from '@audian/core';
 *
 * const transport = createTransport({ baseUrl: 'http://127.0.0.1:8000/v2/', auth });
 * const { data } = await transport.request({ method: 'GET', path: 'accounts/{account_id}/users', query: { paginate: false } });
 * ```
 */
export class Transport {
  /** The API root, always ending in `/`. */
  readonly baseUrl: string;
  readonly #auth: AuthStrategy | undefined;
  readonly #accountId: string | undefined;
  readonly #timeout: number | false;
  readonly #retry: ResolvedRetryOptions;
  readonly #rateLimit: RateLimitOptions | false;
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #ky: KyInstance;
  readonly #logger: Logger;
  readonly #signal: AbortSignal | undefined;
  readonly #headers: Record<string, string>;
  readonly #requestIds: boolean;
  readonly #secrets = new SecretRegistry();
  readonly #authContext: AuthContext;
  readonly #plain: boolean;
  readonly #textOnly: boolean;
  readonly #debug: boolean;

  /**
   * @throws InvalidArgumentError for an invalid base URL, timeout, retry or rate-limit option
   */
  constructor(options: TransportOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', 'transport options must be an object');
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.#auth = options.auth;
    if (this.#auth !== undefined && (typeof this.#auth.getSession !== 'function' || typeof this.#auth.refresh !== 'function')) {
      throw new InvalidArgumentError(
        'auth',
        'auth must be an AuthStrategy (createApiKeyAuth, createUserAuth or createTokenAuth from @audian/auth)',
      );
    }
    this.#accountId = options.accountId;
    this.#timeout = checkTimeout(options.timeout ?? DEFAULT_TIMEOUT, 'timeout');
    this.#retry = resolveRetryOptions(options.retry);
    this.#rateLimit = options.rateLimit === false ? false : (options.rateLimit ?? CROSSBAR_RATE_LIMIT);
    if (this.#rateLimit) new TokenBucket(this.#rateLimit); // validates the options now, not at the first request
    this.#logger = options.logger ?? silentLogger;
    this.#debug = this.#logger !== silentLogger;
    this.#signal = options.signal;
    this.#requestIds = options.requestIds ?? !IS_BROWSER;
    this.#headers = {};
    if (!IS_BROWSER) {
      const ua = [options.userAgent, `audian-sdk-js/${VERSION}`, runtimeToken()].filter(Boolean).join(' ');
      this.#headers['user-agent'] = ua;
    }
    for (const [k, v] of Object.entries(options.headers ?? {})) this.#headers[k.toLowerCase()] = v;
    if (options.fetch !== undefined && typeof options.fetch !== 'function')
      throw new InvalidArgumentError('fetch', 'fetch must be a function');
    const fetch = options.fetch ?? createNodeFetch();
    // The plain side channel is only trustworthy when no hook can swap the Request.
    this.#plain = !options.fetch && fetch !== undefined && !(options.hooks?.beforeRequest?.length ?? 0);
    // Without afterResponse hooks nobody but the transport reads a JSON body.
    this.#textOnly = !(options.hooks?.afterResponse?.length ?? 0);
    // Only the keys in use: ky copies every default key into each request's options.
    this.#ky = ky.create({
      retry: 0,
      throwHttpErrors: false,
      ...(options.hooks ? { hooks: options.hooks } : {}),
      ...(fetch ? { fetch } : {}),
    });
    this.#authContext = {
      request: (params) => this.#execute({ ...params, auth: false }, { mode: 'json', captureToken: true }) as Promise<LoginResponse<never>>,
      logger: this.#logger,
      registerSecret: (secret) => this.#secrets.add(secret),
      forgetSecret: (secret) => this.#secrets.delete(secret),
    };
  }

  /** The auth strategy, when one was given. */
  get auth(): AuthStrategy | undefined {
    return this.#auth;
  }

  /**
   * The current session (logging in when needed).
   *
   * @throws AudianError when the transport has no auth strategy
   */
  async session(): Promise<AuthSession> {
    if (!this.#auth) throw new AudianError('no auth strategy configured: pass auth (createApiKeyAuth, createUserAuth or createTokenAuth)');
    return this.#auth.getSession(this.#authContext);
  }

  /**
   * Ends the session on the server (best effort) and forgets the token.
   */
  async logout(): Promise<void> {
    await this.#auth?.logout?.(this.#authContext);
  }

  /**
   * Sends one JSON request and returns the unwrapped envelope.
   *
   * @throws InvalidArgumentError for bad input (before anything is sent)
   * @throws ApiError (a status subclass) for a non-2xx answer
   * @throws ConnectionError, TimeoutError when no usable response came
   * @throws ResponseValidationError when a 2xx body is not JSON or breaks `params.schema`
   */
  request<T = unknown>(params: RequestParams): Promise<ApiResponse<T>> {
    return this.#execute(params, { mode: 'json' }) as Promise<ApiResponse<T>>;
  }

  /**
   * Like {@link Transport.request}, plus what a caller needs beyond the data: the request id (the
   * envelope's, else the one sent), the document revision and the HTTP response (status and
   * headers). This is what resources' `.withResponse()` returns.
   *
   * @throws the same errors as {@link Transport.request}
   *
   * @example
   * ```ts
   * import { createTransport } from '@audian/core';
   *
   * const transport = createTransport({ auth });
   * const { data, requestId, revision, response } = await transport.requestWithResponse({ method: 'GET', path: 'accounts/{account_id}' });
   * ```
   */
  requestWithResponse<T = unknown>(params: RequestParams): Promise<ApiResponseWithRaw<T>> {
    return this.#execute(params, { mode: 'json', withResponse: true }) as Promise<ApiResponseWithRaw<T>>;
  }

  /**
   * Sends one request whose answer is binary or CSV and returns the unread body.
   * The timeout covers the wait for the response headers (and the whole of an error answer);
   * reading a successful body then fails with a {@link TimeoutError} only when the server sends
   * nothing for `timeout` ms between chunks, so a long recording may take as long as it needs.
   *
   * @throws the same errors as {@link Transport.request}
   */
  download(params: RequestParams): Promise<BinaryResponse> {
    return this.#execute({ accept: 'binary', ...params }, { mode: 'raw' }) as Promise<BinaryResponse>;
  }

  /**
   * Like {@link Transport.download}, plus the request id (the `X-Request-ID` answered, else the one
   * sent) and the HTTP response (status and headers; read the body through `data`, never through
   * `response`). This is what resources' downloads give from `.withResponse()`.
   *
   * @throws the same errors as {@link Transport.request}
   *
   * @example
   * ```ts
   * import { createTransport } from '@audian/core';
   *
   * const { data, requestId, response } = await createTransport({ auth }).downloadWithResponse({ method: 'GET', path: 'accounts/{account_id}/media/{id}/raw', pathParams: { id } });
   * console.log(requestId, response.headers.get('content-type'), (await data.bytes()).length);
   * ```
   */
  downloadWithResponse(params: RequestParams): Promise<ApiResponseWithRaw<BinaryResponse>> {
    return this.#execute({ accept: 'binary', ...params }, { mode: 'raw', withResponse: true }) as Promise<
      ApiResponseWithRaw<BinaryResponse>
    >;
  }

  /**
   * A lazy listing over `next_start_key` pages. Nothing is sent until it is awaited or iterated.
   *
   * @throws InvalidArgumentError (on first use) for invalid list params
   */
  paginate<T = unknown>(params: RequestParams, options: PaginateOptions<T> = {}): PagePromise<T> {
    const { startKey, limit, ...list } = options.list ?? {};
    const listQuery = toListQuery(list);
    const fetchPage = async (key: string | undefined): Promise<PageResult<T>> => {
      const query = { ...params.query, ...listQuery, ...(key !== undefined ? { start_key: key } : {}) };
      const page = (await this.#execute(
        { ...params, query },
        { mode: 'json', items: options.items ?? identity, withResponse: true },
      )) as ApiResponseWithRaw<T[]>;
      return { items: page.data, meta: page.meta, requestId: page.requestId, response: page.response };
    };
    return new PagePromise<T>(fetchPage, startKey, limit);
  }

  /** Builds the absolute URL of a request (placeholders filled, query encoded). */
  url(params: Pick<RequestParams, 'path' | 'pathParams' | 'query' | 'accountId'>): string {
    return buildUrl({ ...params, baseUrl: this.baseUrl, accountId: params.accountId ?? this.#accountId });
  }

  async #execute(
    params: RequestParams,
    how: ExecuteOptions,
  ): Promise<ApiResponse<unknown> | BinaryResponse | ApiResponseWithRaw<BinaryResponse>> {
    if (typeof params !== 'object' || params === null) throw new InvalidArgumentError('params', 'request params must be an object');
    const method = checkMethod(params.method);
    const timeout = params.timeout === undefined ? this.#timeout : checkTimeout(params.timeout, 'timeout');
    const signal = combineSignals(params.signal, this.#signal);
    if (signal?.aborted) throw abortReason(signal);
    const useAuth = params.auth !== false && this.#auth !== undefined;
    const { body, contentType } = encodeBody(params, method);

    let session = useAuth ? await (this.#auth as AuthStrategy).getSession(this.#authContext) : undefined;
    if (session) this.#secrets.add(session.token);
    // Named fields, not a spread of params: this runs on every request, and params may be large.
    const url = buildUrl({
      baseUrl: this.baseUrl,
      path: params.path,
      pathParams: params.pathParams,
      query: params.query,
      accountId: params.accountId ?? this.#accountId ?? session?.accountId,
    });
    const bucketKey = this.#rateLimit ? bucketKeyOf(url, this.baseUrl) : '';

    const headers: Record<string, string> = { ...this.#headers, accept: acceptHeader(params.accept) };
    if (contentType) headers['content-type'] = contentType;
    if (params.headers) for (const [k, v] of Object.entries(params.headers)) headers[k.toLowerCase()] = v;
    if (this.#requestIds && headers['x-request-id'] === undefined) headers['x-request-id'] = randomRequestId();
    const requestId = headers['x-request-id'];
    const info = (): RequestInfo => requestInfo({ method, url, headers, requestId, secrets: this.#secrets });

    let retries = 0;
    let replayedAfter401 = false;
    /** Waits before the next attempt when the policy allows one; `false` when there is none. */
    const retryAfterFailure = async (failure: AttemptFailure, reason: string, answer?: Response): Promise<boolean> => {
      const retryAfter = answer ? parseRetryAfter(answer.headers.get('retry-after')) : undefined;
      const delay = retryDelay({ method, failure, retries, options: this.#retry, retryAfter, repeatable: !isStream(body) });
      if (delay === undefined) return false;
      if (answer) await discard(answer);
      this.#logger.warn(`retrying ${method} ${info().url} after ${reason} in ${delay} ms (retry ${retries + 1}/${this.#retry.limit})`, {
        requestId,
      });
      retries++;
      await sleep(delay, signal);
      return true;
    };

    for (;;) {
      if (this.#rateLimit) await this.#bucket(bucketKey).take(signal);
      if (session) headers['x-auth-token'] = session.token;
      const started = this.#debug ? performance.now() : 0;
      const attempt = await sendAttempt(this.#ky, {
        url,
        method,
        headers,
        body,
        signal,
        timeout,
        mode: how.mode,
        plain: this.#plain,
        textOnly: this.#textOnly,
      });

      if (attempt.kind !== 'response') {
        const error = this.#transportError(attempt, info(), timeout as number);
        const failure: AttemptFailure = attempt.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'network', sent: attempt.sent };
        if (await retryAfterFailure(failure, error.name)) continue;
        throw error;
      }

      const response = attempt.response;
      if (this.#debug) {
        const elapsed = Math.round(performance.now() - started);
        this.#logger.debug(`${method} ${info().url} → ${response.status} (${elapsed} ms)`, { requestId, retries });
      }

      if (response.status === 401 && session && !replayedAfter401) {
        await discard(response);
        this.#logger.info(`${method} ${info().url} answered 401: logging in again once`, { requestId });
        const fresh = await (this.#auth as AuthStrategy).refresh(this.#authContext, session);
        if (fresh) {
          this.#secrets.add(fresh.token);
          session = fresh;
          replayedAfter401 = true;
          continue;
        }
      }

      if (response.status === 429 && this.#rateLimit) this.#bucket(bucketKey).drain();

      if (!response.ok) {
        if (await retryAfterFailure({ kind: 'status', status: response.status }, String(response.status), response)) continue;
        throw await apiErrorFromResponse({ response, text: attempt.text, request: info(), requestId, secrets: this.#secrets });
      }

      if (how.mode === 'raw') {
        const binary = this.#binary(response, timeout, info);
        if (!how.withResponse) return binary;
        const id = binary.requestId ?? requestId;
        const detailed: ApiResponseWithRaw<BinaryResponse> = {
          data: binary,
          meta: id === undefined ? { status: response.status } : { status: response.status, requestId: id },
          requestId: id,
          revision: undefined,
          response,
        };
        return detailed;
      }
      const exchange: SuccessfulExchange = { response, text: attempt.text as string, requestId, request: info, secrets: this.#secrets };
      const parsed = readSuccess(exchange);
      const remaining = parsed.meta.tokens?.remaining;
      if (remaining !== undefined && this.#rateLimit) this.#bucket(bucketKey).sync(remaining - bucketReserve(this.#rateLimit));
      const result = checkSuccess(parsed, { schema: params.schema, items: how.items }, exchange);
      if (how.withResponse) {
        const { data, meta } = await result;
        const detailed: ApiResponseWithRaw<unknown> = {
          data,
          meta,
          requestId: meta.requestId ?? requestId,
          revision: meta.revision,
          response,
        };
        return detailed;
      }
      return how.captureToken ? withAuthToken(await result, exchange.text) : result;
    }
  }

  /** The error for an attempt that got no usable response; its cause keeps nothing live. */
  #transportError(attempt: Exclude<AttemptResult, { kind: 'response' }>, info: RequestInfo, timeout: number): AudianError {
    if (attempt.kind === 'timeout') return new TimeoutError(info, timeout, { cause: this.#safe(attempt.cause) });
    return new ConnectionError(info, {
      cause: this.#safe(attempt.cause),
      sent: attempt.sent,
      errno: attempt.errno,
      detail: this.#secrets.scrub(attempt.detail),
    });
  }

  /** A download's unread body, with an idle timeout between chunks when there is a timeout. */
  #binary(response: Response, timeout: number | false, info: () => RequestInfo): BinaryResponse {
    if (timeout === false) return new BinaryResponse(response);
    return new BinaryResponse(
      withIdleTimeout(response, timeout, {
        timeout: () => new TimeoutError(info(), timeout, { idle: true }),
        broken: (cause) => {
          const failure = describeNetworkError(cause);
          return this.#transportError({ kind: 'network', ...failure, sent: true, cause }, info(), timeout);
        },
      }),
    );
  }

  /** A sanitized copy of a lower layer's error, with registered secrets scrubbed from its text. */
  #safe(cause: unknown): unknown {
    return safeCause(cause, (text) => this.#secrets.scrub(text));
  }

  #bucket(key: string): TokenBucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      // One token stays in reserve: requests reach the server a little earlier or later than
      // they left, and its clock ticks in whole milliseconds, so a client that drove the server's
      // bucket to exactly zero would draw a 429 now and then.
      const { capacity, refillPerSecond } = this.#rateLimit as RateLimitOptions;
      bucket = new TokenBucket({ capacity: capacity - bucketReserve(this.#rateLimit as RateLimitOptions), refillPerSecond });
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  // Nothing secret (tokens live in the auth strategy, secrets in a private registry) is shown.
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, auth: this.#auth?.type };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Transport { baseUrl: '${this.baseUrl}', auth: ${this.#auth ? `'${this.#auth.type}'` : 'none'} }`;
  }
}

/**
 * Creates a {@link Transport}.
 *
 * @throws InvalidArgumentError for an invalid base URL, timeout, retry or rate-limit option
 *
 * @example
 * ```ts
 * import { createTransport } from '@audian/core';
 *
 * const transport = createTransport({ baseUrl: 'https://api.audian.com:8443/v2/', timeout: 10_000, retry: 3 });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  return new Transport(options);
}

/** Only login responses carry their envelope's `auth_token` out of the transport, to the auth strategy. */
function withAuthToken(response: ApiResponse<unknown>, text: string): LoginResponse<unknown> {
  let token: unknown;
  try {
    token = (JSON.parse(text) as { auth_token?: unknown }).auth_token;
  } catch {
    token = undefined;
  }
  return typeof token === 'string' && token !== '' ? { ...response, authToken: token } : response;
}

/** Tokens the client leaves in the server's bucket (none when the bucket holds a single token). */
function bucketReserve(limit: RateLimitOptions): number {
  return limit.capacity >= 2 ? 1 : 0;
}

function identity(data: unknown): unknown {
  return data;
}

async function discard(response: Response): Promise<void> {
  if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
}
