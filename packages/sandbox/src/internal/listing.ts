import { param, type Reply, type SandboxRequest } from './context';
import { faultyRequest, validationError } from './crossbar-error';
import type { Engine } from './engine';
import { compileFilter, type DocFilter } from './filters';
import type { JsonObject } from './json';
import type { ResourceDef } from './resource-def';
import type { Direction, ListRow } from './store';

/** Crossbar's default page size (`crossbar.pagination_page_size`). */
export const DEFAULT_PAGE_SIZE = 50;

/** How a listing request pages. */
export interface PageParams {
  readonly paginate: boolean;
  readonly pageSize: number;
  readonly direction: Direction;
  /** The decoded cursor, inclusive. */
  readonly from: readonly [string | number, string] | undefined;
  /** The `start_key` as the client sent it (echoed in the envelope). */
  readonly startKey: string | undefined;
}

function truthy(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** `kz_term:to_integer/1`: an integer, or a float truncated; anything else is not a number. */
function toInteger(raw: string): number | undefined {
  const text = raw.trim();
  if (/^[+-]?\d+$/.test(text)) return Number.parseInt(text, 10);
  if (/^[+-]?\d+\.\d+(e[+-]?\d+)?$/i.test(text)) return Math.trunc(Number.parseFloat(text));
  return undefined;
}

/** base64url of the JSON `[sort key, id]` of the first item of a page: opaque to clients. */
export function encodeCursor(sortKey: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/** Reads a `start_key`; Crossbar falls back to the raw string when it is not an encoded key. */
export function decodeCursor(raw: string, direction: Direction): readonly [string | number, string] {
  if (/^[A-Za-z0-9_-]+$/.test(raw)) {
    try {
      const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
      if (
        Array.isArray(value) &&
        value.length === 2 &&
        (typeof value[0] === 'string' || typeof value[0] === 'number') &&
        typeof value[1] === 'string'
      ) {
        return [value[0], value[1]];
      }
    } catch {
      // not one of ours: use it as a raw key below
    }
  }
  return [raw, direction === 'ascending' ? '' : '\uffff'];
}

/** Parses paging parameters (`crossbar_view`): 404 `faulty_request` for an invalid `page_size`. */
export function pageParams(req: SandboxRequest): PageParams {
  const paginate = truthy(param(req, 'paginate')) !== false;
  const descending = truthy(req.query.descending) === true || truthy(req.query.ascending) !== true;
  const direction: Direction = descending ? 'descending' : 'ascending';
  let pageSize = Number.POSITIVE_INFINITY;
  if (paginate) {
    const raw = param(req, 'page_size');
    pageSize = DEFAULT_PAGE_SIZE;
    if (raw !== undefined) {
      const n = toInteger(raw);
      if (n === undefined) throw faultyRequest('invalid page size');
      if (n < 1) throw faultyRequest('page size must be at least 1');
      pageSize = n;
    }
  }
  const startKey = paginate ? param(req, 'start_key') : undefined;
  return {
    paginate,
    pageSize,
    direction,
    startKey,
    from: startKey === undefined || startKey === '' ? undefined : decodeCursor(startKey, direction),
  };
}

/** One page of a listing, ready for the envelope. */
export interface Page<T> {
  readonly items: T[];
  readonly envelope: JsonObject;
}

/**
 * Walks rows in view order, keeps those the filter accepts, and stops one past the page: that
 * extra item's key is the `next_start_key` (absent on the last page). Filters run on the full
 * stored document, so a page is always full unless the data ran out.
 */
export function paginate<T>(
  rows: Iterable<ListRow>,
  params: PageParams,
  filter: DocFilter | undefined,
  map: (doc: JsonObject) => T | undefined,
): Page<T> {
  const items: T[] = [];
  let next: string | undefined;
  for (const row of rows) {
    const doc = row.doc();
    if (filter && !filter(doc)) continue;
    if (items.length >= params.pageSize) {
      next = encodeCursor(row.sortKey, row.id);
      break;
    }
    const item = map(doc);
    if (item !== undefined) items.push(item);
  }
  const envelope: JsonObject = {};
  if (params.paginate) {
    envelope.page_size = items.length;
    if (params.startKey !== undefined) envelope.start_key = params.startKey;
    if (next !== undefined) envelope.next_start_key = next;
  }
  return { items, envelope };
}

/** Paginates an in-memory, already-sorted list of documents (account trees, registrations). */
export function paginateDocs<T>(
  docs: readonly { sortKey: string | number; id: string; doc: JsonObject }[],
  params: PageParams,
  filter: DocFilter | undefined,
  map: (doc: JsonObject) => T | undefined,
): Page<T> {
  const collator = (a: string | number, b: string | number): number => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'number') return -1;
    if (typeof b === 'number') return 1;
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const sign = params.direction === 'ascending' ? 1 : -1;
  const sorted = [...docs].sort((a, b) => sign * (collator(a.sortKey, b.sortKey) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const from = params.from;
  const start = from
    ? sorted.findIndex((d) => {
        const c = collator(d.sortKey, from[0]) || (d.id < from[1] ? -1 : d.id > from[1] ? 1 : 0);
        return sign * c >= 0;
      })
    : 0;
  const rows = (start < 0 ? [] : sorted.slice(start)).map((d) => ({ id: d.id, sortKey: d.sortKey, doc: () => d.doc }));
  return paginate(rows, params, filter, map);
}

/** How many rows to read for a page: one past the page, or all of them when a filter may drop some. */
export function rowLimit(params: PageParams, filter: DocFilter | undefined): number {
  return filter || !Number.isFinite(params.pageSize) ? -1 : params.pageSize + 1;
}

/** The filter for a listing request (`undefined` when there is none). */
export function listFilter(req: SandboxRequest): DocFilter | undefined {
  return compileFilter(req.query);
}

/** Crossbar's `maximum_range`: 31 days and one hour. */
export const MAX_RANGE = 2_682_000;

function timeParam(req: SandboxRequest, key: string, fallback: number): number {
  const raw = param(req, key);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw validationError({ [key]: { type: { message: 'Value did not match type(s): integer', target: 'integer', value: raw } } });
  }
  return Number.parseInt(raw, 10);
}

/** `created_from`/`created_to` for a ranged listing: defaults to the last 31 days; 400 `date_range` beyond. */
export function timeRange(req: SandboxRequest, now: number): { from: number; to: number } {
  const to = timeParam(req, 'created_to', now);
  const from = timeParam(req, 'created_from', to - MAX_RANGE);
  if (to - from < 0) {
    throw validationError({ created_from: { date_range: { message: `created_to ${to} is prior to created_from ${from}`, cause: from } } });
  }
  if (to - from > MAX_RANGE) {
    throw validationError({
      created_from: { date_range: { message: `created_to ${to} is more than ${MAX_RANGE} seconds from created_from ${from}`, cause: to } },
    });
  }
  return { from, to };
}

/** A listing over a time range (`created_from`/`created_to`, as `cb_modules_util:range_modb_view_options`), paged. */
export function rangedListing(
  engine: Engine,
  req: SandboxRequest,
  accountId: string,
  def: ResourceDef,
  keep: (doc: JsonObject) => boolean = () => true,
): Reply {
  const { from, to } = timeRange(req, engine.clock.gregorian());
  const params = pageParams(req);
  const filter = listFilter(req);
  const start: readonly [number, string] = params.direction === 'descending' ? [to, '\uffff'] : [from, ''];
  const page = paginate(
    engine.store.rows(accountId, def.type, '', params.direction, params.from ?? start),
    params,
    (doc) => {
      const created = Number(doc.pvt_created);
      return created >= from && created <= to && keep(doc) && (!filter || filter(doc));
    },
    (doc) => def.summary(doc),
  );
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}
