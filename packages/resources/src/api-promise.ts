import type { ApiResponseWithRaw, ResponseMeta } from '@audian/core';

/** What `withResponse()` resolves to: the data plus what Crossbar said about the request. */
export interface WithResponse<T> {
  /** What awaiting the call gives. */
  readonly data: T;
  /** Crossbar's `request_id` (else the `X-Request-ID` sent): quote it when asking Audian about a request. */
  readonly requestId: string | undefined;
  /** The document's revision (`revision`), where Crossbar sends one. */
  readonly revision: string | undefined;
  /** The HTTP response: `status`, `headers` (`ETag`, `Location`…). Its body has been read. */
  readonly response: Response;
  /** The rest of the envelope: rate-limit tokens, KAZOO version, node, timestamp… */
  readonly meta: ResponseMeta;
}

/** A response as an {@link APIPromise} holds it: `@audian/core`'s `requestWithResponse()` result. */
export type ApiResult<T> = ApiResponseWithRaw<T>;

/**
 * The promise every resource call returns: await it for the data, or call `withResponse()` for
 * the data and the response's metadata (request id, revision, status, headers) — so a request id
 * can be logged without catching an error.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian();
 * const user = await audian.users.get(userId);
 * const { data, requestId, revision } = await audian.users.get(userId).withResponse();
 * console.log(`read ${data.username} at revision ${revision} (request ${requestId})`);
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  // `then`, `catch` and `finally` give plain promises: their results have no response to show.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #result: Promise<ApiResult<T>>;

  /** @param result - the call in flight, resolving to its data and metadata */
  constructor(result: Promise<ApiResult<T>>) {
    super((resolve, reject) => {
      result.then((r) => resolve(r.data), reject);
    });
    this.#result = result;
    // A caller who only asks withResponse() handles the failure there; this copy of it must not
    // surface as an unhandled rejection as well.
    this.then(undefined, () => {});
  }

  /**
   * Resolves to the data plus the response's metadata.
   *
   * @throws the same errors as awaiting the call (`NotFoundError`, `BadRequestError`, …)
   */
  async withResponse(): Promise<WithResponse<T>> {
    const { data, requestId, revision, response, meta } = await this.#result;
    return { data, requestId, revision, response, meta };
  }

  /** A call whose data is derived from this one's (same response metadata). */
  map<U>(transform: (data: T) => U): APIPromise<U> {
    return new APIPromise(this.#result.then((r) => ({ ...r, data: transform(r.data) })));
  }

  /**
   * A call made once `before` has settled (a body check, a class still loading); rejects with
   * `before`'s error when it fails, and sends nothing then.
   */
  static after<T>(before: Promise<unknown>, send: () => APIPromise<T>): APIPromise<T> {
    return new APIPromise(before.then(() => send().#result));
  }

  /**
   * A call made by `send`, whose synchronous checks (argument errors) become rejections like the
   * request's own errors.
   */
  static run<T>(send: () => APIPromise<T>): APIPromise<T> {
    return APIPromise.after(Promise.resolve(), send);
  }

  /**
   * A call whose `APIPromise` is only known later (its code is still loading). `get` resolves to a
   * function that makes the call — not to the call itself, which, being a promise, would be
   * unwrapped into its data.
   */
  static defer<T>(get: () => Promise<() => APIPromise<T>>): APIPromise<T> {
    return new APIPromise(get().then((make) => make().#result));
  }
}
