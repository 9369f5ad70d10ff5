import type { ResponseMeta } from './envelope';
import { AudianError } from './errors/audian-error';
import { InvalidArgumentError } from './errors/invalid-argument-error';

/** One fetched page: its items and the envelope's metadata. */
export interface PageResult<T> {
  readonly items: T[];
  readonly meta: ResponseMeta;
  /** The page's request id: the envelope's, else the `X-Request-ID` sent (when the fetcher knows it). */
  readonly requestId?: string | undefined;
  /** The HTTP response the page came in (its body already read), when the fetcher has one. */
  readonly response?: Response | undefined;
}

/** Fetches the page that starts at `startKey` (the first page when `undefined`). */
export type PageFetcher<T> = (startKey: string | undefined) => Promise<PageResult<T>>;

/**
 * One page of a Crossbar listing.
 *
 * @example
 * ```ts
 * const page = await audian.users.list({ pageSize: 50 });
 * console.log(page.data.length, page.hasNextPage());
 * const next = page.hasNextPage() ? await page.getNextPage() : undefined;
 * ```
 */
export class Page<T> {
  /** The items of this page. */
  readonly data: T[];
  /** Envelope metadata (request id, `page_size`, rate-limit tokens…). */
  readonly meta: ResponseMeta;
  /** The opaque key of the next page, exactly as the server sent it; absent on the last page. */
  readonly nextStartKey: string | undefined;
  /** The key this page was fetched with (`undefined` for the first page). */
  readonly startKey: string | undefined;
  readonly #fetch: PageFetcher<T>;

  constructor(result: PageResult<T>, startKey: string | undefined, fetch: PageFetcher<T>) {
    this.data = result.items;
    this.meta = result.meta;
    this.startKey = startKey;
    this.nextStartKey = result.meta.nextStartKey;
    this.#fetch = fetch;
    if (this.nextStartKey !== undefined && this.nextStartKey === startKey) {
      // A server that hands back the key it was given would make every loop over pages endless.
      throw new AudianError(`pagination did not advance: next_start_key equals the start_key sent (${startKey})`);
    }
  }

  /** Whether the server reported another page (`next_start_key` present). */
  hasNextPage(): boolean {
    return this.nextStartKey !== undefined;
  }

  /**
   * Fetches the next page.
   *
   * @throws AudianError when this is the last page
   */
  async getNextPage(): Promise<Page<T>> {
    if (this.nextStartKey === undefined) throw new AudianError('no next page: this is the last page');
    const key = this.nextStartKey;
    return new Page(await this.#fetch(key), key, this.#fetch);
  }

  /** Iterates the items of this page only. */
  [Symbol.iterator](): Iterator<T> {
    return this.data[Symbol.iterator]();
  }
}

/**
 * A listing's first page with what came with it (the Stainless `withResponse()` shape).
 *
 * @example
 * ```ts
 * import type { PageWithResponse } from '@audian/core';
 *
 * function logPage(first: PageWithResponse<unknown>): void {
 *   console.log(first.data.data.length, first.requestId, first.response?.status);
 * }
 * ```
 */
export interface PageWithResponse<T> {
  /** The first page: its items are `data.data`, its envelope metadata `data.meta`. */
  readonly data: Page<T>;
  /** Crossbar's request id for the page (the envelope's, else the `X-Request-ID` sent). */
  readonly requestId: string | undefined;
  /** The HTTP response (status, headers; the body was read). Absent only for a hand-written fetcher that has none. */
  readonly response: Response | undefined;
}

/**
 * A lazy listing: nothing is requested until it is awaited or iterated.
 * - `await list` → the first {@link Page};
 * - `for await (const item of list)` → every item of every page, one page in memory at a time;
 * - `list.iterPages()` → every page; `list.toArray({ limit })` → items gathered into an array.
 *
 * Each `await` or iteration starts from the first page again (a new request), so one
 * `PagePromise` can be reused.
 *
 * @example
 * ```ts
 * for await (const user of audian.users.list({ filter: { enabled: true } })) console.log(user.id);
 * const first = await audian.users.list({ pageSize: 10 });
 * const all = await audian.users.list().toArray();
 * ```
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #startKey: string | undefined;
  // Not readonly: a deferred listing learns its limit with its real listing.
  #limit: number | undefined;
  #first: Promise<{ readonly page: Page<T>; readonly result: PageResult<T> }> | undefined;

  /**
   * @param limit - the most items `for await` and `toArray()` yield (see `ListParams.limit`)
   * @throws InvalidArgumentError when `limit` is not a positive integer
   */
  constructor(fetch: PageFetcher<T>, startKey?: string, limit?: number) {
    this.#fetch = fetch;
    this.#startKey = startKey;
    this.#limit = checkLimit(limit);
  }

