import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { crud } from '../internal/crud.js';
import { lazy } from '../internal/lazy.js';
import type { Faxbox, FaxboxCreateParams, FaxboxPatchParams, FaxboxSummary } from '../schemas/faxboxes.js';

/**
 * The account's faxboxes (virtual fax machines): `/v2/accounts/{ACCOUNT_ID}/faxboxes`.
 *
 * @example
 * ```ts
 * const box = await audian.faxboxes.create({ name: 'Front desk fax', caller_id: '+14155550100' });
 * await audian.faxboxes.patch(box.id, { notifications: { inbound: { email: { send_to: ['desk@example.com'] } } } });
 * ```
 */
export class Faxboxes extends crud({
  path: 'accounts/{account_id}/faxboxes',
  what: 'faxbox',
  verbs: ['list', 'get', 'create', 'update', 'patch', 'remove'],
  schemas: lazy(async () => {
    const m = await import('../schemas/faxboxes.js');
    return { document: m.FaxboxSchema, summary: m.FaxboxSummarySchema };
  }),
}) {
  /** Lists the faxboxes (id, name, created, flags). `GET /v2/accounts/{ACCOUNT_ID}/faxboxes` */
  declare list: (params?: ListParams, options?: CallOptions) => PagePromise<FaxboxSummary>;

  /**
   * Fetches one faxbox. `GET /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}`
   *
   * @throws NotFoundError when there is no such faxbox
   */
  declare get: (faxboxId: string, options?: CallOptions) => Promise<Faxbox>;

  /**
   * Creates a faxbox. `PUT /v2/accounts/{ACCOUNT_ID}/faxboxes`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  declare create: (faxbox: FaxboxCreateParams, options?: CallOptions) => Promise<Faxbox>;

  /**
   * Replaces a faxbox (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  declare update: (faxboxId: string, faxbox: FaxboxCreateParams, options?: CallOptions) => Promise<Faxbox>;

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  declare patch: (faxboxId: string, changes: FaxboxPatchParams, options?: CallOptions) => Promise<Faxbox>;

  /** Deletes a faxbox; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/faxboxes/{FAXBOX_ID}` */
  declare remove: (faxboxId: string, options?: CallOptions) => Promise<Faxbox>;
}

export type { Faxbox, FaxboxCreateParams, FaxboxPatchParams, FaxboxSummary } from '../schemas/faxboxes.js';
