import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { crud } from '../internal/crud.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import type {
  Clicktocall,
  ClicktocallConnectParams,
  ClicktocallCreateParams,
  ClicktocallPatchParams,
  ClicktocallSummary,
} from '../schemas/clicktocall.js';

const C2C = 'accounts/{account_id}/clicktocall';

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
export class ClickToCall extends crud({
  path: C2C,
  what: 'click-to-call endpoint',
  verbs: ['list', 'get', 'create', 'update', 'patch', 'remove'],
  schemas: lazy(async () => {
    const m = await import('../schemas/clicktocall.js');
    return { document: m.ClicktocallSchema, summary: m.ClicktocallSummarySchema };
  }),
}) {
  /** Lists the click-to-call endpoints. `GET /v2/accounts/{ACCOUNT_ID}/clicktocall` */
  declare list: (params?: ListParams, options?: CallOptions) => PagePromise<ClicktocallSummary>;

  /**
   * Fetches one endpoint. `GET /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}`
   *
   * @throws NotFoundError when there is no such endpoint
   */
  declare get: (c2cId: string, options?: CallOptions) => Promise<Clicktocall>;

  /**
   * Creates an endpoint. `PUT /v2/accounts/{ACCOUNT_ID}/clicktocall`
   *
   * @throws InvalidArgumentError (before any request) when `name` or `extension` is missing or a field has the wrong type
   */
  declare create: (c2c: ClicktocallCreateParams, options?: CallOptions) => Promise<Clicktocall>;

  /**
   * Replaces an endpoint (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  declare update: (c2cId: string, c2c: ClicktocallCreateParams, options?: CallOptions) => Promise<Clicktocall>;

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  declare patch: (c2cId: string, changes: ClicktocallPatchParams, options?: CallOptions) => Promise<Clicktocall>;

  /** Deletes an endpoint; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}` */
  declare remove: (c2cId: string, options?: CallOptions) => Promise<Clicktocall>;

  /**
   * Places the call: rings the endpoint's extension and `contact`, then bridges them. Answers
   * at once (202) unless `blocking: true`. `POST /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}/connect`
   *
   * @throws InvalidArgumentError (before any request) when `contact` is empty
   */
  connect(c2cId: string, params: ClicktocallConnectParams, options?: CallOptions): Promise<Record<string, unknown>> {
    if (typeof params?.contact !== 'string' || params.contact.trim() === '') {
      throw new InvalidArgumentError('contact', 'contact (the number or SIP URI to call) must be a non-empty string');
    }
    return this.call('POST', `${C2C}/{id}/connect`, { pathParams: { id: c2cId }, data: params, options });
  }

  /** Lists the calls placed through the endpoint. `GET /v2/accounts/{ACCOUNT_ID}/clicktocall/{C2C_ID}/history` */
  history(c2cId: string, params?: ListParams, options?: CallOptions): PagePromise<Record<string, unknown>> {
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
