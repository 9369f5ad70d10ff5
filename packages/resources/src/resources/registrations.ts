import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { Registration } from '../schemas/registrations.js';

const REGISTRATIONS = 'accounts/{account_id}/registrations';

/**
 * What `Registrations.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { RegistrationListParams } from '@audian/resources';
 *
 * const params: RegistrationListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface RegistrationListParams extends ListParams {}

/**
 * The account's SIP registrations (live, from the proxies): `/v2/accounts/{ACCOUNT_ID}/registrations`.
 *
 * @example
 * ```ts
 * for await (const reg of audian.registrations.list()) console.log(reg.username, reg.contact_ip, reg.user_agent);
 * console.log(await audian.registrations.count());
 * await audian.registrations.flush('reception');
 * ```
 */
export class Registrations extends ResourceBase {
  /** Lists the registrations (one page: Crossbar asks the proxies, it does not page them). `GET /v2/accounts/{ACCOUNT_ID}/registrations` */
  list(params?: RegistrationListParams, options?: CallOptions): PagePromise<Registration> {
    // Registrations carry no `id`; an empty key name skips that check.
    return this.pages(REGISTRATIONS, params, { options, schema: listCheck('') });
  }

  /** How many devices are registered. `GET /v2/accounts/{ACCOUNT_ID}/registrations/count` */
  count(options?: CallOptions): APIPromise<number> {
    return this.call<{ count?: unknown }>('GET', `${REGISTRATIONS}/count`, { options }).map((data) => Number(data?.count ?? 0));
  }

  /**
   * Forces one SIP username to register again (drops its registration).
   * `DELETE /v2/accounts/{ACCOUNT_ID}/registrations/{USERNAME}`
   */
  flush(username: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', `${REGISTRATIONS}/{username}`, { pathParams: { username }, options });
  }

  /** Forces every device of the account to register again. `DELETE /v2/accounts/{ACCOUNT_ID}/registrations` */
  flushAll(options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', REGISTRATIONS, { options });
  }
}

export type { Registration } from '../schemas/registrations.js';
