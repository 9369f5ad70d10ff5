/**
 * A search (`GET …/search?t=&q=&v=`): `type` the document type (`account`, `user`, `callflow`,
 * `device`, `vmbox`, …), `view` the field searched (`name`, `number`, `realm`, `id`,
 * `name_and_number`, …), `value` what to look for (prefix match).
 */
export interface SearchParams {
  readonly type: string;
  readonly view: string;
  readonly value: string | boolean;
}

/**
 * A multi search (`GET …/search/multi?t=&by_<view>=`): `type` as for {@link SearchParams}, and
 * for each view (`name`, `realm`, `id`, …) the value to look for.
 */
export interface MultiSearchParams {
  readonly type: string;
  readonly by: Readonly<Record<string, string>>;
}

/** One search hit: the document's id and the view's fields (`name`, `realm`, `descendants_count`, …). */
export interface SearchResult {
  readonly id: string;
  readonly [key: string]: unknown;
}
