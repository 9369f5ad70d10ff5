import type { CallOptions } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { ParkedCalls as ParkedCallsAnswer } from '../schemas/parked-calls.js';

/**
 * Call parking: the account's occupied parking slots, `/v2/accounts/{ACCOUNT_ID}/parked_calls`.
 *
 * @example
 * ```ts
 * const { slots } = await audian.parked_calls.slots();
 * for (const [slot, parked] of Object.entries(slots)) console.log(slot, parked.cid_number);
 * ```
 */
export class ParkedCalls extends ResourceBase {
  /** The occupied slots by slot number. `GET /v2/accounts/{ACCOUNT_ID}/parked_calls` */
  slots(options?: CallOptions): APIPromise<ParkedCallsAnswer> {
    return this.call('GET', 'accounts/{account_id}/parked_calls', { options });
  }
}

export type { ParkedCallSlot } from '../schemas/parked-calls.js';
