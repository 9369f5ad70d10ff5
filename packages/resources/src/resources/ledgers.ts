import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type {
  AvailableLedger,
  Ledger,
  LedgerCreateParams,
  LedgerImpact,
  LedgersMonthSummary,
  LedgersSummary,
  LedgersTotal,
} from '../schemas/ledgers.js';

const LEDGERS = 'accounts/{account_id}/ledgers';
const CREATE = lazy(async () => {
  const m = await import('../schemas/ledgers.js');
  return { document: m.LedgerCreateSchema, summary: m.LedgerSchema };
});
const LISTING = listCheck();

/** Options of `ledgers.credit()` and `ledgers.debit()`. */
export interface LedgerWriteOptions extends CallOptions {
  /** Also write the entry in the reseller's ledgers (`impact_reseller`); the answer is then keyed by account id. */
  readonly impactReseller?: boolean;
}

function requireSegment(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.includes('/'))
    throw new InvalidArgumentError(argument, `${argument} must be a non-empty path segment`);
  return value;
}

/**
 * The account's ledgers — its prepaid balance as credit and debit entries, by source service
 * (`per-minute-voip`, `payments`, …): `/v2/accounts/{ACCOUNT_ID}/ledgers`. `total()` is the
 * balance; `credit()` and `debit()` (the account's reseller only) write an entry.
 *
 * @example
 * ```ts
 * await audian.account(customerId).ledgers.credit({
 *   amount: 50,
 *   description: 'Prepaid top-up',
 *   source: { service: 'payments', id: 'invoice-1042' },
 *   usage: { type: 'credit', quantity: 0, unit: 'dollars' },
 * });
 * const { amount } = await audian.account(customerId).ledgers.total();
 * ```
 */
export class Ledgers extends ResourceBase {
  /** The sums of the current month, by source service. `GET /v2/accounts/{ACCOUNT_ID}/ledgers` */
  summary(options?: CallOptions): APIPromise<LedgersSummary> {
    return this.call('GET', LEDGERS, { options });
  }

  /** The balance: every ledger entry summed, in currency units. `GET /v2/accounts/{ACCOUNT_ID}/ledgers/total` */
  total(options?: CallOptions): APIPromise<LedgersTotal> {
    return this.call('GET', `${LEDGERS}/total`, { options });
  }

  /** The ledger sources the account's reseller offers. `GET /v2/accounts/{ACCOUNT_ID}/ledgers/available` */
  available(options?: CallOptions): APIPromise<AvailableLedger[]> {
    return this.call('GET', `${LEDGERS}/available`, { options });
  }

  /**
   * One month's sums, and a breakdown per account. `GET /v2/accounts/{ACCOUNT_ID}/ledgers/summary/{MODB_SUFFIX}`
   *
   * @param month - `YYYYMM`
   * @throws InvalidArgumentError (before any request) when `month` is not `YYYYMM`
   */
  month(month: string, options?: CallOptions): APIPromise<LedgersMonthSummary> {
    return APIPromise.run(() => {
      if (typeof month !== 'string' || !/^\d{4}(0[1-9]|1[0-2])$/.test(month))
        throw new InvalidArgumentError('month', 'month must be YYYYMM, e.g. 202611');
      return this.call('GET', `${LEDGERS}/summary/{month}`, { pathParams: { month }, options });
    });
  }

  /**
   * Lists the entries of one source service, newest first. `GET /v2/accounts/{ACCOUNT_ID}/ledgers/{SOURCE_SERVICE}`
   *
   * @throws InvalidArgumentError (before any request) when `source` is empty
   */
  list(source: string, params?: ListParams, options?: CallOptions): PagePromise<Ledger> {
    return this.pages(`${LEDGERS}/{source}`, params, {
      pathParams: { source: requireSegment(source, 'source') },
      options,
      schema: LISTING,
    });
  }

  /**
   * Fetches one entry of a source service. `GET /v2/accounts/{ACCOUNT_ID}/ledgers/{SOURCE_SERVICE}/{LEDGER_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `source` or `ledgerId` is empty
   * @throws NotFoundError when there is no such entry (or it belongs to another source)
   */
  get(source: string, ledgerId: string, options?: CallOptions): APIPromise<Ledger> {
    return APIPromise.run(() =>
      this.call('GET', `${LEDGERS}/{source}/{id}`, {
        pathParams: { source: requireSegment(source, 'source'), id: requireSegment(ledgerId, 'ledgerId') },
        options,
      }),
    );
  }

  /**
   * Adds credit. `PUT /v2/accounts/{ACCOUNT_ID}/ledgers/credit`
   *
   * @throws InvalidArgumentError (before any request) when `source` or `usage` is missing or a field has the wrong type
   * @throws ForbiddenError when the login is not the account's reseller
   */
  credit(entry: LedgerCreateParams, options?: LedgerWriteOptions): APIPromise<Ledger | LedgerImpact> {
    return this.#write('credit', entry, options);
  }

  /**
   * Debits (the entry is stored with a negative amount). `PUT /v2/accounts/{ACCOUNT_ID}/ledgers/debit`
   *
   * @throws InvalidArgumentError (before any request) when `source` or `usage` is missing or a field has the wrong type
   * @throws ForbiddenError when the login is not the account's reseller
   */
  debit(entry: LedgerCreateParams, options?: LedgerWriteOptions): APIPromise<Ledger | LedgerImpact> {
    return this.#write('debit', entry, options);
  }

  #write(
    action: 'credit' | 'debit',
    entry: LedgerCreateParams,
    options: LedgerWriteOptions | undefined,
  ): APIPromise<Ledger | LedgerImpact> {
    const envelope = options?.impactReseller === undefined ? undefined : { impact_reseller: options.impactReseller };
    return APIPromise.after(this.validate(CREATE, entry, 'full', `ledger ${action}`), () =>
      this.call('PUT', `${LEDGERS}/${action}`, { data: entry, ...(envelope ? { envelope } : {}), options }),
    );
  }
}

export type {
  AvailableLedger,
  Ledger,
  LedgerCreateParams,
  LedgerImpact,
  LedgerSourceTotal,
  LedgersMonthSummary,
  LedgersSummary,
  LedgersTotal,
} from '../schemas/ledgers.js';
