import ky, { type Hooks, type KyInstance } from 'ky';
// '#node-fetch' is the Node client on Node and a stub elsewhere (package.json "imports").
import { BUFFERED, createNodeFetch, type PlainInit } from '#node-fetch';
import type { AuthContext, AuthSession, AuthStrategy, LoginResponse } from './auth-strategy';
import { BinaryResponse } from './binary-response';
import { type ApiResponse, parseEnvelope, type ResponseMeta } from './envelope';
import { statusText } from './errors/api-error';
import { AudianError } from './errors/audian-error';
import { InvalidArgumentError } from './errors/invalid-argument-error';
import type { RequestInfo } from './errors/request-info';
import { ResponseValidationError } from './errors/response-validation-error';
import { createApiError } from './errors/status-errors';
import { ConnectionError, TimeoutError } from './errors/transport-errors';
import { type ListParams, queryValue, toListQuery } from './filters';
import { abortReason, sleep } from './internal/abort';
import { IS_BROWSER, randomRequestId, runtimeToken } from './internal/environment';
import { withIdleTimeout } from './internal/idle-timeout';
import { describeNetworkError } from './internal/network-error';
import { readText } from './internal/read-body';
import { safeCause } from './internal/safe-cause';
import { isWellFormed } from './internal/well-formed';
import { type Logger, silentLogger } from './logger';
import { PagePromise, type PageResult } from './pagination';
import { expandPath } from './path';
import { redactHeaders, redactUrl, SecretRegistry } from './redact';
import type { AcceptType, RequestParams } from './request-params';
import {
  type AttemptFailure,
  backoffDelay,
  HTTP_METHODS,
  type HttpMethod,
  isRetryable,
  parseRetryAfter,
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetryOptions,
} from './retry';
import { issuePath, type StandardSchemaV1 } from './standard-schema';
import { CROSSBAR_RATE_LIMIT, type RateLimitOptions, TokenBucket } from './token-bucket';
import { VERSION } from './version';

/** Audian's API root. */
export const DEFAULT_BASE_URL = 'https://api.audian.com:8443/v2/';

/** Per-attempt timeout when none is given: 30 s. */
export const DEFAULT_TIMEOUT = 30_000;

/**
 * Keys Crossbar reads as request parameters even from inside `data` (its parameter lookup checks
 * the document first), so a document carrying one would silently change the request.
 */
const RESERVED_DATA_KEYS = ['verb', 'auth_token', 'accept_charges', 'page_size', 'start_key', 'paginate', 'pretty_print'];

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
  /** Per-attempt timeout in ms (connect to last byte), or `false`. @default 30000 */
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

/** Options of {@link Transport.paginate}. */
export interface PaginateOptions<T> {
  /** Filters, paging and sort direction. */
  readonly list?: ListParams;
  /** Turns a page's `data` into its items, for listings whose `data` is not an array. */
  readonly items?: (data: unknown) => T[];
}

