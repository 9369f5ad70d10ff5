import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { Sms, SmsCreateParams, SmsSummary } from '../schemas/sms.js';

const SPEC = collection(
  'accounts/{account_id}/sms',
  'sms',
  lazy(async () => {
    const m = await import('../schemas/sms.js');
    return { document: m.SmsSchema, summary: m.SmsSummarySchema };
  }),
);

/**
 * What `SmsMessages.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { SmsListParams } from '@audian/resources';
 *
 * const params: SmsListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface SmsListParams extends ListParams {}

/**
 * Text messages: `/v2/accounts/{ACCOUNT_ID}/sms` (send, list, fetch, delete).
 *
 * @example
 * ```ts
 * await audian.sms.send({ from: '+14155550100', to: '+14155550199', body: 'Your table is ready' });
 * for await (const message of audian.sms.list()) console.log(message.direction, message.from, message.body);
 * ```
 */
export class SmsMessages extends ResourceBase {
  /** Lists messages, newest first (time-ranged). `GET /v2/accounts/{ACCOUNT_ID}/sms` */
  list(params?: SmsListParams, options?: CallOptions): PagePromise<SmsSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one message. `GET /v2/accounts/{ACCOUNT_ID}/sms/{SMS_ID}`
   *
   * @throws NotFoundError when there is no such message
   */
  get(smsId: string, options?: CallOptions): APIPromise<Sms> {
    return this._get(SPEC, smsId, options);
  }

  /**
   * Sends a message (same as {@link SmsMessages.send}). `PUT /v2/accounts/{ACCOUNT_ID}/sms`
   *
   * @throws InvalidArgumentError (before any request) when `to` or `body` is missing or `body` is longer than 700 characters
   */
  create(message: SmsCreateParams, options?: CallOptions): APIPromise<Sms> {
    return this._create(SPEC, message, options);
  }

  /** Deletes a message; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/sms/{SMS_ID}` */
  delete(smsId: string, options?: CallOptions): APIPromise<Sms> {
    return this._delete(SPEC, smsId, options);
  }

  /**
   * Sends a message. `PUT /v2/accounts/{ACCOUNT_ID}/sms`
   *
   * @throws InvalidArgumentError (before any request) when `to` or `body` is missing or `body` is longer than 700 characters
   */
  send(message: SmsCreateParams, options?: CallOptions): APIPromise<Sms> {
    return this.create(message, options);
  }
}

export type { Sms, SmsCreateParams, SmsSummary } from '../schemas/sms.js';
