import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { MultiSearchParams, SearchParams, SearchResult } from '../schemas/search.js';

const SEARCH = 'accounts/{account_id}/search';

/**
 * Prefix search over the account's documents by indexed field:
 * `/v2/accounts/{ACCOUNT_ID}/search` and `…/search/multi`.
 *
 * @example
 * ```ts
 * for await (const hit of audian.search.query({ type: 'callflow', view: 'number', value: '10' })) console.log(hit.id, hit.name);
 * const byField = await audian.search.multi({ type: 'account', by: { name: 'acme', realm: 'acme' } });
 * ```
 */
export class Search extends ResourceBase {
  /**
   * Finds documents of `type` whose `view` field starts with `value`.
   * `GET /v2/accounts/{ACCOUNT_ID}/search?t={TYPE}&q={VIEW}&v={VALUE}`
   *
   * @throws InvalidArgumentError (before any request) when `type`, `view` or `value` is missing
   */
  query(search: SearchParams, params?: ListParams, options?: CallOptions): PagePromise<SearchResult> {
    const t = text(search?.type, 'type');
    const q = text(search?.view, 'view');
    if (typeof search.value !== 'boolean') text(search.value, 'value');
    return this.pages(SEARCH, params, { query: { t, q, v: search.value }, options, schema: listCheck() });
  }

  /**
   * Searches several fields at once; the answer maps each field to its hits.
   * `GET /v2/accounts/{ACCOUNT_ID}/search/multi?t={TYPE}&by_{VIEW}={VALUE}`
   *
   * @throws InvalidArgumentError (before any request) when `type` is missing or `by` is empty
   */
  multi(search: MultiSearchParams, options?: CallOptions): APIPromise<Record<string, SearchResult[]>> {
    const query: Record<string, string> = { t: text(search?.type, 'type') };
    const entries = Object.entries(search.by ?? {});
    if (entries.length === 0) throw new InvalidArgumentError('by', 'by must name at least one field to search');
    for (const [view, value] of entries) {
      if (!/^[a-z0-9_]+$/i.test(view)) throw new InvalidArgumentError(`by.${view}`, `by: ${JSON.stringify(view)} is not a field name`);
      query[`by_${view}`] = text(value, `by.${view}`);
    }
    return this.call('GET', `${SEARCH}/multi`, { query, options });
  }
}

function text(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value === '') throw new InvalidArgumentError(argument, `${argument} must be a non-empty string`);
  return value;
}

export type { MultiSearchParams, SearchParams, SearchResult } from '../schemas/search.js';
