import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { NumberRate, Rate, RateCreateParams, Ratedecks, RatePatchParams, RateSummary } from '../schemas/rates.js';

const SPEC = collection(
  'rates',
  'rate',
  lazy(async () => {
    const m = await import('../schemas/rates.js');
    return { document: m.RateSchema, summary: m.RateSummarySchema };
  }),
);

/** Options of `rates.list()`: a prefix or number narrows the listing to the rates that could apply. */
export interface RateListParams extends ListParams {
  /** Rates whose prefix starts the given number (`1256` lists `1256`, `125`, `12`, `1`). */
  readonly prefix?: string;
  /** Another ratedeck than the system's. */
  readonly ratedeckId?: string;
}

/** Options of `rates.forNumber()`. */
export interface NumberRateParams {
  readonly ratedeckId?: string;
  readonly direction?: 'inbound' | 'outbound';
  /** The caller's number, for rates that depend on it. */
  readonly callerIdNumber?: string;
  readonly resourceId?: string;
}

/**
 * Call rates (the system's ratedeck, or another with `ratedeckId`): `/v2/rates`. Writing rates
 * is for super-duper admins; rating a number (`forNumber`) is for any login.
 *
 * @example
 * ```ts
 * const rate = await audian.rates.forNumber('+14155550123');
 * console.log(rate.Rate, rate['Rate-Description']);
 * ```
 */
export class Rates extends ResourceBase {
  /** Lists the rates (`prefix` narrows to those that could apply to a number). `GET /v2/rates` */
  list(params: RateListParams = {}, options?: CallOptions): PagePromise<RateSummary> {
    const { prefix, ratedeckId, ...list } = params;
    const query = { ...(prefix === undefined ? {} : { prefix }), ...(ratedeckId === undefined ? {} : { ratedeck_id: ratedeckId }) };
    return this.pages('rates', list, { query, options, schema: SPEC.listing });
  }

  /**
   * Fetches one rate. `GET /v2/rates/{RATE_ID}`
   *
   * @throws NotFoundError when there is no such rate
   */
  get(rateId: string, options?: CallOptions): APIPromise<Rate> {
    return this._get(SPEC, rateId, options);
  }

  /**
   * Creates a rate (`routes` defaults to the prefix's). `PUT /v2/rates`
   *
   * @throws InvalidArgumentError (before any request) when `prefix` or `rate_cost` is missing or a field has the wrong type
   */
  create(rate: RateCreateParams, options?: CallOptions): APIPromise<Rate> {
    return this._create(SPEC, rate, options);
  }

  /**
   * Replaces a rate. `POST /v2/rates/{RATE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(rateId: string, rate: RateCreateParams, options?: CallOptions): APIPromise<Rate> {
    return this._update(SPEC, rateId, rate, options);
  }

  /**
   * Changes some fields of a rate. `PATCH /v2/rates/{RATE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(rateId: string, changes: RatePatchParams, options?: CallOptions): APIPromise<Rate> {
    return this._patch(SPEC, rateId, changes, options);
  }

  /** Deletes a rate; returns it. `DELETE /v2/rates/{RATE_ID}` */
  delete(rateId: string, options?: CallOptions): APIPromise<Rate> {
    return this._delete(SPEC, rateId, options);
  }

  /** The system's default ratedeck and the ratedecks there are (super-duper admins). `GET /v2/rates/ratedecks` */
  ratedecks(options?: CallOptions): APIPromise<Ratedecks> {
    return this.call('GET', 'rates/ratedecks', { options });
  }

  /**
   * The rate a call to a number gets: the longest matching prefix. `GET /v2/rates/number/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `number` has no digits
   * @throws ServerError (500 `No rate found for this number`) when no rate matches
   */
  forNumber(number: string, params: NumberRateParams = {}, options?: CallOptions): APIPromise<NumberRate> {
    return APIPromise.run(() => {
      if (typeof number !== 'string' || !/\d/.test(number)) throw new InvalidArgumentError('number', 'number must be a phone number');
      const query = {
        ratedeck_id: params.ratedeckId,
        direction: params.direction,
        caller_id_number: params.callerIdNumber,
        resource_id: params.resourceId,
      };
      return this.call('GET', 'rates/number/{number}', { pathParams: { number }, query, options });
    });
  }
}

export type { NumberRate, Rate, RateCreateParams, Ratedecks, RatePatchParams, RateSummary } from '../schemas/rates.js';
