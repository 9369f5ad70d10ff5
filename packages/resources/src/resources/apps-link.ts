import type { CallOptions } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { AppsLinkInfo } from '../schemas/apps-link.js';

/**
 * What a Monster app link needs to open an account: who the login is (account, user, apps,
 * reseller) and the account it acts on. `/v2/accounts/{ACCOUNT_ID}/apps_link/authorize`
 *
 * @example
 * ```ts
 * const { auth_token, account } = await audian.apps_link.authorize();
 * console.log(auth_token.owner_id, account.account_name);
 * ```
 */
export class AppsLink extends ResourceBase {
  /** The login's identity and the account's. `GET /v2/accounts/{ACCOUNT_ID}/apps_link/authorize` */
  authorize(options?: CallOptions): APIPromise<AppsLinkInfo> {
    return this.call('GET', 'accounts/{account_id}/apps_link/authorize', { options });
  }
}

export type { AppsLinkInfo } from '../schemas/apps-link.js';
