import {
  assertGregorian,
  type BinaryResponse,
  type CallOptions,
  InvalidArgumentError,
  type ListParams,
  MAX_RANGE_SECONDS,
  PagePromise,
  type PageResult,
  rangeWindows,
  type StandardSchemaV1,
  toGregorianSeconds,
  toListQuery,
} from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { documentCheck, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { Cdr, CdrSummary } from '../schemas/cdrs.js';

const CDRS = 'accounts/{account_id}/cdrs';
const USER_CDRS = 'accounts/{account_id}/users/{user_id}/cdrs';

/** Options of the CDR listings: the usual list params, plus `utcOffset`. */
export interface CdrListParams extends ListParams {
  /** `utc_offset`: seconds added to the rendered times (`datetime`, …) to show local time. */
  readonly utcOffset?: number;
}

/** Options of {@link Cdrs.export}: filters and the time range (no paging: each window is fetched whole). */
export interface CdrExportParams extends Omit<CdrListParams, 'pageSize' | 'startKey' | 'fields'> {
  /** Only this user's calls (`…/users/{USER_ID}/cdrs`). */
  readonly userId?: string;
  /** `file_name`: the name Crossbar puts in `Content-Disposition`. */
  readonly fileName?: string;
}

const schemas = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/cdrs.js');
  return { document: m.CdrSchema, summary: m.CdrSummarySchema };
});
const document = documentCheck(schemas);
const withId = listCheck();
// Interaction and leg rows are not all keyed by `id`; an empty key name skips that check.
const anyObjects = listCheck('');

/**
 * Call detail records: `/v2/accounts/{ACCOUNT_ID}/cdrs`. Crossbar answers at most 31 days (+1 h)
 * per request; a longer `createdFrom`…`createdTo` range is split into consecutive windows and
 * listed window after window, each followed through its pages. Without bounds Crossbar's
 * default (the last 31 days) applies.
 *
 * @example
 * ```ts
 * const from = new Date('2025-01-01Z');
 * const to = new Date('2025-03-31Z');
 * for await (const cdr of audian.cdrs.list({ createdFrom: from, createdTo: to })) console.log(cdr.call_id, cdr.duration_seconds);
 * const csv = await audian.cdrs.export({ createdFrom: from, createdTo: to });
 * ```
 */
export class Cdrs extends ResourceBase {
  /**
   * Lists CDRs (summaries), newest first unless `ascending`; ranges longer than
   * {@link MAX_RANGE_SECONDS} are split into windows transparently. For a split range,
   * `page.nextStartKey` is an SDK cursor (window + Crossbar key) to pass back as `startKey` with
   * the same range.
   * `GET /v2/accounts/{ACCOUNT_ID}/cdrs`
   *
   * @throws InvalidArgumentError for invalid list params (bounds not Dates or Gregorian seconds, `createdFrom` after `createdTo`, …)
   */
  list(params?: CdrListParams, options?: CallOptions): PagePromise<CdrSummary> {
    return this.#windowed<CdrSummary>(CDRS, {}, params, options, withId);
  }

  /**
   * Fetches one CDR. `GET /v2/accounts/{ACCOUNT_ID}/cdrs/{CDR_ID}`
   *
   * @throws NotFoundError when there is no such CDR
   */
  get(cdrId: string, options?: CallOptions): APIPromise<Cdr> {
    return this.call('GET', `${CDRS}/{id}`, { pathParams: { id: cdrId }, options, schema: document });
  }

  /**
   * Lists interactions (calls: the legs that belong together), split into windows like {@link Cdrs.list}.
   * `GET /v2/accounts/{ACCOUNT_ID}/cdrs/interaction`
   *
   * @throws InvalidArgumentError for invalid list params
   */
  interaction(params?: CdrListParams, options?: CallOptions): PagePromise<Record<string, unknown>> {
    return this.#windowed<Record<string, unknown>>(`${CDRS}/interaction`, {}, params, options, anyObjects);
  }

  /**
   * Lists every leg of one interaction (full CDR documents).
   * `GET /v2/accounts/{ACCOUNT_ID}/cdrs/legs/{INTERACTION_ID}`
   */
  legs(interactionId: string, params?: ListParams, options?: CallOptions): PagePromise<Cdr> {
    return this.pages(`${CDRS}/legs/{id}`, params, { pathParams: { id: interactionId }, options, schema: anyObjects });
  }

  /**
   * Totals over a time range (at most one window: {@link MAX_RANGE_SECONDS}).
   * `GET /v2/accounts/{ACCOUNT_ID}/cdrs/summary`
   *
   * @throws InvalidArgumentError (before any request) when the range is longer than Crossbar accepts
   */
  summary(
    params: Pick<ListParams, 'createdFrom' | 'createdTo' | 'query'> = {},
    options?: CallOptions,
  ): APIPromise<Record<string, unknown>> {
    const range = bounds(params);
    if (range.from !== undefined && range.to !== undefined && range.to - range.from > MAX_RANGE_SECONDS) {
      throw new InvalidArgumentError(
        'createdTo',
        `a CDR summary covers at most ${MAX_RANGE_SECONDS} seconds (31 days + 1 hour); ask per window`,
      );
    }
    return this.call('GET', `${CDRS}/summary`, { query: toListQuery(params), options });
  }

