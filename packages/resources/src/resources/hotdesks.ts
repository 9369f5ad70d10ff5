import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { ResourceBase } from '../internal/resource-base.js';
import type { Hotdesk } from '../schemas/hotdesks.js';

/**
 * Hot-desking: which devices the account's users are logged in to, `/v2/accounts/{ACCOUNT_ID}/hotdesks`.
 *
 * @example
 * ```ts
 * for await (const desk of audian.hotdesks.list()) console.log(desk.device_id, desk.device_name);
 * ```
 */
export class Hotdesks extends ResourceBase {
  /** Lists the hot-desked devices. `GET /v2/accounts/{ACCOUNT_ID}/hotdesks` */
  list(params?: ListParams, options?: CallOptions): PagePromise<Hotdesk> {
    return this.pages('accounts/{account_id}/hotdesks', params, { options });
  }

  /** The devices one user is hot-desked on. `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/hotdesks` */
  listByUser(userId: string, params?: ListParams, options?: CallOptions): PagePromise<Hotdesk> {
    return this.pages('accounts/{account_id}/users/{id}/hotdesks', params, { pathParams: { id: userId }, options });
  }
}

export type { Hotdesk } from '../schemas/hotdesks.js';
