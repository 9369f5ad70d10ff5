import type { FilterValue, ListParams } from '@audian/core';
import { UsageError } from './cli-error';

/** The listing flags as commander parses them. */
export interface ListFlags {
  readonly filter?: readonly string[];
  readonly has?: string;
  readonly missing?: string;
  readonly createdFrom?: string;
  readonly createdTo?: string;
  readonly modifiedFrom?: string;
  readonly modifiedTo?: string;
  readonly pageSize?: number;
  readonly ascending?: boolean;
  readonly all?: boolean;
  readonly limit?: number;
}

/**
 * Turns the listing flags into the SDK's list params: `--filter key=value` → `filter_key`,
 * `key!=value` → `filter_not_key`, a JSON array value (`key=["a","b"]`) matches any member,
 * `--has`/`--missing` → `has_key`/`key_missing`, ISO dates → `Date` (sent as Gregorian seconds).
 *
 * @throws UsageError for a malformed filter, a repeated key, an invalid date, or `--all` with `--limit`
 */
export function toListParams(flags: ListFlags): ListParams {
  if (flags.all && flags.limit !== undefined) throw new UsageError('--all and --limit cannot be used together');
  const filter: Record<string, FilterValue> = {};
  const filterNot: Record<string, FilterValue> = {};
  for (const text of flags.filter ?? []) {
    const at = text.indexOf('=');
    if (at <= 0) throw new UsageError(`--filter: expected key=value or key!=value, got ${JSON.stringify(text)}`);
    let key = text.slice(0, at).trim();
    const target = key.endsWith('!') ? filterNot : filter;
    if (key.endsWith('!')) key = key.slice(0, -1).trim();
    if (key === '') throw new UsageError(`--filter: missing field name in ${JSON.stringify(text)}`);
    if (Object.hasOwn(filter, key) || Object.hasOwn(filterNot, key)) {
      throw new UsageError(`--filter: ${key} is given twice; to match any of several values use ${key}=["a","b"]`);
    }
    target[key] = filterValue(text.slice(at + 1), text);
  }
  // A small --limit needs no more than one page of that size.
  const pageSize = flags.pageSize ?? (flags.limit !== undefined && flags.limit <= 100 ? flags.limit : undefined);
  return {
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(Object.keys(filterNot).length ? { filterNot } : {}),
    ...(flags.has !== undefined ? { hasKey: flags.has } : {}),
    ...(flags.missing !== undefined ? { keyMissing: flags.missing } : {}),
    ...(flags.createdFrom !== undefined ? { createdFrom: isoDate('--created-from', flags.createdFrom) } : {}),
    ...(flags.createdTo !== undefined ? { createdTo: isoDate('--created-to', flags.createdTo) } : {}),
    ...(flags.modifiedFrom !== undefined ? { modifiedFrom: isoDate('--modified-from', flags.modifiedFrom) } : {}),
    ...(flags.modifiedTo !== undefined ? { modifiedTo: isoDate('--modified-to', flags.modifiedTo) } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(flags.ascending ? { ascending: true } : {}),
  };
}

function filterValue(value: string, text: string): FilterValue {
  if (!value.trimStart().startsWith('[')) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new UsageError(`--filter ${text}: the value starts with "[" but is not a JSON array (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.some((v) => !['string', 'number', 'boolean'].includes(typeof v))) {
    throw new UsageError(`--filter ${text}: an OR filter is a non-empty JSON array of strings, numbers or booleans`);
  }
  return parsed as (string | number | boolean)[];
}

/**
 * Parses an ISO-8601 date or date-time (`2026-01-31`, `2026-01-31T12:00:00Z`).
 *
 * @throws UsageError naming `option` for anything else
 */
export function isoDate(option: string, text: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`${option}: expected an ISO date such as 2026-01-31 or 2026-01-31T12:00:00Z, got ${JSON.stringify(text)}`);
  return date;
}
