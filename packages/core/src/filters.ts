import { InvalidArgumentError } from './errors/invalid-argument-error';
import { gregorianBound, toGregorianSeconds } from './gregorian';
import { isWellFormed } from './internal/well-formed';

/** A filter value: compared by its string form on the server; an array means "any of" (OR). */
export type FilterValue = string | number | boolean | Date | readonly (string | number | boolean)[];

/** A time bound: a `Date`, or Gregorian seconds. */
export type TimeBound = Date | number;

/** A raw query value; arrays are sent as JSON arrays (Crossbar's list syntax). */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/**
 * Options of every list call: Crossbar's filter grammar, sort direction and paging. Filters run
 * on the server against the full stored document, so they can test fields the list summary does
 * not show (and custom fields). Keys may be dot paths (`caller_id.internal.number`).
 */
export interface ListParams {
  /** `filter_<key>=<value>`: the key equals the value; an array value matches any member (members are sent as strings, as Crossbar compares them). */
  readonly filter?: Readonly<Record<string, FilterValue>>;
  /** `filter_not_<key>=<value>`: the key differs from the value (from every member of an array). */
  readonly filterNot?: Readonly<Record<string, FilterValue>>;
  /** `has_key=<key>`: the key is present. */
  readonly hasKey?: string;
  /** `key_missing=<key>`: the key is absent. */
  readonly keyMissing?: string;
  /** `has_value=<key>`: the key is present and not empty. */
  readonly hasValue?: string;
  /** `value_missing=<key>`: the key is absent or empty. */
  readonly valueMissing?: string;
  /** `created_from`: created at or after (Gregorian seconds on the wire). */
  readonly createdFrom?: TimeBound;
  /** `created_to`: created at or before. */
  readonly createdTo?: TimeBound;
  /** `modified_from`: modified at or after. */
  readonly modifiedFrom?: TimeBound;
  /** `modified_to`: modified at or before. */
  readonly modifiedTo?: TimeBound;
  /** `ascending=true`: oldest first (Crossbar sorts descending by default). */
  readonly ascending?: boolean;
  /** `page_size`: items per page (Crossbar's default is 50). */
  readonly pageSize?: number;
  /** `start_key`: resume from an opaque key a previous page returned. */
  readonly startKey?: string;
  /**
   * The most items to yield across pages (`for await`, `toArray()`); no page is requested once it
   * is reached. Not sent to Crossbar. `await list(…)` still gives the whole first page.
   */
  readonly limit?: number;
  /** `fields=[…]`: ask newer servers for only these fields (sparse listing; `id` is always included). */
  readonly fields?: readonly string[];
  /** Other query parameters, sent as they are (arrays as JSON). */
  readonly query?: Readonly<Record<string, QueryValue>>;
}

/**
 * Query parameter names Crossbar reads for its own purposes. Its parameter lookup searches a
 * document's own keys before the query string, so a document field with one of these names
 * would be taken as a request parameter; filtering on such a field is never what was meant.
 */
export const RESERVED_PARAMETERS: ReadonlySet<string> = new Set([
  'verb',
  'auth_token',
  'accept',
  'accept_charges',
  'page_size',
  'start_key',
  'paginate',
  'pretty_print',
  'ascending',
  'descending',
  'is_chunked',
  'chunk_size',
  'has_key',
  'key_missing',
  'has_value',
  'value_missing',
  'created_from',
  'created_to',
  'modified_from',
  'modified_to',
  'fields',
  'full_docs',
]);

/**
 * Compiles {@link ListParams} into Crossbar query parameters, in a stable order.
 *
 * @throws InvalidArgumentError for an empty or reserved filter key, a non-positive or
 *   non-integer `pageSize`, a time bound that is not a Date or Gregorian seconds
 *
 * @example
 * ```ts
 * import { toListQuery } from '@audian/core';
 *
 * toListQuery({ filter: { device_type: ['sip_device', 'softphone'] }, createdFrom: new Date('2025-02-01Z'), pageSize: 100 });
 * // { filter_device_type: '["sip_device","softphone"]', created_from: '63905587200', page_size: '100' }
 * ```
 */