  /**
   * Lists one user's CDRs, split into windows like {@link Cdrs.list}.
   * `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/cdrs`
   *
   * @throws InvalidArgumentError for invalid list params
   */
  listByUser(userId: string, params?: CdrListParams, options?: CallOptions): PagePromise<CdrSummary> {
    return this.#windowed<CdrSummary>(USER_CDRS, { user_id: userId }, params, options, withId);
  }

  /**
   * Exports CDRs as CSV (`Accept: text/csv`), one request per window, as one stream: the header
   * line once, then every window's rows. Windows are requested one after the other as the
   * stream is read, so nothing is held in memory beyond a window's first line. Each window is
   * asked for whole (`paginate=false`): a CSV answer carries no `next_start_key`.
   * `GET /v2/accounts/{ACCOUNT_ID}/cdrs` and `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/cdrs`
   *
   * @returns the CSV bytes; the first window's request has been answered when it resolves
   * @throws InvalidArgumentError (before any request) for invalid params
   * @throws ApiError when the first window fails (later failures error the stream)
   */
  async export(params: CdrExportParams = {}, options?: CallOptions): Promise<ReadableStream<Uint8Array>> {
    const { userId, fileName, utcOffset, ...list } = params;
    const path = userId === undefined ? CDRS : USER_CDRS;
    const pathParams = userId === undefined ? {} : { user_id: userId };
    const extra = {
      ...utcQuery(utcOffset),
      ...(fileName !== undefined ? { file_name: checkText(fileName, 'fileName') } : {}),
      paginate: false,
    };
    const plan = plannedWindows(list);
    const windows: ([number, number] | undefined)[] = plan ? ordered(plan, list.ascending) : [undefined];
    const base = withoutRange(list);
    toListQuery(list); // validates every param before the first request
    const fetchWindow = (i: number): Promise<BinaryResponse> => {
      const w = windows[i];
      const query = { ...toListQuery(w ? { ...base, createdFrom: w[0], createdTo: w[1] } : list), ...extra };
      return this.fetchBinary(path, { pathParams, query, accept: 'csv', options });
    };
    return concatCsv(await fetchWindow(0), fetchWindow, windows.length);
  }

  #windowed<T>(
    path: string,
    pathParams: Record<string, string>,
    params: CdrListParams | undefined,
    options: CallOptions | undefined,
    schema: StandardSchemaV1,
  ): PagePromise<T> {
    const { utcOffset, ...list } = params ?? {};
    const query = utcQuery(utcOffset);
    const plan = plannedWindows(list);
    if (!plan) return this.pages<T>(path, list, { pathParams, query, options, schema });
    const windows = ordered(plan, list.ascending);
    const base = withoutRange(list);
    toListQuery(base); // validates the other params now, like a single listing does
    if (list.startKey !== undefined) decodeCursor(list.startKey, windows.length);
    const fetchPage = async (cursor: string | undefined): Promise<PageResult<T>> => {
      let { index, key } = cursor === undefined ? { index: 0, key: undefined } : decodeCursor(cursor, windows.length);
      for (;;) {
        const [from, to] = windows[index] as [number, number];
        const window: ListParams = { ...base, createdFrom: from, createdTo: to, ...(key !== undefined ? { startKey: key } : {}) };
        const page = await this.pages<T>(path, window, { pathParams, query, options, schema });
        const last = index + 1 >= windows.length;
        if (page.nextStartKey === undefined && page.data.length === 0 && !last) {
          // An empty window is skipped at once rather than shown as an empty page.
          index++;
          key = undefined;
          continue;
        }
        const next =
          page.nextStartKey !== undefined ? encodeCursor(index, page.nextStartKey) : last ? undefined : encodeCursor(index + 1, undefined);
        const meta = { ...page.meta };
        if (next === undefined) delete (meta as { nextStartKey?: string }).nextStartKey;
        else (meta as { nextStartKey?: string }).nextStartKey = next;
        return { items: page.data, meta };
      }
    };
    return new PagePromise<T>(fetchPage, list.startKey);
  }
}

const CURSOR = /^cdrw:(\d+):(.*)$/s;

function encodeCursor(index: number, key: string | undefined): string {
  return `cdrw:${index}:${key ?? ''}`;
}

function decodeCursor(cursor: string, count: number): { index: number; key: string | undefined } {
  const match = typeof cursor === 'string' ? CURSOR.exec(cursor) : null;
  const index = match ? Number(match[1]) : Number.NaN;
  if (!match || index >= count) {
    throw new InvalidArgumentError(
      'startKey',
      'for a range split into windows, startKey must be a nextStartKey returned by a listing of the same range',
    );
  }
  return { index, key: match[2] === '' ? undefined : match[2] };
}

