import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { AttachmentHandlerError, AttachmentHandlerErrorSummary } from '../schemas/att-handlers-errors.js';

const ERRORS = 'accounts/{account_id}/att_handlers_errors';

/**
 * Failures of the account's storage backends (an attachment that could not be stored or read):
 * `/v2/accounts/{ACCOUNT_ID}/att_handlers_errors`, newest first, kept per month.
 *
 * @example
 * ```ts
 * for await (const failure of audian.att_handlers_errors.list()) console.log(failure.resp_code, failure.reason);
 * ```
 */
export class AttachmentHandlerErrors extends ResourceBase {
  /** Lists the failures (time-ranged). `GET /v2/accounts/{ACCOUNT_ID}/att_handlers_errors` */
  list(params?: ListParams, options?: CallOptions): PagePromise<AttachmentHandlerErrorSummary> {
    return this.pages(ERRORS, params, { options, schema: listCheck() });
  }

  /**
   * Fetches one failure. `GET /v2/accounts/{ACCOUNT_ID}/att_handlers_errors/{ERROR_ID}`
   *
   * @throws NotFoundError when there is no such failure
   */
  get(errorId: string, options?: CallOptions): APIPromise<AttachmentHandlerError> {
    return this.call('GET', `${ERRORS}/{id}`, { pathParams: { id: errorId }, options });
  }

  /**
   * Lists the failures of one backend (an `attachments` id of the storage document).
   * `GET /v2/accounts/{ACCOUNT_ID}/att_handlers_errors/handler/{HANDLER_ID}`
   */
  listByHandler(handlerId: string, params?: ListParams, options?: CallOptions): PagePromise<AttachmentHandlerErrorSummary> {
    return this.pages(`${ERRORS}/handler/{handler_id}`, params, { pathParams: { handler_id: handlerId }, options, schema: listCheck() });
  }
}

export type { AttachmentHandlerError, AttachmentHandlerErrorSummary } from '../schemas/att-handlers-errors.js';
