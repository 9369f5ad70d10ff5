import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  Clicktocall,
  ClicktocallConnectParams,
  ClicktocallCreateParams,
  ClicktocallPatchParams,
  ClicktocallSummary,
} from '../schemas/clicktocall.js';

const C2C = 'accounts/{account_id}/clicktocall';

const SPEC = collection(
  C2C,
  'click-to-call endpoint',
  lazy(async () => {
    const m = await import('../schemas/clicktocall.js');
    return { document: m.ClicktocallSchema, summary: m.ClicktocallSummarySchema };
  }),
);

/** What `clicktocall.connect()` answers: the call Crossbar started. */
export type ClicktocallConnectResult = Record<string, unknown>;

/** One entry of `clicktocall.history()`: a call made through the endpoint. */
export type ClicktocallHistoryEntry = Record<string, unknown>;

/**
 * What `ClickToCall.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { ClickToCallListParams } from '@audian/resources';
 *
 * const params: ClickToCallListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface ClickToCallListParams extends ListParams {}

/**
 * Click-to-call endpoints: `/v2/accounts/{ACCOUNT_ID}/clicktocall`. Connecting one rings its
 * `extension` and the given contact, and bridges them.
 *
 * @example
 * ```ts
 * const c2c = await audian.clicktocall.create({ name: 'Call sales', extension: '2000', auth_required: true });
 * await audian.clicktocall.connect(c2c.id, { contact: '+14155550199' });
 * ```
 */
export class ClickToCall extends ResourceBase {
  /** Lists the click-to-call endpoints. `GET /v2/accounts/{ACCOUNT_ID}/clicktocall` */
  list(params?: ClickToCallListParams, options?: CallOptions): PagePromise<ClicktocallSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one endpoint. `GET /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}`
   *
   * @throws NotFoundError when there is no such endpoint
   */
  get(c2cId: string, options?: CallOptions): APIPromise<Clicktocall> {
    return this._get(SPEC, c2cId, options);
  }

  /**
   * Creates an endpoint. `PUT /v2/accounts/{ACCOUNT_ID}/clicktocall`
   *
   * @throws InvalidArgumentError (before any request) when `name` or `extension` is missing or a field has the wrong type
   */
  create(c2c: ClicktocallCreateParams, options?: CallOptions): APIPromise<Clicktocall> {
    return this._create(SPEC, c2c, options);
  }

  /**
   * Replaces an endpoint (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(c2cId: string, c2c: ClicktocallCreateParams, options?: CallOptions): APIPromise<Clicktocall> {
    return this._update(SPEC, c2cId, c2c, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(c2cId: string, changes: ClicktocallPatchParams, options?: CallOptions): APIPromise<Clicktocall> {
    return this._patch(SPEC, c2cId, changes, options);
  }

  /** Deletes an endpoint; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}` */
  delete(c2cId: string, options?: CallOptions): APIPromise<Clicktocall> {
    return this._delete(SPEC, c2cId, options);
  }

  /**
   * Places the call: rings the endpoint's extension and `contact`, then bridges them. Answers
   * at once (202) unless `blocking: true`. `POST /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}/connect`
   *
   * @throws InvalidArgumentError (before any request) when `contact` is empty
   */
  connect(c2cId: string, params: ClicktocallConnectParams, options?: CallOptions): APIPromise<ClicktocallConnectResult> {
    if (typeof params?.contact !== 'string' || params.contact.trim() === '') {
      throw new InvalidArgumentError('contact', 'contact (the number or SIP URI to call) must be a non-empty string');
    }
    return this.call('POST', `${C2C}/{id}/connect`, { pathParams: { id: c2cId }, data: params, options });
  }

  /**
   * Places the call the way a web link does: the same as `connect()`, with `contact` (and
   * `blocking`) in the query string. `GET /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}/connect`
   *
   * @throws InvalidArgumentError (before any request) when `contact` is empty
   */
  connectViaLink(c2cId: string, params: ClicktocallConnectParams, options?: CallOptions): APIPromise<ClicktocallConnectResult> {
    if (typeof params?.contact !== 'string' || params.contact.trim() === '') {
      throw new InvalidArgumentError('contact', 'contact (the number or SIP URI to call) must be a non-empty string');
    }
    const query = { contact: params.contact, ...(params.blocking === undefined ? {} : { blocking: params.blocking }) };
    return this.call('GET', `${C2C}/{id}/connect`, { pathParams: { id: c2cId }, query, options });
  }

  /** Lists the calls placed through the endpoint. `GET /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}/history` */
  history(c2cId: string, params?: ListParams, options?: CallOptions): PagePromise<ClicktocallHistoryEntry> {
    // History entries are not keyed by `id`; an empty key name skips that check.
    return this.pages(`${C2C}/{id}/history`, params, { pathParams: { id: c2cId }, options, schema: listCheck('') });
  }
}

export type {
  Clicktocall,
  ClicktocallConnectParams,
  ClicktocallCreateParams,
  ClicktocallPatchParams,
  ClicktocallSummary,
} from '../schemas/clicktocall.js';
