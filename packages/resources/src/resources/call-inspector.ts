import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { CallInspection } from '../schemas/call-inspector.js';

/**
 * The call inspector: CDRs of the calls whose SIP dialogue was captured, and one dialogue,
 * `/v2/accounts/{ACCOUNT_ID}/call_inspector`.
 *
 * @example
 * ```ts
 * for await (const cdr of audian.call_inspector.list()) console.log(cdr.call_id);
 * const dialogue = await audian.call_inspector.get(callId);
 * ```
 */
export class CallInspector extends ResourceBase {
  /** CDRs of the inspected calls (a ranged listing, like `cdrs`). `GET /v2/accounts/{ACCOUNT_ID}/call_inspector` */
  list(params?: ListParams, options?: CallOptions): PagePromise<Record<string, unknown>> {
    return this.pages('accounts/{account_id}/call_inspector', params, { options });
  }

  /**
   * One call's SIP dialogue. `GET /v2/accounts/{ACCOUNT_ID}/call_inspector/{CALL_ID}`
   *
   * @throws NotFoundError when the inspector has nothing for the call
   */
  get(callId: string, options?: CallOptions): APIPromise<CallInspection> {
    return this.call('GET', 'accounts/{account_id}/call_inspector/{id}', { pathParams: { id: callId }, options });
  }
}

export type { CallInspection } from '../schemas/call-inspector.js';
