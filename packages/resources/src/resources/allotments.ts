import { type CallOptions, type ListParams, toListQuery } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { AllotmentConsumed, Allotments, AllotmentsUpdateParams } from '../schemas/allotments.js';

const ALLOTMENTS = 'accounts/{account_id}/allotments';
const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/allotments.js');
  return { document: m.AllotmentsSchema, summary: m.AllotmentSchema };
});

/** The window of `allotments.consumed()`: without both bounds, the current cycle of each allotment. */
export type AllotmentsConsumedParams = Pick<ListParams, 'createdFrom' | 'createdTo'>;

/**
 * The account's allotments — free minutes per call classification and cycle, kept in its limits
 * document: `/v2/accounts/{ACCOUNT_ID}/allotments`. Only the account's reseller (or, for direct
 * accounts, the account itself) may change them.
 *
 * @example
 * ```ts
 * await audian.allotments.update({ did_us: { amount: 3600, cycle: 'monthly', increment: 60, minimum: 60 } });
 * const used = await audian.allotments.consumed();
 * console.log(used.did_us?.consumed);
 * ```
 */
export class AccountAllotments extends ResourceBase {
  /**
   * The allotments by classification. `GET /v2/accounts/{ACCOUNT_ID}/allotments`
   *
   * @throws BadRequestError when the account has none configured yet
   */
  get(options?: CallOptions): APIPromise<Allotments> {
    return this.call('GET', ALLOTMENTS, { options });
  }

  /**
   * Replaces the allotments. `POST /v2/accounts/{ACCOUNT_ID}/allotments`
   *
   * @throws InvalidArgumentError (before any request) when an allotment has the wrong shape
   * @throws BadRequestError when the login may not change them (a sub-account of a reseller)
   */
  update(allotments: AllotmentsUpdateParams, options?: CallOptions): APIPromise<Allotments> {
    return APIPromise.after(this.validate(SCHEMAS, allotments, 'full', 'allotments'), () =>
      this.call('POST', ALLOTMENTS, { data: allotments, options }),
    );
  }

  /**
   * Seconds consumed per classification, over each allotment's current cycle or the given window.
   * `GET /v2/accounts/{ACCOUNT_ID}/allotments/consumed`
   */
  consumed(params: AllotmentsConsumedParams = {}, options?: CallOptions): APIPromise<Record<string, AllotmentConsumed>> {
    return APIPromise.run(() => this.call('GET', `${ALLOTMENTS}/consumed`, { query: toListQuery(params), options }));
  }
}

export type { Allotment, AllotmentConsumed, Allotments, AllotmentsUpdateParams } from '../schemas/allotments.js';