export function toListQuery(params: ListParams = {}): Record<string, string> {
  if (typeof params !== 'object' || params === null) {
    throw new InvalidArgumentError('params', 'list params must be an object');
  }
  const q: Record<string, string> = {};
  for (const [key, value] of entries(params.filter, 'filter')) q[`filter_${key}`] = filterValue(value, `filter.${key}`);
  for (const [key, value] of entries(params.filterNot, 'filterNot')) q[`filter_not_${key}`] = filterValue(value, `filterNot.${key}`);
  if (params.hasKey !== undefined) q.has_key = checkKey(params.hasKey, 'hasKey');
  if (params.keyMissing !== undefined) q.key_missing = checkKey(params.keyMissing, 'keyMissing');
  if (params.hasValue !== undefined) q.has_value = checkKey(params.hasValue, 'hasValue');
  if (params.valueMissing !== undefined) q.value_missing = checkKey(params.valueMissing, 'valueMissing');
  if (params.createdFrom !== undefined) q.created_from = String(timeBound(params.createdFrom, 'createdFrom'));
  if (params.createdTo !== undefined) q.created_to = String(timeBound(params.createdTo, 'createdTo'));
  if (params.modifiedFrom !== undefined) q.modified_from = String(timeBound(params.modifiedFrom, 'modifiedFrom'));
  if (params.modifiedTo !== undefined) q.modified_to = String(timeBound(params.modifiedTo, 'modifiedTo'));
  checkOrder(q, 'created', 'createdFrom', 'createdTo');
  checkOrder(q, 'modified', 'modifiedFrom', 'modifiedTo');
  if (params.ascending !== undefined) {
    if (typeof params.ascending !== 'boolean') throw new InvalidArgumentError('ascending', 'ascending must be a boolean');
    q.ascending = String(params.ascending);
  }
  if (params.pageSize !== undefined) q.page_size = String(checkPageSize(params.pageSize));
  if (params.startKey !== undefined) {
    if (typeof params.startKey !== 'string' || params.startKey === '')
      throw new InvalidArgumentError('startKey', 'startKey must be a non-empty string returned by a previous page');
    q.start_key = params.startKey;
  }
  if (params.fields !== undefined) {
    if (!Array.isArray(params.fields) || params.fields.some((f) => typeof f !== 'string' || f === '')) {
      throw new InvalidArgumentError('fields', 'fields must be an array of non-empty field names');
    }
    q.fields = JSON.stringify(params.fields);
  }
  for (const [key, value] of Object.entries(params.query ?? {})) {
    const encoded = queryValue(value);
    if (encoded !== undefined) q[key] = encoded;
  }
  return q;
}

/**
 * Validates a page size: a positive integer (Crossbar answers an invalid one with a confusing 404).
 *
 * @throws InvalidArgumentError when it is not a positive integer
 *
 * @example
 * ```ts
 * import { checkPageSize } from '@audian/core';
 *
 * checkPageSize(50); // 50
 * ```
 */
export function checkPageSize(pageSize: number, argument = 'pageSize'): number {
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1) {
    throw new InvalidArgumentError(argument, `${argument} must be a positive integer, got ${String(pageSize)}`);
  }
  return pageSize;
}

/**
 * Encodes one raw query value: arrays as JSON arrays, `null` as `null`, `undefined` skipped.
 *
 * @example
 * ```ts
 * import { queryValue } from '@audian/core';
 *
 * queryValue(['a', 'b']); // '["a","b"]'
 * ```
 */
export function queryValue(value: QueryValue): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

function entries(record: Readonly<Record<string, FilterValue>> | undefined, argument: string): [string, FilterValue][] {
  if (record === undefined) return [];
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InvalidArgumentError(argument, `${argument} must be an object of field → value`);
  }
  return Object.entries(record).map(([key, value]) => [checkKey(key, `${argument}.${key}`), value]);
}

function checkKey(key: string, argument: string): string {
  if (typeof key !== 'string' || key.trim() === '')
    throw new InvalidArgumentError(argument, `${argument}: the field name must be a non-empty string`);
  if (/[\s&=?#]/.test(key))
    throw new InvalidArgumentError(argument, `${argument}: field name ${JSON.stringify(key)} contains a space, "&", "=", "?" or "#"`);
  if (key.split('.').some((part) => part === ''))
    throw new InvalidArgumentError(argument, `${argument}: ${JSON.stringify(key)} has an empty dot-path segment`);
  const first = key.split('.')[0] as string;
  if (RESERVED_PARAMETERS.has(first)) {
    throw new InvalidArgumentError(
      argument,
      `${argument}: "${first}" is a reserved Crossbar parameter name, not a document field (use the dedicated option)`,
      [{ path: argument, code: 'reserved', message: `"${first}" is a reserved Crossbar parameter name` }],
    );
  }
  return key;
}

function filterValue(value: FilterValue, argument: string): string {
  if (value instanceof Date) return String(toGregorianSeconds(value));
  if (
    (typeof value === 'string' && !isWellFormed(value)) ||
    (Array.isArray(value) && value.some((v) => typeof v === 'string' && !isWellFormed(v)))
  ) {
    throw new InvalidArgumentError(argument, `${argument} is not valid Unicode text (it holds a lone surrogate)`);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw new InvalidArgumentError(argument, `${argument}: an empty array matches nothing`);
    for (const v of value) {
      if (!['string', 'number', 'boolean'].includes(typeof v) || (typeof v === 'number' && !Number.isFinite(v)))
        throw new InvalidArgumentError(argument, `${argument}: array members must be strings, finite numbers or booleans`);
    }
    // Crossbar reads the document's value as text (crossbar_filter:should_filter/3 takes
    // kz_json:get_binary_value) and checks it is a member of the decoded list, so a JSON `true` or
    // `5` would never equal "true" or "5": every member goes as a string.
    return JSON.stringify(value.map(String));
  }
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))
    return String(value);
  throw new InvalidArgumentError(
    argument,
    `${argument} must be a string, number, boolean, Date or array, got ${value === null ? 'null' : typeof value}`,
  );
}

function timeBound(value: TimeBound, argument: string): number {
  return gregorianBound(value, argument);
}

function checkOrder(q: Record<string, string>, prefix: string, fromName: string, toName: string): void {
  const from = q[`${prefix}_from`];
  const to = q[`${prefix}_to`];
  if (from !== undefined && to !== undefined && Number(from) > Number(to)) {
    throw new InvalidArgumentError(fromName, `${fromName} is after ${toName}`);
  }
}
