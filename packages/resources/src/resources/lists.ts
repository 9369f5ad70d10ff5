import type { BinaryResponse, CallOptions, ListParams, PagePromise, RawBody } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { CTX, collection, documentCheck, ResourceBase, type ResourceContext } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type {
  List,
  ListCreateParams,
  ListEntry,
  ListEntryCreateParams,
  ListEntryPatchParams,
  ListEntrySummary,
  ListPatchParams,
  ListSummary,
} from '../schemas/lists.js';

const LISTS = 'accounts/{account_id}/lists';
const ENTRIES = `${LISTS}/{list_id}/entries`;
const ENTRY = `${ENTRIES}/{entry_id}`;

const ENTRY_SCHEMAS = lazy(async () => {
  const m = await import('../schemas/lists.js');
  return { document: m.ListEntrySchema, summary: m.ListEntrySummarySchema };
});
const ENTRY_DOCUMENT = documentCheck(ENTRY_SCHEMAS);
const ROWS = listCheck('');

/**
 * The entries listing answers raw view rows (`{ id, key, value: { number, … } }`); each becomes
 * the entry summary with its `id`. (A filtered listing may answer whole documents: their `_id`
 * becomes `id`.)
 */
function flattenRows(data: unknown): ListEntrySummary[] {
  if (!Array.isArray(data)) return data as never;
  return data.map((row: Record<string, unknown>) => {
    const value = row.value;
    if (value !== null && typeof value === 'object') return { ...(value as object), id: row.id } as ListEntrySummary;
    return (row.id === undefined && typeof row._id === 'string' ? { ...row, id: row._id } : row) as ListEntrySummary;
  });
}

/**
 * What `ListEntries.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { ListEntryListParams } from '@audian/resources';
 *
 * const params: ListEntryListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface ListEntryListParams extends ListParams {}

/**
 * The entries of one match list: `/v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries`. Get one
 * with `audian.lists.entries(listId)`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const vip = createAudian({ auth }).lists.entries(listId);
 * await vip.create({ number: '+14155550100', displayname: 'Ada Lovelace' });
 * for await (const entry of vip.list()) console.log(entry.number ?? entry.pattern);
 * ```
 */
export class ListEntries extends ResourceBase {
  /** The list these entries belong to. */
  protected readonly listId: string;

  constructor(ctx: ResourceContext, listId: string) {
    super(ctx);
    this.listId = listId;
  }

  /** Lists the entries (number, pattern, prefix, name, type…). `GET /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries` */
  list(params?: ListEntryListParams, options?: CallOptions): PagePromise<ListEntrySummary> {
    return this.pages(ENTRIES, params, { pathParams: { list_id: this.listId }, options, schema: ROWS, items: flattenRows });
  }