type Mode = 'json' | 'raw';

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
    this.#ky = ky.create({
      retry: 0,
      throwHttpErrors: false,
      hooks: options.hooks,
      ...(fetch ? { fetch } : {}),
    });
    this.#authContext = {
      request: (params) => this.#execute({ ...params, auth: false }, 'json', undefined, true) as Promise<LoginResponse<never>>,
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
    return this.#execute(params, 'json') as Promise<ApiResponse<T>>;
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
    return this.#execute({ accept: 'binary', ...params }, 'raw') as Promise<BinaryResponse>;
  }

  /**
   * A lazy listing over `next_start_key` pages. Nothing is sent until it is awaited or iterated.
   *
   * @throws InvalidArgumentError (on first use) for invalid list params
   */
  paginate<T = unknown>(params: RequestParams, options: PaginateOptions<T> = {}): PagePromise<T> {
    const { startKey, ...list } = options.list ?? {};
    const listQuery = toListQuery(list);
    const fetchPage = async (key: string | undefined): Promise<PageResult<T>> => {
      const query = { ...params.query, ...listQuery, ...(key !== undefined ? { start_key: key } : {}) };
      const response = (await this.#execute({ ...params, query }, 'json', options.items ?? identity)) as ApiResponse<T[]>;
      return { items: response.data, meta: response.meta };
    };
    return new PagePromise<T>(fetchPage, startKey);
  }

  /** Builds the absolute URL of a request (placeholders filled, query encoded). */
  url(params: Pick<RequestParams, 'path' | 'pathParams' | 'query' | 'accountId'>): string {
    return this.#buildUrl(params, params.accountId ?? this.#accountId);
  }

  async #execute(
    params: RequestParams,
    mode: Mode,
    items?: (data: unknown) => unknown,
    captureToken = false,
  ): Promise<ApiResponse<unknown> | BinaryResponse> {
    if (typeof params !== 'object' || params === null) throw new InvalidArgumentError('params', 'request params must be an object');
    const method = checkMethod(params.method);
    const timeout = params.timeout === undefined ? this.#timeout : checkTimeout(params.timeout, 'timeout');
    const signal = combineSignals(params.signal, this.#signal);
    if (signal?.aborted) throw abortReason(signal);
    const useAuth = params.auth !== false && this.#auth !== undefined;
    const { body, contentType } = this.#body(params, method);

    let session = useAuth ? await (this.#auth as AuthStrategy).getSession(this.#authContext) : undefined;
    if (session) this.#secrets.add(session.token);
    const accountId = params.accountId ?? this.#accountId ?? session?.accountId;
    const url = this.#buildUrl(params, accountId);
    const bucketKey = bucketKeyOf(url, this.baseUrl);

    const headers: Record<string, string> = { ...this.#headers, accept: acceptHeader(params.accept) };
    if (contentType) headers['content-type'] = contentType;
    for (const [k, v] of Object.entries(params.headers ?? {})) headers[k.toLowerCase()] = v;
    if (this.#requestIds && headers['x-request-id'] === undefined) headers['x-request-id'] = randomRequestId();
    const requestId = headers['x-request-id'];

    let retries = 0;
    let replayedAfter401 = false;
    for (;;) {
      if (this.#rateLimit) await this.#bucket(bucketKey).take(signal);
      if (session) headers['x-auth-token'] = session.token;
      const started = this.#debug ? performance.now() : 0;
      const attempt = await this.#attempt(url, method, headers, body, signal, timeout, mode);

      if (attempt.kind !== 'response') {
        const failure: AttemptFailure = attempt.kind === 'timeout' ? { kind: 'timeout' } : { kind: 'network', sent: attempt.sent };
        const info = this.#info(method, url, headers, requestId);
        const error =
          attempt.kind === 'timeout'
            ? new TimeoutError(info, timeout as number, { cause: this.#safe(attempt.cause) })
            : new ConnectionError(info, {
                cause: this.#safe(attempt.cause),
                sent: attempt.sent,
                errno: attempt.errno,
                detail: this.#secrets.scrub(attempt.detail),
              });
        if (retries < this.#retry.limit && isRetryable(method, failure) && !isStream(body)) {
          const delay = backoffDelay(retries, this.#retry);
          this.#logger.warn(
            `retrying ${method} ${info.url} after ${error.name} in ${delay} ms (retry ${retries + 1}/${this.#retry.limit})`,
            { requestId },
          );
          retries++;
          await sleep(delay, signal);
          continue;
        }
        throw error;
      }

      const response = attempt.response;
      if (this.#debug) {
        const elapsed = Math.round(performance.now() - started);
        this.#logger.debug(`${method} ${this.#secrets.scrub(redactUrl(url))} → ${response.status} (${elapsed} ms)`, { requestId, retries });
      }

      if (response.status === 401 && session && !replayedAfter401) {
        await discard(response);
        this.#logger.info(`${method} ${redactUrl(url)} answered 401: logging in again once`, { requestId });
        const fresh = await (this.#auth as AuthStrategy).refresh(this.#authContext, session);
        if (fresh) {
          this.#secrets.add(fresh.token);
          session = fresh;
          replayedAfter401 = true;
          continue;
        }
        throw await this.#apiError(response, method, url, headers, requestId, attempt.text);
      }

      if (response.status === 429 && this.#rateLimit) this.#bucket(bucketKey).drain();

      if (!response.ok) {
        const failure: AttemptFailure = { kind: 'status', status: response.status };
        if (retries < this.#retry.limit && isRetryable(method, failure) && !isStream(body)) {
          const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
          if (retryAfter === undefined || retryAfter <= this.#retry.maxRetryAfter) {
            const delay = retryAfter ?? backoffDelay(retries, this.#retry);
            await discard(response);
            this.#logger.warn(
              `retrying ${method} ${redactUrl(url)} after ${response.status} in ${delay} ms (retry ${retries + 1}/${this.#retry.limit})`,
              {
                requestId,
              },
            );
            retries++;
            await sleep(delay, signal);
            continue;
          }
        }
        throw await this.#apiError(response, method, url, headers, requestId, attempt.text);
      }

      if (mode === 'raw') {
        if (timeout === false) return new BinaryResponse(response);
        const info = this.#info(method, url, headers, requestId);
        return new BinaryResponse(
          withIdleTimeout(response, timeout, {
            timeout: () => new TimeoutError(info, timeout, { idle: true }),
            broken: (cause) => {
              const failure = describeNetworkError(cause);
              return new ConnectionError(info, {
                cause: this.#safe(cause),
                sent: true,
                errno: failure.errno,
                detail: this.#secrets.scrub(failure.detail),
              });
            },
          }),
        );
      }
      const info = () => this.#info(method, url, headers, requestId);
      const result = this.#parseSuccess(response, attempt.text as string, params.schema, info, requestId, bucketKey, items);
      return captureToken ? withAuthToken(await result, attempt.text as string) : result;
    }
  }

  /**
   * One attempt: fetch plus (for JSON) reading the whole body, under one per-attempt deadline.
   * ky's own timeout covers the wait for the response; a buffered body (the Node fetch reads
   * JSON in full before answering) is then already complete, otherwise the body read gets the
   * rest of the time and its reader is cancelled when it runs out — that works for any fetch,
   * including one that ignores abort signals. No per-request AbortSignal is made unless the
   * caller passed one: signals are the costliest part of a small request.
   */
  async #attempt(
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    body: BodyInit | undefined,
    signal: AbortSignal | undefined,
    timeout: number | false,
    mode: Mode,
  ): Promise<
    | { kind: 'response'; response: Response; text: string | undefined }
    | { kind: 'timeout'; cause: unknown }
    | { kind: 'network'; sent: boolean; errno: string | undefined; detail: string; cause: unknown }
  > {
    const started = timeout === false ? 0 : performance.now();
    let response: Response;
    try {
      const options: Record<string, unknown> = { method, headers, body: body ?? null, timeout };
      if (signal) options.signal = signal;
      // A raw (non-string) body cannot travel in the plain side channel: the fetch reads it instead.
      if (this.#plain && (body === undefined || typeof body === 'string')) {
        const plain: PlainInit = { method, url, headers, body, textOnly: mode === 'json' && this.#textOnly };
        options.audianPlain = plain;
      }
      response = await this.#ky(url, options);
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if ((error as Error)?.name === 'TimeoutError') return { kind: 'timeout', cause: error };
      const failure = describeNetworkError(error);
      return { kind: 'network', ...failure, cause: error };
    }
    // Error bodies are read now in both modes; a successful raw body is left for the caller.
    if (mode === 'raw' && response.ok) return { kind: 'response', response, text: undefined };
    const buffered = (response as unknown as Record<symbol, unknown>)[BUFFERED];
    if (typeof buffered === 'string') return { kind: 'response', response, text: buffered };
    if (buffered || timeout === false) {
      try {
        return { kind: 'response', response, text: await response.text() };
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        return { kind: 'network', ...describeNetworkError(error), sent: true, cause: error };
      }
    }
    try {
      const read = await readText(response, { timeLeft: (timeout as number) - (performance.now() - started), signal });
      return read.kind === 'timeout' ? { kind: 'timeout', cause: undefined } : { kind: 'response', response, text: read.text };
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      return { kind: 'network', ...describeNetworkError(error), sent: true, cause: error };
    }
  }

  #parseSuccess(
    response: Response,
    text: string,
    schema: StandardSchemaV1 | undefined,
    info: () => RequestInfo,
    requestId: string | undefined,
    bucketKey: string,
    items: ((data: unknown) => unknown) | undefined,
  ): Promise<ApiResponse<unknown>> | ApiResponse<unknown> {
    let body: unknown;
    if (text === '' || response.status === 204) {
      body = {};
    } else {
      try {
        body = JSON.parse(text);
      } catch (cause) {
        throw new ResponseValidationError({
          kind: 'json',
          issues: [
            {
              path: '',
              message: this.#secrets.scrub(`${(cause as Error).message}; body starts ${JSON.stringify(excerpt(text, 80))}`),
            },
          ],
          status: response.status,
          requestId: response.headers.get('x-request-id') ?? requestId,
          request: info(),
          cause: this.#safe(cause),
        });
      }
    }
    const parsed = parseEnvelope(body, response.status, response.headers);
    const remaining = parsed.meta.tokens?.remaining;
    if (remaining !== undefined && this.#rateLimit) this.#bucket(bucketKey).sync(remaining - bucketReserve(this.#rateLimit));
    const finish = (): ApiResponse<unknown> => {
      if (!items) return parsed;
      const list = items(parsed.data);
      if (!Array.isArray(list)) {
        throw new ResponseValidationError({
          kind: 'schema',
          issues: [{ path: '', message: `expected a list, got ${list === null ? 'null' : typeof list}` }],
          status: response.status,
          requestId: parsed.meta.requestId,
          request: info(),
        });
      }
      return { data: list, meta: parsed.meta };
    };
    if (!schema) return finish();
    const result = schema['~standard'].validate(parsed.data);
    const check = (r: StandardSchemaV1.Result<unknown>): ApiResponse<unknown> => {
      if (r.issues) {
        throw new ResponseValidationError({
          kind: 'schema',
          issues: r.issues.map((i) => ({ path: issuePath(i.path), message: this.#secrets.scrub(i.message) })),
          status: response.status,
          requestId: parsed.meta.requestId,
          request: info(),
        });
      }
      // Validation only: the caller gets the data as the server sent it, unknown keys and all.
      return finish();
    };
    return result instanceof Promise ? result.then(check) : check(result);
  }

  async #apiError(
    response: Response,
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    requestId: string | undefined,
    text: string | undefined,
  ): Promise<AudianError> {
    const raw = text ?? (await response.text().catch(() => ''));
    let envelope: Record<string, unknown> | undefined;
    try {
      const body = raw ? JSON.parse(raw) : undefined;
      if (body && typeof body === 'object' && !Array.isArray(body)) envelope = body as Record<string, unknown>;
    } catch {
      envelope = undefined;
    }
    const info = this.#info(method, url, headers, requestId);
    let meta: ResponseMeta | undefined;
    // Unknown envelope keys and the Location header land in meta: a server may echo a secret there.
    if (envelope) meta = this.#secrets.redact(parseEnvelope(envelope, response.status, response.headers).meta);
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return createApiError({
      status: response.status,
      code: typeof envelope?.error === 'string' ? envelope.error : undefined,
      apiMessage:
        typeof envelope?.message === 'string' ? this.#secrets.scrub(envelope.message) : envelope ? undefined : statusText(response.status),
      data: envelope ? this.#secrets.redact(envelope.data) : undefined,
      requestId: meta?.requestId ?? response.headers.get('x-request-id') ?? requestId,
      request: info,
      meta,
      bodyExcerpt: envelope ? undefined : this.#secrets.scrub(excerpt(stripTags(raw), 200)) || undefined,
      retryAfter,
    });
  }

  /** A sanitized copy of a lower layer's error, with registered secrets scrubbed from its text. */
  #safe(cause: unknown): unknown {
    return safeCause(cause, (text) => this.#secrets.scrub(text));
  }

  #info(method: string, url: string, headers: Record<string, string>, requestId?: string): RequestInfo {
    return {
      method,
      url: this.#secrets.scrub(redactUrl(url)),
      headers: redactHeaders(headers),
      ...(requestId ? { requestId } : {}),
    };
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

  #body(params: RequestParams, method: HttpMethod): { body: BodyInit | undefined; contentType: string | undefined } {
    if (params.body !== undefined) {
      if (params.data !== undefined) throw new InvalidArgumentError('body', 'pass either data (JSON envelope) or body (raw), not both');
      if (!params.contentType)
        throw new InvalidArgumentError('contentType', 'a raw body needs a contentType (audio/mpeg, application/pdf, …)');
      if (!isRawBody(params.body))
        throw new InvalidArgumentError('body', 'body must be a string, Uint8Array, ArrayBuffer, Blob or ReadableStream');
      return { body: params.body as BodyInit, contentType: params.contentType };
    }
    const envelope: Record<string, unknown> = {};
    if (params.envelope !== undefined) {
      if (typeof params.envelope !== 'object' || params.envelope === null || Array.isArray(params.envelope)) {
        throw new InvalidArgumentError('envelope', 'envelope must be an object of keys sent beside data');
      }
      for (const [k, v] of Object.entries(params.envelope)) {
        if (k === 'data' || k === 'auth_token')
          throw new InvalidArgumentError(
            `envelope.${k}`,
            `envelope.${k} is not allowed: pass data as data, and authenticate with an auth strategy`,
          );
        envelope[k] = v;
      }
    }
    if (params.acceptCharges !== undefined) {
      if (typeof params.acceptCharges !== 'boolean') throw new InvalidArgumentError('acceptCharges', 'acceptCharges must be a boolean');
      if (params.acceptCharges) envelope.accept_charges = true;
    }
    if (params.data === undefined && Object.keys(envelope).length === 0) {
      if (method === 'PUT' || method === 'POST' || method === 'PATCH') return { body: '{"data":{}}', contentType: 'application/json' };
      return { body: undefined, contentType: undefined };
    }
    const data = params.data === undefined ? {} : params.data;
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      for (const key of RESERVED_DATA_KEYS) {
        if (Object.hasOwn(data, key)) {
          throw new InvalidArgumentError(
            `data.${key}`,
            `data.${key}: "${key}" is a reserved Crossbar parameter name; Crossbar would read it as a request parameter, not a field`,
            [{ path: key, code: 'reserved', message: `"${key}" is a reserved Crossbar parameter name` }],
          );
        }
      }
    }
    let json: string;
    try {
      json = JSON.stringify({ data, ...envelope });
    } catch (cause) {
      throw new InvalidArgumentError('data', `data cannot be serialised as JSON: ${(cause as Error).message}`);
    }
    return { body: json, contentType: 'application/json' };
  }

  #buildUrl(params: Pick<RequestParams, 'path' | 'pathParams' | 'query'>, accountId: string | undefined): string {
    const pathParams: Record<string, string | number | undefined> = { ...params.pathParams };
    if (accountId !== undefined) pathParams.account_id ??= accountId;
    if (/\{account_id\}/i.test(params.path ?? '') && pathParams.account_id === undefined) {
      throw new InvalidArgumentError('accountId', `path ${params.path} needs an account id: authenticate first, or pass accountId`);
    }
    let url = this.baseUrl + expandPath(params.path, pathParams);
    if (params.query !== undefined) {
      if (typeof params.query !== 'object' || params.query === null) throw new InvalidArgumentError('query', 'query must be an object');
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(params.query)) {
        const encoded = queryValue(v);
        if (encoded === undefined) continue;
        if (!isWellFormed(encoded) || !isWellFormed(k)) {
          throw new InvalidArgumentError(
            `query.${k}`,
            `query parameter ${JSON.stringify(k)} is not valid Unicode text (it holds a lone surrogate)`,
          );
        }
        search.append(k, encoded);
      }
      const qs = search.toString();
      if (qs) url += `?${qs}`;
    }
    return url;
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

function normalizeBaseUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    throw new InvalidArgumentError(
      'baseUrl',
      `baseUrl must be an absolute http(s) URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(String(input))}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('baseUrl', `baseUrl must use http or https, got ${url.protocol}`);
  }
  if (url.search || url.hash) throw new InvalidArgumentError('baseUrl', 'baseUrl must not have a query string or fragment');
  if (url.username || url.password) throw new InvalidArgumentError('baseUrl', 'baseUrl must not carry credentials; use an auth strategy');
  let pathname = url.pathname;
  if (pathname === '/' || pathname === '') pathname = '/v2/';
  if (!pathname.endsWith('/')) pathname += '/';
  return `${url.origin}${pathname}`;
}

function checkMethod(method: unknown): HttpMethod {
  const upper = typeof method === 'string' ? method.toUpperCase() : method;
  if (typeof upper !== 'string' || !HTTP_METHODS.has(upper)) {
    throw new InvalidArgumentError('method', `method must be one of GET, PUT, POST, PATCH, DELETE, HEAD; got ${JSON.stringify(method)}`);
  }
  return upper as HttpMethod;
}

function checkTimeout(timeout: number | false, argument: string): number | false {
  if (timeout === false) return false;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0 || timeout > 2_147_483_647) {
    throw new InvalidArgumentError(argument, `${argument} must be a positive number of milliseconds or false, got ${String(timeout)}`);
  }
  return timeout;
}

function acceptHeader(accept: AcceptType | undefined): string {
  switch (accept) {
    case undefined:
    case 'json':
      return 'application/json';
    case 'csv':
      return 'text/csv';
    case 'binary':
      return 'application/octet-stream, */*;q=0.8';
    default:
      return accept;
  }
}

function combineSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}

function isRawBody(body: unknown): boolean {
  return (
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

function isStream(body: unknown): boolean {
  // A stream can be sent once only, so a request with one is never repeated.
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

function bucketKeyOf(url: string, baseUrl: string): string {
  // Crossbar keeps one bucket per (client IP, account in the URL).
  const rest = url.slice(baseUrl.length);
  const match = /^accounts\/([^/?]+)/.exec(rest);
  return match?.[1] ?? '';
}

async function discard(response: Response): Promise<void> {
  if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
}

function stripTags(text: string): string {
  return text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function excerpt(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
