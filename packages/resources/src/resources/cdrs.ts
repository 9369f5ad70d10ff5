import {
  type BinaryResponse,
  type CallOptions,
  concatCsvWindows,
  gregorianBound,
  InvalidArgumentError,
  type ListParams,
  MAX_RANGE_SECONDS,
  type PagePromise,
  planWindows,
  type StandardSchemaV1,
  toListQuery,
  windowedPages,
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

/** One interaction of `cdrs.interaction()`: the legs of a call that belong together. */
export type CdrInteraction = Record<string, unknown>;

/** What `cdrs.summary()` answers: totals over the range. */
export type CdrTotals = Record<string, unknown>;

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
  interaction(params?: CdrListParams, options?: CallOptions): PagePromise<CdrInteraction> {
    return this.#windowed<CdrInteraction>(`${CDRS}/interaction`, {}, params, options, anyObjects);
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
  summary(params: Pick<ListParams, 'createdFrom' | 'createdTo' | 'query'> = {}, options?: CallOptions): APIPromise<CdrTotals> {
    const from = params.createdFrom === undefined ? undefined : gregorianBound(params.createdFrom, 'createdFrom');
    const to = params.createdTo === undefined ? undefined : gregorianBound(params.createdTo, 'createdTo');
    if (from !== undefined && to !== undefined && to - from > MAX_RANGE_SECONDS) {
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
    const windows: (readonly [number, number] | undefined)[] = planWindows(list) ?? [undefined];
    const { createdFrom: _from, createdTo: _to, ...rest } = list;
    toListQuery(list); // checks every param before the first request
    const fetchWindow = (i: number): Promise<BinaryResponse> => {
      const w = windows[i];
      const query = { ...toListQuery(w ? { ...rest, createdFrom: w[0], createdTo: w[1] } : list), ...extra };
      return this.fetchBinary(path, { pathParams, query, accept: 'csv', options });
    };
    return concatCsvWindows(await fetchWindow(0), fetchWindow, windows.length);
  }

  /** A listing split into windows when its range is longer than Crossbar answers (core's `planWindows`, `windowedPages`). */
  #windowed<T>(
    path: string,
    pathParams: Record<string, string>,
    params: CdrListParams | undefined,
    options: CallOptions | undefined,
    schema: StandardSchemaV1,
  ): PagePromise<T> {
    const { utcOffset, ...whole } = params ?? {};
    const { startKey, limit, ...list } = whole;
    const query = utcQuery(utcOffset);
    const windows = planWindows(list);
    if (!windows) return this.pages<T>(path, whole, { pathParams, query, options, schema });
    const { createdFrom: _from, createdTo: _to, ...rest } = list;
    toListQuery(rest); // checks the other params now, as a single listing does
    return windowedPages<T>(
      windows,
      async ([from, to], key) => {
        const {
          data: page,
          requestId,
          response,
        } = await this.pages<T>(
          path,
          { ...rest, createdFrom: from, createdTo: to, ...(key !== undefined ? { startKey: key } : {}) },
          { pathParams, query, options, schema },
        ).withResponse();
        return { items: page.data, meta: page.meta, requestId, response };
      },
      startKey,
      limit,
    );
  }
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

export type { Cdr, CdrSummary } from '../schemas/cdrs.js';
