import type { CallOptions } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { SystemDialplans } from '../schemas/dialplans.js';

/**
 * The dial plans the system offers (`system_config/dialplans`), by name: what an account's,
 * user's or device's `dial_plan.system` list may name to rewrite locally dialled numbers.
 * Read only: `GET /v2/accounts/{ACCOUNT_ID}/dialplans`.
 *
 * @example
 * ```ts
 * const plans = await audian.dialplans.get(); // { 'US 10-digit': { regex: '^(\\d{10})$', prefix: '+1' }, … }
 * await audian.accounts.patch({ dial_plan: { system: Object.keys(plans).slice(0, 1) } });
 * ```
 */
export class Dialplans extends ResourceBase {
  /** The system's dial plans by name. `GET /v2/accounts/{ACCOUNT_ID}/dialplans` */
  get(options?: CallOptions): APIPromise<SystemDialplans> {
    return this.call('GET', 'accounts/{account_id}/dialplans', { options });
  }
}

export type { SystemDialplan, SystemDialplans } from '../schemas/dialplans.js';
