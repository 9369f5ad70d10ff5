import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { Mms, MmsCreateParams, MmsSummary } from '../schemas/mms.js';

const SPEC = collection(
  'accounts/{account_id}/mms',
  'mms',
  lazy(async () => {
    const m = await import('../schemas/mms.js');
    return { document: m.MmsSchema, summary: m.MmsSummarySchema };
  }),
);

/**
 * Multimedia messages: `/v2/accounts/{ACCOUNT_ID}/mms` (send, list, fetch, delete). The `body` is
 * a MIME document whose parts are the message's text and media.
 *
 * @example
 * ```ts
 * const body = ['Content-Type: text/plain', '', 'Your table is ready'].join('\r\n');
 * await audian.mms.send({ from: '+14155550100', to: '+14155550199', body });
 * ```
 */
export class MmsMessages extends ResourceBase {
  /** Lists messages, newest first (time-ranged). `GET /v2/accounts/{ACCOUNT_ID}/mms` */
  list(params?: ListParams, options?: CallOptions): PagePromise<MmsSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one message. `GET /v2/accounts/{ACCOUNT_ID}/mms/{SMS_ID}`
   *
   * @throws NotFoundError when there is no such message
   */
  get(mmsId: string, options?: CallOptions): APIPromise<Mms> {
    return this._get(SPEC, mmsId, options);
  }

  /**
   * Sends a message (same as {@link MmsMessages.send}). `PUT /v2/accounts/{ACCOUNT_ID}/mms`
   *
   * @throws InvalidArgumentError (before any request) when `to` is missing or `body` is empty
   */
  create(message: MmsCreateParams, options?: CallOptions): APIPromise<Mms> {
    return this._create(SPEC, message, options);
  }

  /** Deletes a message; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/mms/{SMS_ID}` */
  delete(mmsId: string, options?: CallOptions): APIPromise<Mms> {
    return this._delete(SPEC, mmsId, options);
  }

  /**
   * Sends a message. `PUT /v2/accounts/{ACCOUNT_ID}/mms`
   *
   * @throws InvalidArgumentError (before any request) when `to` is missing or `body` is empty
   */
  send(message: MmsCreateParams, options?: CallOptions): APIPromise<Mms> {
    return this.create(message, options);
  }
}

export type { Mms, MmsCreateParams, MmsSummary } from '../schemas/mms.js';
