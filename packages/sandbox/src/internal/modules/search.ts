import { ACCOUNTS, treeOf } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, type JsonObject } from '../json';
import { pageParams, paginateDocs } from '../listing';
import { defineModule, route } from '../sandbox-module';

/** The views of an account database's `_design/search` (`search_by_<view>`). */
const ACCOUNT_VIEWS = ['name', 'number', 'name_and_number'];
/** The views of the accounts database's `_design/search`, used for `t=account`. */
const ACCOUNTS_VIEWS = ['name', 'realm', 'id'];

/** One view row: its key (the normalised text matched by prefix) and its value. */
interface Hit {
  readonly key: string;
  readonly id: string;
  readonly value: JsonObject;
}

/** What the views emit keys as: lower-case letters and digits only. */
function alnum(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The `search_by_name` row of an account-database document (users by first and last name). */
function nameRow(doc: JsonObject): Hit {
  const value: JsonObject = {};
  let key = '';
  let actual = '';
  const first = typeof doc.first_name === 'string' ? doc.first_name : undefined;
  const last = typeof doc.last_name === 'string' ? doc.last_name : undefined;
  if ('first_name' in doc || 'last_name' in doc) {
    value.first_name = alnum(first ?? '');
    value.last_name = alnum(last ?? '');
    key = `${value.first_name}${value.last_name}`;
    actual = [first, last].filter(Boolean).join(' ');
  }
  if (typeof doc.name === 'string') {
    key = alnum(doc.name);
    actual = doc.name;
  } else if (key === '') key = alnum(String(doc._id));
  return { key, id: String(doc._id), value: { ...value, id: doc._id, name: actual || (typeof doc.name === 'string' ? doc.name : key) } };
}

function numberRows(doc: JsonObject, name: unknown): Hit[] {
  if (!Array.isArray(doc.numbers)) return [];
  return doc.numbers
    .filter((n): n is string => typeof n === 'string')
    .map((n) => ({ key: alnum(n), id: String(doc._id), value: compact({ id: doc._id, name, numbers: doc.numbers }) }));
}

/** The rows a view emits for the account's documents of one type. */
function accountRows(engine: Engine, accountId: string, type: string, view: string): Hit[] {
  const out: Hit[] = [];
  for (const { body } of engine.store.children(accountId, type, '')) {
    if (view === 'number') out.push(...numberRows(body, body.name));
    else {
      const row = nameRow(body);
      if (view === 'name_and_number' && Array.isArray(body.numbers)) row.value.numbers = body.numbers;
      out.push(row);
      if (view === 'name_and_number') out.push(...numberRows(body, row.value.name));
    }
  }
  return out;
}

/** The rows of the accounts database's views: the account's descendants. */
function descendantRows(engine: Engine, accountId: string, view: string): Hit[] {
  const accounts = engine.store.allOfType(ACCOUNTS.type);
  return accounts
    .filter((a) => treeOf(a.body).includes(accountId))
    .map(({ id, body }) => {
      const key = view === 'id' ? id : alnum(String((view === 'realm' ? body.realm : body.name) ?? ''));
      const descendants = accounts.filter((a) => treeOf(a.body).includes(id)).length;
      return { key, id, value: compact({ id, descendants_count: descendants, name: body.name, realm: body.realm }) };
    });
}

/** `cb_search`'s `SEARCHABLE`: the `target` of a missing `t`. */
const SEARCHABLE = ['account', 'user', 'callflow', 'device'];

/**
 * Checks `t`, `q` (or the `by_*` views) and `v` as `cb_search` does, with its messages to the
 * letter (`validate_search/2,3,4`, `validate_multi/2`, `validate_query/3`: lower-case but for a
 * multi search's missing `t`); 400 with the first failure.
 */
function views(req: SandboxRequest, multi: boolean): { type: string; searches: [string, string][] } {
  const type = req.query.t;
  const fail = (fields: FieldErrors): never => {
    throw validationError(fields);
  };
  // An empty `t=` is a type (`<<>>`), not a missing one: it passes `validate_search/2` and
  // searches for documents of type `""`, which `_design/search` never emits (`!doc.pvt_type`).
  if (type === undefined) {
    const message = multi ? 'Search needs a document type to search on' : 'search needs a document type to search on';
    return fail({ t: { required: { message, target: SEARCHABLE } } });
  }
  const available = type === 'account' ? ACCOUNTS_VIEWS : ACCOUNT_VIEWS;
  const check = (view: string): void => {
    if (!available.includes(view)) fail({ q: { enum: { message: 'value not found in enumerated list of values', cause: view } } });
  };
  if (multi) {
    const searches = Object.entries(req.query)
      .filter(([k]) => k.startsWith('by_'))
      .map(([k, v]): [string, string] => [k.slice(3), v]);
    if (searches.length === 0) {
      fail({ multi: { enum: { message: 'multi search needs some values to search for', target: available } } });
    }
    for (const [view] of searches) check(view);
    return { type, searches };
  }
  const view = req.query.q;
  if (!view) return fail({ q: { required: { message: 'search needs a view to search in', target: available } } });
  check(view);
  const value = req.query.v;
  if (value === undefined || value === 'false') return fail({ v: { required: { message: 'search needs a value to search for' } } });
  // `v=true` searches with an empty prefix: everything (`validate_search/4`).
  return { type, searches: [[view, value === 'true' ? '' : value]] };
}

/**
 * The rows one search reads. `t=account` reads the accounts database's views keyed by the caller's
 * own account, not the URL's (`cb_search:get_start_key/3` keys them by `cb_context:auth_account_id/1`):
 * the descendants of the account that logged in.
 */
function hits(
  engine: Engine,
  req: SandboxRequest,
  accountId: string,
  type: string,
  view: string,
  value: string,
): { sortKey: string; id: string; doc: JsonObject }[] {
  const prefix = view === 'id' ? value : alnum(value);
  const rows =
    type === 'account' ? descendantRows(engine, req.auth?.accountId ?? accountId, view) : accountRows(engine, accountId, type, view);
  return rows.filter((r) => r.key.startsWith(prefix)).map((r) => ({ sortKey: r.key, id: r.id, doc: r.value }));
}

/**
 * `GET …/search?t=&q=&v=`: a prefix search over one view, in key order (ascending), paged.
 * Values are normalised like the view keys (lower-case letters and digits).
 */
function search(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const { type, searches } = views(req, false);
  const [view, value] = searches[0] as [string, string];
  const params = { ...pageParams(req), direction: 'ascending' as const };
  const page = paginateDocs(hits(engine, req, accountId, type, view, value), params, undefined, (doc) => doc);
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/** `GET …/search/multi?t=&by_<view>=<value>`: every view's hits, unpaged, keyed by view. */
function multiSearch(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const { type, searches } = views(req, true);
  const data: JsonObject = {};
  for (const [view, value] of searches) data[view] = hits(engine, req, accountId, type, view, value).map((h) => h.doc);
  return { data, envelope: { revision: 'automatic' } };
}

/**
 * `GET /v2/search` and `/v2/search/multi`, no account in the URL: `cb_search:authorize/1` only asks
 * for a login. `t=account` reads the accounts database (`validate_search/2` names it), so it searches
 * the login's descendants as under an account. A missing `t` is the usual 400 on `t`. Any other type,
 * an empty `t=` included, has no database: `available_query_options/1` opens `_design/search` in an undefined database and
 * `kzs_util:to_database/1` crashes; `kazoo_bindings` swallows the crash, leaving the context
 * `api_util:validate_data/2` marked `fatal` with no error code, which `cb_context:import_errors/1`
 * turns into 500 `generic_error` without `data`.
 */
function unscoped(engine: Engine, req: SandboxRequest, multi: boolean): Reply {
  const type = req.query.t;
  if (type !== undefined && type !== 'account') throw new CrossbarError(500, 'generic_error', undefined);
  return multi ? multiSearch(engine, req, '') : search(engine, req, '');
}

/** `cb_search`: searches the account's documents by type and field prefix. */
export const searchModule = defineModule({
  name: 'search',
  routes: [
    route('search', ['GET'], ({ engine, req }) => unscoped(engine, req, false)),
    route('search/multi', ['GET'], ({ engine, req }) => unscoped(engine, req, true)),
    route('accounts/:account/search', ['GET'], ({ engine, req, accountId }) => search(engine, req, accountId)),
    route('accounts/:account/search/multi', ['GET'], ({ engine, req, accountId }) => multiSearch(engine, req, accountId)),
  ],
});
