import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, documentCheck, ResourceBase } from '../internal/resource-base.js';
import type { Blacklist, BlacklistCreateParams, BlacklistPatchParams, BlacklistSummary } from '../schemas/blacklists.js';

const PATH = 'accounts/{account_id}/blacklists';
const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/blacklists.js');
  return { document: m.BlacklistSchema, summary: m.BlacklistSummarySchema };
});
const PATCH = lazy(async () => {
  const m = await import('../schemas/blacklists.js');
  return { document: m.BlacklistPatchSchema, summary: m.BlacklistSummarySchema };
});
const DOCUMENT = documentCheck(SCHEMAS);

// No _patch: patch() below checks against the patch schema, where `null` entries delete.
const SPEC = collection(PATH, 'blacklist', SCHEMAS);

/**
 * What `Blacklists.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { BlacklistListParams } from '@audian/resources';
 *
 * const params: BlacklistListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface BlacklistListParams extends ListParams {}

/**
 * The account's blacklists (caller id numbers to refuse): `/v2/accounts/{ACCOUNT_ID}/blacklists`.
 * `numbers` is an object keyed by the blocked number.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const spam = await audian.blacklists.create({ name: 'Spam', numbers: { '+14155550199': {} }, should_block_anonymous: true });
 * await audian.blacklists.patch(spam.id, { numbers: { '+14155550123': {} } }); // adds one number
 * await audian.accounts.patch({ blacklists: [spam.id] });
 * ```
 */
export class Blacklists extends ResourceBase {
  /** Lists the blacklists (id, name, flags). `GET /v2/accounts/{ACCOUNT_ID}/blacklists` */
  list(params?: BlacklistListParams, options?: CallOptions): PagePromise<BlacklistSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one blacklist with its numbers. `GET /v2/accounts/{ACCOUNT_ID}/blacklists/{BLACKLIST_ID}`
   *
   * @throws NotFoundError when there is no such blacklist
   */
  get(blacklistId: string, options?: CallOptions): APIPromise<Blacklist> {
    return this._get(SPEC, blacklistId, options);
  }

  /**
   * Creates a blacklist. `PUT /v2/accounts/{ACCOUNT_ID}/blacklists`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  create(blacklist: BlacklistCreateParams, options?: CallOptions): APIPromise<Blacklist> {
    return this._create(SPEC, blacklist, options);
  }

  /**
   * Replaces a blacklist (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/blacklists/{BLACKLIST_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(blacklistId: string, blacklist: BlacklistCreateParams, options?: CallOptions): APIPromise<Blacklist> {
    return this._update(SPEC, blacklistId, blacklist, options);
  }

  /** Deletes a blacklist; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/blacklists/{BLACKLIST_ID}` */
  delete(blacklistId: string, options?: CallOptions): APIPromise<Blacklist> {
    return this._delete(SPEC, blacklistId, options);
  }

  /**
   * Changes some fields (deep merge: numbers are added by key, `null` unblocks one).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/blacklists/{BLACKLIST_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(blacklistId: string, changes: BlacklistPatchParams, options?: CallOptions): APIPromise<Blacklist> {
    return APIPromise.after(this.validate(PATCH, changes, 'patch', 'blacklist'), () =>
      this.call('PATCH', `${PATH}/{id}`, { pathParams: { id: blacklistId }, data: changes, options, schema: DOCUMENT }),
    );
  }
}

export type { Blacklist, BlacklistCreateParams, BlacklistPatchParams, BlacklistSummary } from '../schemas/blacklists.js';
