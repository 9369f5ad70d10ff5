import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { Faxbox, FaxboxCreateParams, FaxboxPatchParams, FaxboxSummary } from '../schemas/faxboxes.js';

const SPEC = collection(
  'accounts/{account_id}/faxboxes',
  'faxbox',
  lazy(async () => {
    const m = await import('../schemas/faxboxes.js');
    return { document: m.FaxboxSchema, summary: m.FaxboxSummarySchema };
  }),
);

/**
 * What `Faxboxes.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { FaxboxListParams } from '@audian/resources';
 *
 * const params: FaxboxListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface FaxboxListParams extends ListParams {}

/**
 * The account's faxboxes (virtual fax machines): `/v2/accounts/{ACCOUNT_ID}/faxboxes`.
 *
 * @example
 * ```ts
 * const box = await audian.faxboxes.create({ name: 'Front desk fax', caller_id: '+14155550100' });
 * await audian.faxboxes.patch(box.id, { notifications: { inbound: { email: { send_to: ['desk@example.com'] } } } });
 * ```
 */
export class Faxboxes extends ResourceBase {
  /** Lists the faxboxes (id, name, created, flags). `GET /v2/accounts/{ACCOUNT_ID}/faxboxes` */
  list(params?: FaxboxListParams, options?: CallOptions): PagePromise<FaxboxSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one faxbox. `GET /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}`
   *
   * @throws NotFoundError when there is no such faxbox
   */
  get(faxboxId: string, options?: CallOptions): APIPromise<Faxbox> {
    return this._get(SPEC, faxboxId, options);
  }

  /**
   * Creates a faxbox. `PUT /v2/accounts/{ACCOUNT_ID}/faxboxes`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  create(faxbox: FaxboxCreateParams, options?: CallOptions): APIPromise<Faxbox> {
    return this._create(SPEC, faxbox, options);
  }

  /**
   * Replaces a faxbox (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(faxboxId: string, faxbox: FaxboxCreateParams, options?: CallOptions): APIPromise<Faxbox> {
    return this._update(SPEC, faxboxId, faxbox, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(faxboxId: string, changes: FaxboxPatchParams, options?: CallOptions): APIPromise<Faxbox> {
    return this._patch(SPEC, faxboxId, changes, options);
  }

  /** Deletes a faxbox; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}` */
  delete(faxboxId: string, options?: CallOptions): APIPromise<Faxbox> {
    return this._delete(SPEC, faxboxId, options);
  }
}

export type { Faxbox, FaxboxCreateParams, FaxboxPatchParams, FaxboxSummary } from '../schemas/faxboxes.js';
