import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { Cccp, CccpAutodialParams, CccpCreateParams, CccpSummary } from '../schemas/cccps.js';

const PATH = 'accounts/{account_id}/cccps';
const SPEC = collection(
  PATH,
  'cccp',
  lazy(async () => {
    const m = await import('../schemas/cccps.js');
    return { document: m.CccpSchema, summary: m.CccpSummarySchema };
  }),
);

/**
 * Calling-card callback entries (KAZOO's `cccp` application): the caller ids and PINs allowed to
 * call in and be called back. `/v2/accounts/{ACCOUNT_ID}/cccps`. A `cid` is stored in E.164; a
 * `cid` or `pin` may be used once in the whole system.
 *
 * @example
 * ```ts
 * await audian.cccps.create({ cid: '+14155550123', user_id: userId, active: true });
 * ```
 */
export class Cccps extends ResourceBase {
  /** Lists the entries. `GET /v2/accounts/{ACCOUNT_ID}/cccps` */
  list(params?: ListParams, options?: CallOptions): PagePromise<CccpSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one entry. `GET /v2/accounts/{ACCOUNT_ID}/cccps/{CCCP_ID}`
   *
   * @throws NotFoundError when there is no such entry
   */
  get(cccpId: string, options?: CallOptions): APIPromise<Cccp> {
    return this._get(SPEC, cccpId, options);
  }

  /**
   * Creates an entry. `PUT /v2/accounts/{ACCOUNT_ID}/cccps`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   * @throws BadRequestError when the `cid` or `pin` is already used, or the `cid` is not a phone number
   */
  create(cccp: CccpCreateParams, options?: CallOptions): APIPromise<Cccp> {
    return this._create(SPEC, cccp, options);
  }

  /**
   * Replaces an entry. `POST /v2/accounts/{ACCOUNT_ID}/cccps/{CCCP_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   */
  update(cccpId: string, cccp: CccpCreateParams, options?: CallOptions): APIPromise<Cccp> {
    return this._update(SPEC, cccpId, cccp, options);
  }

  /** Deletes an entry; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/cccps/{CCCP_ID}` */
  delete(cccpId: string, options?: CallOptions): APIPromise<Cccp> {
    return this._delete(SPEC, cccpId, options);
  }

  /**
   * Asks the platform to call the login's user back and connect them (a camping request); only
   * for the login's own account. `PUT /v2/accounts/{ACCOUNT_ID}/cccps/{CCCP_ID}` with the id `autodial`
   *
   * @throws BadRequestError when the account is not the login's own
   */
  autodial(request: CccpAutodialParams, options?: CallOptions): APIPromise<unknown> {
    return this.call('PUT', `${PATH}/autodial`, { data: request, options });
  }
}

export type { Cccp, CccpAutodialParams, CccpCreateParams, CccpSummary } from '../schemas/cccps.js';
