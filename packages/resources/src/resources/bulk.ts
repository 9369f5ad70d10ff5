import { type CallOptions, InvalidArgumentError } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { BulkDocument, BulkResults, BulkUpdates } from '../schemas/bulk.js';

const BULK = 'accounts/{account_id}/bulk';

function idList(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === '')) {
    throw new InvalidArgumentError('ids', 'ids must be a non-empty array of document ids');
  }
  return [...new Set(ids as string[])];
}

function updateObject(updates: unknown): BulkUpdates {
  if (typeof updates !== 'object' || updates === null || Array.isArray(updates) || Object.keys(updates).length === 0) {
    throw new InvalidArgumentError('updates', 'updates must be a non-empty object of the fields to set');
  }
  return updates as BulkUpdates;
}

/**
 * Several devices, users, conferences or voicemail boxes at once: `/v2/accounts/{ACCOUNT_ID}/bulk`.
 * A group's id stands for its members. Each document is changed or deleted as its own module
 * would; the answer says, per id, whether it worked.
 *
 * @example
 * ```ts
 * const results = await audian.bulk.update([deviceA, deviceB], { enabled: false });
 * // { [deviceA]: { status: 'success' }, [deviceB]: { status: 'error', error: '400', … } }
 * ```
 */
export class Bulk extends ResourceBase {
  /**
   * Fetches the documents (a group's members for a group id). `GET /v2/accounts/{ACCOUNT_ID}/bulk`
   * — sent as a `POST` with `?verb=GET`, since a `GET` cannot carry the ids in a body.
   *
   * @throws InvalidArgumentError (before any request) when `ids` is empty
   * @throws NotFoundError when an id names no document
   */
  get(ids: readonly string[], options?: CallOptions): APIPromise<BulkDocument[]> {
    return APIPromise.after(Promise.resolve(), () =>
      this.call<BulkDocument[]>('POST', BULK, { query: { verb: 'GET' }, data: { ids: idList(ids) }, options }),
    );
  }

  /**
   * Merges `updates` into every document and saves each as its module would. `POST /v2/accounts/{ACCOUNT_ID}/bulk`
   *
   * @throws InvalidArgumentError (before any request) when `ids` or `updates` is empty
   */
  update(ids: readonly string[], updates: BulkUpdates, options?: CallOptions): APIPromise<BulkResults> {
    return APIPromise.after(Promise.resolve(), () =>
      this.call<BulkResults>('POST', BULK, { data: { ids: idList(ids), updates: updateObject(updates) }, options }),
    );
  }

  /**
   * Deletes the documents, each as its module would. `DELETE /v2/accounts/{ACCOUNT_ID}/bulk`
   *
   * @throws InvalidArgumentError (before any request) when `ids` is empty
   */
  delete(ids: readonly string[], options?: CallOptions): APIPromise<BulkResults> {
    return APIPromise.after(Promise.resolve(), () => this.call<BulkResults>('DELETE', BULK, { data: { ids: idList(ids) }, options }));
  }
}

export type { BulkDocument, BulkResults, BulkUpdates } from '../schemas/bulk.js';
