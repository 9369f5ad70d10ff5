import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { Transaction, TransactionCreateParams } from '../schemas/transactions.js';

const TRANSACTIONS = 'accounts/{account_id}/transactions';
const CREATE = lazy(async () => {
  const m = await import('../schemas/transactions.js');
  return { document: m.TransactionCreateSchema, summary: m.TransactionSchema };
});
const LISTING = listCheck();

/**
 * The account's payment transactions (charges and refunds through the bookkeeper):
 * `/v2/accounts/{ACCOUNT_ID}/transactions`, listed by month (`createdFrom`/`createdTo`). A sale
 * or refund is made by the account's reseller (its bookkeeper) or a super-duper admin.
 *
 * @example
 * ```ts
 * for await (const t of audian.transactions.list({ createdFrom: new Date('2026-11-01') })) console.log(t.amount, t.description);
 * ```
 */
export class Transactions extends ResourceBase {
  /** Lists the transactions, newest first (amounts in currency units). `GET /v2/accounts/{ACCOUNT_ID}/transactions` */
  list(params?: ListParams, options?: CallOptions): PagePromise<Transaction> {
    return this.pages(TRANSACTIONS, params, { options, schema: LISTING });
  }

  /**
   * Fetches one transaction. `GET /v2/accounts/{ACCOUNT_ID}/transactions/{TRANSACTION_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `transactionId` is empty
   * @throws NotFoundError when there is no such transaction
   */
  get(transactionId: string, options?: CallOptions): APIPromise<Transaction> {
    return APIPromise.run(() => {
      if (typeof transactionId !== 'string' || transactionId === '')
        throw new InvalidArgumentError('transactionId', 'transactionId must be a non-empty string');
      return this.call('GET', `${TRANSACTIONS}/{id}`, { pathParams: { id: transactionId }, options });
    });
  }

  /**
   * Charges the account's payment method. `PUT /v2/accounts/{ACCOUNT_ID}/transactions/sale`
   *
   * @throws InvalidArgumentError (before any request) when `amount` is missing or not above 0
   * @throws ForbiddenError when the login is not the account's bookkeeper reseller
   */
  sale(params: TransactionCreateParams, options?: CallOptions): APIPromise<Transaction> {
    return APIPromise.after(this.validate(CREATE, params, 'full', 'sale'), () =>
      this.call('PUT', `${TRANSACTIONS}/sale`, { data: params, options }),
    );
  }

  /**
   * Refunds an amount to the account's payment method. `PUT /v2/accounts/{ACCOUNT_ID}/transactions/refund`
   *
   * @throws InvalidArgumentError (before any request) when `amount` is missing or not above 0
   * @throws ForbiddenError when the login is not the account's bookkeeper reseller
   */
  refund(params: TransactionCreateParams, options?: CallOptions): APIPromise<Transaction> {
    return APIPromise.after(this.validate(CREATE, params, 'full', 'refund'), () =>
      this.call('PUT', `${TRANSACTIONS}/refund`, { data: params, options }),
    );
  }
}

export type { Transaction, TransactionCreateParams } from '../schemas/transactions.js';
