import { getPath, isObject, type JsonObject } from './json';

/** A compiled query-string filter: true when the stored document passes every condition. */
export type DocFilter = (doc: JsonObject) => boolean;

const TIME_KEYS = new Set(['created_from', 'created_to', 'modified_from', 'modified_to']);

/** Whether a query parameter is one of Crossbar's filter keys (`crossbar_filter:is_filter_key/1`). */
export function isFilterKey(key: string): boolean {
  return (
    key.startsWith('filter_') ||
    key.startsWith('has_key') ||
    key.startsWith('key_missing') ||
    key.startsWith('has_value') ||
    key.startsWith('value_missing') ||
    TIME_KEYS.has(key)
  );
}

/**
 * The string form Crossbar compares (`kz_json:get_binary_value/3`, default `<<>>`): a missing key
 * is the empty string, `true`/`42` compare as `"true"`/`"42"`. Objects have no string form, so
 * such a comparison never matches.
 */
function stringForm(value: unknown): string | undefined {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('');
  return undefined;
}

/** A filter value, decoded once: `should_filter/2` also accepts a JSON array (any member) or a JSON string. */
interface Expected {
  readonly raw: string;
  readonly decoded: unknown;
}

const NOT_JSON = Symbol('not json');

function expected(raw: string): Expected {
  const text = raw.trim();
  // Only arrays and strings can ever match after decoding; skip the parse for everything else.
  if (!text.startsWith('[') && !text.startsWith('"')) return { raw, decoded: NOT_JSON };
  try {
    return { raw, decoded: JSON.parse(text) };
  } catch {
    return { raw, decoded: NOT_JSON };
  }
}

/** `should_filter/2`: equal string forms, or the filter value is a JSON array holding the value, or a JSON string equal to it. */
function matches(docValue: unknown, wanted: Expected): boolean {
  const actual = stringForm(docValue);
  if (actual === undefined) return false;
  if (actual === wanted.raw) return true;
  const decoded = wanted.decoded;
  if (Array.isArray(decoded)) return decoded.some((member) => member === actual);
  return decoded === actual;
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

function bound(value: string, stamp: unknown, test: (doc: number, query: number) => boolean): boolean {
  if (!/^-?\d+$/.test(value.trim())) return false; // kz_term:to_integer throws: the document is dropped
  if (typeof stamp !== 'number') return false;
  return test(stamp, Number.parseInt(value, 10));
}

/**
 * Compiles the filter parameters of a query string (`crossbar_filter.erl`): `filter_KEY`,
 * `filter_not_KEY`, `has_key`, `key_missing`, `has_value`, `value_missing`, `created_from/to`,
 * `modified_from/to`. Conditions are ANDed; keys are dot paths into the stored document (private
 * fields included, as Crossbar filters the full document). Returns `undefined` when the query has
 * no filter, so listings skip the work.
 */
export function compileFilter(query: Readonly<Record<string, string>>, timeKeys = true): DocFilter | undefined {
  const tests: DocFilter[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('filter_not_')) {
      const path = key.slice('filter_not_'.length);
      const wanted = expected(value);
      tests.push((doc) => !matches(getPath(doc, path), wanted));
    } else if (key.startsWith('filter_')) {
      const path = key.slice('filter_'.length);
      const wanted = expected(value);
      tests.push((doc) => matches(getPath(doc, path), wanted));
    } else if (key === 'has_key') {
      tests.push((doc) => getPath(doc, value) !== undefined);
    } else if (key === 'key_missing') {
      tests.push((doc) => getPath(doc, value) === undefined);
    } else if (key === 'has_value') {
      tests.push((doc) => hasValue(getPath(doc, value)));
    } else if (key === 'value_missing') {
      tests.push((doc) => !hasValue(getPath(doc, value)));
    } else if (timeKeys && key === 'created_from') {
      tests.push((doc) => bound(value, doc.pvt_created, (d, q) => q <= d));
    } else if (timeKeys && key === 'created_to') {
      tests.push((doc) => bound(value, doc.pvt_created, (d, q) => q >= d));
    } else if (timeKeys && key === 'modified_from') {
      tests.push((doc) => bound(value, doc.pvt_modified, (d, q) => q <= d));
    } else if (timeKeys && key === 'modified_to') {
      tests.push((doc) => bound(value, doc.pvt_modified, (d, q) => q >= d));
    }
  }
  if (tests.length === 0) return undefined;
  return (doc) => {
    for (const test of tests) {
      try {
        if (!test(doc)) return false;
      } catch {
        return false;
      }
    }
    return true;
  };
}