/** Gregorian seconds of the range bounds given (validated). */
function bounds(params: Pick<ListParams, 'createdFrom' | 'createdTo'>): { from?: number; to?: number } {
  const out: { from?: number; to?: number } = {};
  if (params.createdFrom !== undefined) out.from = gregorian(params.createdFrom, 'createdFrom');
  if (params.createdTo !== undefined) out.to = gregorian(params.createdTo, 'createdTo');
  if (out.from !== undefined && out.to !== undefined && out.from > out.to) {
    throw new InvalidArgumentError('createdFrom', 'createdFrom is after createdTo');
  }
  return out;
}

function gregorian(value: Date | number, argument: string): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidArgumentError(argument, `${argument} is an invalid Date`);
    return toGregorianSeconds(value);
  }
  assertGregorian(value, argument);
  return Math.floor(value);
}

/**
 * The windows a listing needs, oldest first, or `undefined` when one request does: no bounds
 * (Crossbar's default range), only `createdTo` (Crossbar counts back one window), or a range
 * that fits. With only `createdFrom`, the range ends now.
 */
function plannedWindows(params: ListParams): [number, number][] | undefined {
  const { from, to } = bounds(params);
  if (from === undefined) return undefined;
  const end = to ?? toGregorianSeconds(new Date());
  if (end - from <= MAX_RANGE_SECONDS) return undefined;
  return rangeWindows(from, end);
}

/** Crossbar lists newest first unless `ascending`: windows follow the same order. */
function ordered(windows: [number, number][], ascending: boolean | undefined): [number, number][] {
  return ascending === true ? windows : [...windows].reverse();
}

function withoutRange(params: ListParams): ListParams {
  const { createdFrom: _from, createdTo: _to, startKey: _key, ...rest } = params;
  return rest;
}

function utcQuery(utcOffset: number | undefined): Record<string, number> {
  if (utcOffset === undefined) return {};
  if (!Number.isInteger(utcOffset) || Math.abs(utcOffset) > 86_400) {
    throw new InvalidArgumentError('utcOffset', `utcOffset must be whole seconds between -86400 and 86400, got ${String(utcOffset)}`);
  }
  return { utc_offset: utcOffset };
}

function checkText(value: string, argument: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidArgumentError(argument, `${argument} must be a non-empty string`);
  return value;
}

const NEWLINE = 10;
const CRLF = new Uint8Array([13, 10]);
/** A first line longer than this is not a CSV header; it is passed through rather than held. */
const MAX_HEADER = 64 * 1024;

/**
 * Concatenates the CSV bodies of several windows into one stream, keeping the header line of
 * the first window that has one and dropping the same line at the top of the others. Each
 * window is requested only when the previous one has been read to its end.
 */
function concatCsv(
  first: BinaryResponse,
  fetchWindow: (index: number) => Promise<BinaryResponse>,
  count: number,
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  let index = 0;
  let reader = first.stream().getReader();
  let header: string | undefined;
  let pending: Uint8Array | undefined; // the current window's first line, until it is complete
  let firstLineSettled = false;
  let windowStarted = false;
  let lastByte: number | undefined;

  const settleFirstLine = (line: Uint8Array): Uint8Array | undefined => {
    firstLineSettled = true;
    const text = decoder.decode(line).replace(/\r?\n$/, '');
    if (header === undefined) {
      header = text;
      return line;
    }
    return text === header ? undefined : line;
  };

  /** What of `chunk` goes out, once the first line of the window is known. */
  const take = (chunk: Uint8Array): Uint8Array[] => {
    if (firstLineSettled) return [chunk];
    pending = pending ? concat(pending, chunk) : chunk;
    const at = pending.indexOf(NEWLINE);
    if (at < 0) {
      if (pending.length <= MAX_HEADER) return [];
      firstLineSettled = true;
      const all = pending;
      pending = undefined;
      return [all];
    }
    const line = pending.subarray(0, at + 1);
    const rest = pending.subarray(at + 1);
    pending = undefined;
    const kept = settleFirstLine(line);
    return kept ? [kept, rest] : [rest];
  };

  const emit = (controller: ReadableStreamDefaultController<Uint8Array>, parts: Uint8Array[]): boolean => {
    let sent = false;
    for (const part of parts) {
      if (part.length === 0) continue;
      if (!windowStarted && lastByte !== undefined && lastByte !== NEWLINE) controller.enqueue(CRLF);
      windowStarted = true;
      controller.enqueue(part);
      lastByte = part[part.length - 1];
      sent = true;
    }
    return sent;
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { value, done } = await reader.read();
        if (!done) {
          if (value && value.length > 0 && emit(controller, take(value))) return;
          continue;
        }
        const tail = pending && !firstLineSettled ? settleFirstLine(pending) : undefined;
        pending = undefined;
        const sent = tail ? emit(controller, [tail]) : false;
        index++;
        if (index >= count) {
          controller.close();
          return;
        }
        reader = (await fetchWindow(index)).stream().getReader();
        firstLineSettled = false;
        windowStarted = false;
        if (sent) return;
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export type { Cdr, CdrSummary } from '../schemas/cdrs.js';
