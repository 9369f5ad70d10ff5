import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { PivotDebugEntry } from '../schemas/pivot.js';

/**
 * Pivot debugging: the requests calls made to `pivot` callflow URLs and what came back,
 * `/v2/accounts/{ACCOUNT_ID}/pivot/debug`.
 *
 * @example
 * ```ts
 * for await (const entry of audian.pivot.listDebug()) console.log(entry.call_id);
 * const log = await audian.pivot.getDebug(callId);
 * ```
 */
export class Pivot extends ResourceBase {
  /** The calls with pivot debug logs. `GET /v2/accounts/{ACCOUNT_ID}/pivot/debug` */
  listDebug(params?: ListParams, options?: CallOptions): PagePromise<PivotDebugEntry> {
    return this.pages('accounts/{account_id}/pivot/debug', params, { options });
  }

  /**
   * One call's pivot debug log. `GET /v2/accounts/{ACCOUNT_ID}/pivot/debug/{UUID}`
   *
   * @throws NotFoundError when there is no log for the call
   */
  getDebug(callId: string, options?: CallOptions): APIPromise<PivotDebugEntry[]> {
    return this.call('GET', 'accounts/{account_id}/pivot/debug/{id}', { pathParams: { id: callId }, options });
  }
}

export type { PivotDebugEntry } from '../schemas/pivot.js';