  /**
   * Fetches one entry. `GET /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries/{LIST_ENTRY_ID}`
   *
   * @throws NotFoundError when there is no such entry
   */
  get(entryId: string, options?: CallOptions): APIPromise<ListEntry> {
    return this.call('GET', ENTRY, { pathParams: this.#entry(entryId), options, schema: ENTRY_DOCUMENT });
  }

  /**
   * Adds an entry (Crossbar sets its `list_id`). `PUT /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   */
  create(entry: ListEntryCreateParams, options?: CallOptions): APIPromise<ListEntry> {
    return APIPromise.after(this.validate(ENTRY_SCHEMAS, entry, 'full', 'list entry'), () =>
      this.call('PUT', ENTRIES, { pathParams: { list_id: this.listId }, data: entry, options, schema: ENTRY_DOCUMENT }),
    );
  }

  /**
   * Replaces an entry (fields not sent are deleted; `list_id` is filled in from the list when
   * missing, as Crossbar requires it). `POST /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries/{LIST_ENTRY_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(entryId: string, entry: ListEntryCreateParams, options?: CallOptions): APIPromise<ListEntry> {
    return APIPromise.after(this.validate(ENTRY_SCHEMAS, entry, 'full', 'list entry'), () => {
      const data = entry.list_id === undefined ? { ...entry, list_id: this.listId } : entry;
      return this.call('POST', ENTRY, { pathParams: this.#entry(entryId), data, options, schema: ENTRY_DOCUMENT });
    });
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries/{LIST_ENTRY_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(entryId: string, changes: ListEntryPatchParams, options?: CallOptions): APIPromise<ListEntry> {
    return APIPromise.after(this.validate(ENTRY_SCHEMAS, changes, 'patch', 'list entry'), () =>
      this.call('PATCH', ENTRY, { pathParams: this.#entry(entryId), data: changes, options, schema: ENTRY_DOCUMENT }),
    );
  }

  /** Deletes an entry; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries/{LIST_ENTRY_ID}` */
  delete(entryId: string, options?: CallOptions): APIPromise<ListEntry> {
    return this.call('DELETE', ENTRY, { pathParams: this.#entry(entryId), options });
  }

  /** Deletes every entry of the list (the list stays). `DELETE /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries` */
  deleteAll(options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', ENTRIES, { pathParams: { list_id: this.listId }, options });
  }

  /**
   * The entry as a vCard (`text/x-vcard`). `GET /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries/{LIST_ENTRY_ID}/vcard`
   */
  vcard(entryId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${ENTRY}/vcard`, { pathParams: this.#entry(entryId), accept: 'text/x-vcard', options });
  }

  /**
   * Uploads the entry's photo (raw image bytes). `POST /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}/entries/{LIST_ENTRY_ID}/photo`
   *
   * @param contentType - the image's media type (`image/png`, `image/jpeg`…)
   */
  uploadPhoto(entryId: string, image: RawBody, contentType: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${ENTRY}/photo`, { pathParams: this.#entry(entryId), body: image, contentType, options });
  }

  #entry(entryId: string): { list_id: string; entry_id: string } {
    return { list_id: this.listId, entry_id: entryId };
  }
}

const SPEC = collection(
  LISTS,
  'list',
  lazy(async () => {
    const m = await import('../schemas/lists.js');
    return { document: m.ListSchema, summary: m.ListSummarySchema };
  }),
);

/**
 * What `Lists.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { ListListParams } from '@audian/resources';
 *
 * const params: ListListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface ListListParams extends ListParams {}

/**
 * The account's match lists: `/v2/accounts/{ACCOUNT_ID}/lists`; their entries through
 * `entries(listId)`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const vip = await audian.lists.create({ name: 'VIP callers' });
 * await audian.lists.entries(vip.id).create({ number: '+14155550100' });
 * ```
 */
export class Lists extends ResourceBase {
  /** Lists the lists (id, name, description, list_type). `GET /v2/accounts/{ACCOUNT_ID}/lists` */
  list(params?: ListListParams, options?: CallOptions): PagePromise<ListSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one list (without its entries). `GET /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}`
   *
   * @throws NotFoundError when there is no such list
   */
  get(listId: string, options?: CallOptions): APIPromise<List> {
    return this._get(SPEC, listId, options);
  }

  /**
   * Creates a list (empty: add entries next). `PUT /v2/accounts/{ACCOUNT_ID}/lists`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  create(list: ListCreateParams, options?: CallOptions): APIPromise<List> {
    return this._create(SPEC, list, options);
  }

  /**
   * Replaces a list's properties (its entries stay). `POST /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(listId: string, list: ListCreateParams, options?: CallOptions): APIPromise<List> {
    return this._update(SPEC, listId, list, options);
  }

  /**
   * Changes some properties (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(listId: string, changes: ListPatchParams, options?: CallOptions): APIPromise<List> {
    return this._patch(SPEC, listId, changes, options);
  }

  /** Deletes a list and its entries. `DELETE /v2/accounts/{ACCOUNT_ID}/lists/{LIST_ID}` */
  delete(listId: string, options?: CallOptions): APIPromise<List> {
    return this._delete(SPEC, listId, options);
  }

  /** The entries of one list (no request until a method is called). */
  entries(listId: string): ResourceMethods<ListEntries> {
    return new ListEntries(this[CTX], listId);
  }
}

export type {
  List,
  ListCreateParams,
  ListEntry,
  ListEntryCreateParams,
  ListEntryPatchParams,
  ListEntrySummary,
  ListPatchParams,
  ListSummary,
} from '../schemas/lists.js';
