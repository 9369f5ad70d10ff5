import type { CallOptions } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';

/** One network access rule of the SIP front end (`ecallmgr` `acls`): a CIDR, allowed or denied. */
export interface AclEntry {
  readonly cidr: string;
  readonly type: 'allow' | 'deny';
  readonly network_list_name?: string;
  readonly description?: string;
  readonly [key: string]: unknown;
}

/**
 * The SIP access rules the platform applies (carriers and trusted networks), by name:
 * `/v2/accounts/{ACCOUNT_ID}/acls`. Read-only.
 *
 * @example
 * ```ts
 * const acls = await audian.acls.get();
 * for (const [name, rule] of Object.entries(acls)) console.log(name, rule.cidr, rule.type);
 * ```
 */
export class Acls extends ResourceBase {
  /** The rules by name. `GET /v2/accounts/{ACCOUNT_ID}/acls` */
  get(options?: CallOptions): APIPromise<Record<string, AclEntry>> {
    return this.call('GET', 'accounts/{account_id}/acls', { options });
  }
}