  /**
   * A listing whose real `PagePromise` is only known later (its code is still loading, say).
   * `get` resolves to a function that makes the listing — not to the listing itself, which, being
   * awaitable, a promise would unwrap into its first page. Still lazy: `get` runs on first await
   * or iteration, and once.
   *
   * @example
   * ```ts
   * import { PagePromise } from '@audian/core';
   *
   * const users = PagePromise.defer(async () => {
   *   const { Users } = await import('./users');
   *   return () => new Users(ctx).list();
   * });
   * ```
   */
  static defer<T>(get: () => Promise<() => PagePromise<T>>): PagePromise<T> {
    // Boxed, because a promise resolving to a PagePromise would resolve to its first page.
    let inner: Promise<{ readonly list: PagePromise<T> }> | undefined;
    const outer: PagePromise<T> = new PagePromise<T>(async (startKey) => {
      inner ??= get().then((make) => ({ list: make() }));
      const { list } = await inner;
      outer.#limit = list.#limit;
      return list.#fetch(startKey ?? list.#startKey);
    });
    return outer;
  }

  #firstPage(): Promise<Page<T>> {
    return this.#firstResult().then((first) => first.page);
  }

  #firstResult(): Promise<{ readonly page: Page<T>; readonly result: PageResult<T> }> {
    this.#first ??= this.#fetch(this.#startKey).then((result) => ({ page: new Page(result, this.#startKey, this.#fetch), result }));
    return this.#first;
  }

  /**
   * The first page with what came with it: the request id (to quote to support) and the HTTP
   * response (status and headers). Shares the request with `await`: asking both sends one.
   *
   * @throws the error of the first page's request (rejected), as awaiting would
   *
   * @example
   * ```ts
   * import { PagePromise } from '@audian/core';
   *
   * declare const users: PagePromise<{ id: string }>; // audian.users.list()
   * const { data: page, requestId, response } = await users.withResponse();
   * console.log(page.data.length, requestId, response?.status);
   * ```
   */
  async withResponse(): Promise<PageWithResponse<T>> {
    const { page, result } = await this.#firstResult();
    return { data: page, requestId: result.requestId ?? result.meta.requestId, response: result.response };
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is deliberately awaitable (first page).
  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  /** Like `Promise.prototype.catch` on the first page. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#firstPage().catch(onrejected);
  }

  /** Like `Promise.prototype.finally` on the first page. */
  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally);
  }

  /** Iterates every page, fetching the next one only when asked for it. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> | undefined = await new Page(await this.#fetch(this.#startKey), this.#startKey, this.#fetch);
    while (page) {
      yield page;
      page = page.hasNextPage() ? await page.getNextPage() : undefined;
    }
  }

  /** Iterates every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    // Not built on iterPages(): there a finished page stays referenced while the next one is
    // fetched and parsed, so V8 copies it through the young generation (and grows that) on every
    // page. Here nothing of a page outlives its last item.
    // A suspended generator keeps every local it holds, so each is cleared once used.
    let key = this.#startKey;
    let items: T[] | undefined;
    let item: T | undefined;
    let yielded = 0;
    do {
      ({ data: items, nextStartKey: key } = new Page(await this.#fetch(key), key, this.#fetch));
      for (let i = 0; i < items.length; i++) {
        item = items[i] as T;
        // The consumer may let go of each item as soon as it moves on.
        items[i] = undefined as T;
        yield item;
        item = undefined;
        if (++yielded === this.#limit) return;
      }
      items = undefined;
    } while (key !== undefined);
  }

  /**
   * Gathers items into an array, stopping after `limit` items (no further page is requested
   * once the limit is reached).
   *
   * @throws InvalidArgumentError when `limit` is not a positive integer
   */
  async toArray(options: { limit?: number } = {}): Promise<T[]> {
    const given = checkLimit(options.limit);
    const out: T[] = [];
    for await (const page of this.iterPages()) {
      // Read after the first page: a deferred listing knows its own limit only then.
      const limit = Math.min(given ?? Number.POSITIVE_INFINITY, this.#limit ?? Number.POSITIVE_INFINITY);
      for (const item of page.data) {
        out.push(item);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}

function checkLimit(limit: number | undefined): number | undefined {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new InvalidArgumentError('limit', `limit must be a positive integer, got ${String(limit)}`);
  }
  return limit;
}

/** Fetches one page of one time window of a split listing (`window`: Gregorian seconds, inclusive). */
export type WindowPageFetcher<T> = (window: readonly [number, number], startKey: string | undefined) => Promise<PageResult<T>>;

const WINDOW_CURSOR = /^cdrw:(\d+):(.*)$/s;

/**
 * A listing of a time range Crossbar cannot answer in one request (CDRs and other time-ranged
 * listings take at most `MAX_RANGE_SECONDS`): window after window, each followed through its
 * pages. Empty windows are skipped rather than shown as empty pages. `nextStartKey` is a cursor of
 * this SDK (window index + Crossbar's key), to pass back as `startKey` with the same range.
 *
 * @param windows - the windows in listing order (see `planWindows`)
 * @throws InvalidArgumentError when `startKey` is not a cursor of a listing of these windows
 *
 * @example
 * ```ts
 * import { planWindows, windowedPages } from '@audian/core';
 *
 * const windows = planWindows({ createdFrom, createdTo }) ?? [];
 * const listing = windowedPages(windows, ([from, to], key) => fetchCdrPage(from, to, key));
 * ```
 */
export function windowedPages<T>(
  windows: readonly (readonly [number, number])[],
  fetchPage: WindowPageFetcher<T>,
  startKey?: string,
  limit?: number,
): PagePromise<T> {
  const decode = (cursor: string): { index: number; key: string | undefined } => {
    const match = typeof cursor === 'string' ? WINDOW_CURSOR.exec(cursor) : null;
    const index = match ? Number(match[1]) : Number.NaN;
    if (!match || index >= windows.length) {
      throw new InvalidArgumentError(
        'startKey',
        'for a range split into windows, startKey must be a nextStartKey returned by a listing of the same range',
      );
    }
    return { index, key: match[2] === '' ? undefined : match[2] };
  };
  if (startKey !== undefined) decode(startKey);
  const fetchWindows = async (cursor: string | undefined): Promise<PageResult<T>> => {
    let { index, key } = cursor === undefined ? { index: 0, key: undefined } : decode(cursor);
    for (;;) {
      const page = await fetchPage(windows[index] as readonly [number, number], key);
      const last = index + 1 >= windows.length;
      if (page.meta.nextStartKey === undefined && page.items.length === 0 && !last) {
        index++;
        key = undefined;
        continue;
      }
      const next =
        page.meta.nextStartKey !== undefined ? `cdrw:${index}:${page.meta.nextStartKey}` : last ? undefined : `cdrw:${index + 1}:`;
      const { nextStartKey: _crossbars, ...meta } = page.meta;
      return {
        items: page.items,
        meta: next === undefined ? meta : { ...meta, nextStartKey: next },
        requestId: page.requestId,
        response: page.response,
      };
    }
  };
  return new PagePromise<T>(fetchWindows, startKey, limit);
}
