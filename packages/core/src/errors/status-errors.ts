import { ApiError, type ApiErrorInit } from './api-error';
import { type FieldError, formatFieldErrors, parseFieldErrors } from './field-errors';
import { type ChargesTotal, readPaymentQuote, type ServiceInvoice } from './payment-quote';

// One-line subclasses, one per status the SDK's users branch on. They live together because each
// is only a name; createApiError() is the one place that maps a status to its class.

/**
 * 400: the server rejected the request body. `fieldErrors` lists every failed rule of Crossbar's
 * validation map (several per field are possible).
 *
 * @example
 * ```ts
 * import { BadRequestError } from '@audian/core';
 *
 * try {
 *   await audian.users.create({ first_name: 'A', last_name: 'B', username: 'taken' });
 * } catch (error) {
 *   if (error instanceof BadRequestError) {
 *     for (const f of error.fieldErrors) console.error(`${f.path}: ${f.code} ${f.message}`);
 *   }
 * }
 * ```
 */
export class BadRequestError extends ApiError {
  static override readonly errorName: string = 'BadRequestError';
  /** Every `(field, rule)` that failed validation; empty when `data` was not a field map. */
  readonly fieldErrors: readonly FieldError[];

  constructor(init: ApiErrorInit) {
    const fieldErrors = parseFieldErrors(init.data);
    super(init, ApiError.describe(init, fieldErrors.length ? formatFieldErrors(fieldErrors) : undefined));
    this.fieldErrors = fieldErrors;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), fieldErrors: this.fieldErrors };
  }
}

/**
 * 401: the token is missing, malformed, expired or revoked, or the credentials were rejected.
 * The transport has already re-authenticated once (when the auth strategy can) before this surfaces.
 *
 * @example
 * ```ts
 * import { UnauthorizedError } from '@audian/core';
 *
 * if (error instanceof UnauthorizedError) console.error('log in again: audian login');
 * ```
 */
export class UnauthorizedError extends ApiError {
  static override readonly errorName: string = 'UnauthorizedError';
}

/**
 * 402: the operation has charges under the account's service plan. Repeat it with
 * `{ acceptCharges: true }` to accept them.
 *
 * The quote is read from both shapes Crossbar has used: KAZOO 5.x answers `data` as a list of
 * invoices (one per bookkeeper, `kz_services_invoices:public_json/1`), KAZOO 4.x as one object keyed
 * by category and item. `invoices` gives the 5.x view (4.x quotes are turned into one invoice),
 * `total` what it adds up to, and `charges` the 4.x view (`{ category: { item: line } }`, with the
 * changed lines of a 5.x quote) for code written against it.
 *
 * @example
 * ```ts
 * import { PaymentRequiredError } from '@audian/core';
 *
 * try {
 *   await audian.devices.create(device);
 * } catch (error) {
 *   if (error instanceof PaymentRequiredError) {
 *     console.log(`due now: ${error.total.today}, then ${error.total.recurring} per period`);
 *     for (const invoice of error.invoices) for (const line of invoice.items) if (line.changes) console.log(line.name, line.total);
 *     await audian.devices.create(device, { acceptCharges: true });
 *   }
 * }
 * ```
 */
export class PaymentRequiredError extends ApiError {
  static override readonly errorName: string = 'PaymentRequiredError';
  /** The charges as a `{ category: { item: { quantity, rate, … } }, activation_charges? }` map (KAZOO 4.x shape). */
  readonly charges: Readonly<Record<string, unknown>>;
  /** The quote's invoices (KAZOO 5.x shape), one per bookkeeper; empty when the 402 carried no quote. */
  readonly invoices: readonly ServiceInvoice[];
  /** Due now (`today`, activation charges) and the recurring total once applied, over every invoice. */
  readonly total: ChargesTotal;

  constructor(init: ApiErrorInit) {
    super(init);
    const quote = readPaymentQuote(init.data);
    this.charges = quote.charges;
    this.invoices = quote.invoices;
    this.total = quote.total;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), total: this.total, invoices: this.invoices };
  }
}

/**
 * 403: the token may not do this (another account outside its tree, a restricted token, a
 * non-admin user).
 *
 * @example
 * ```ts
 * import { ForbiddenError } from '@audian/core';
 *
 * if (error instanceof ForbiddenError) console.error('this login cannot reach that account');
 * ```
 */
export class ForbiddenError extends ApiError {
  static override readonly errorName: string = 'ForbiddenError';
}

/**
 * 404: no such document (or it was deleted), an unknown URL, or — Crossbar's quirks — an invalid
 * `page_size` (`faulty_request`).
 *
 * @example
 * ```ts
 * import { NotFoundError } from '@audian/core';
 *
 * const user = await audian.users.get(id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
 * ```
 */
export class NotFoundError extends ApiError {
  static override readonly errorName: string = 'NotFoundError';
}

/**
 * 405: the endpoint does not support this verb (e.g. `PATCH` on a resource without it).
 *
 * @example
 * ```ts
 * import { MethodNotAllowedError } from '@audian/core';
 *
 * if (error instanceof MethodNotAllowedError) console.error('use update() instead of patch()');
 * ```
 */
export class MethodNotAllowedError extends ApiError {
  static override readonly errorName: string = 'MethodNotAllowedError';
}

/**
 * 409: a conflict (`datastore_conflict` on a concurrent write, `number_exists` for phone numbers).
 *
 * @example
 * ```ts
 * import { ConflictError } from '@audian/core';
 *
 * if (error instanceof ConflictError) console.error('someone else changed it; fetch and retry');
 * ```
 */
export class ConflictError extends ApiError {
  static override readonly errorName: string = 'ConflictError';
}

/**
 * 413: the upload is larger than the server accepts (Crossbar's default is 8,000,000 bytes).
 *
 * @example
 * ```ts
 * import { PayloadTooLargeError } from '@audian/core';
 *
 * if (error instanceof PayloadTooLargeError) console.error('file too large');
 * ```
 */
export class PayloadTooLargeError extends ApiError {
  static override readonly errorName: string = 'PayloadTooLargeError';
}

/**
 * 423: the account is expired or disabled (`locked`).
 *
 * @example
 * ```ts
 * import { LockedError } from '@audian/core';
 *
 * if (error instanceof LockedError) console.error('account disabled');
 * ```
 */
export class LockedError extends ApiError {
  static override readonly errorName: string = 'LockedError';
}

/**
 * 429: the rate-limit bucket is empty. The transport already retried (within its retry limit);
 * `retryAfter` is set when a proxy sent a `Retry-After` header.
 *
 * @example
 * ```ts
 * import { RateLimitError } from '@audian/core';
 *
 * if (error instanceof RateLimitError) console.error('slow down');
 * ```
 */
export class RateLimitError extends ApiError {
  static override readonly errorName: string = 'RateLimitError';
  /** Milliseconds the server (or a proxy) asked to wait, when it said. */
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/**
 * 5xx: the server failed. GET and DELETE were retried before this surfaced; PUT, POST and PATCH
 * never are, because the server may have acted (a repeated PUT creates a duplicate).
 *
 * @example
 * ```ts
 * import { ServerError } from '@audian/core';
 *
 * if (error instanceof ServerError) console.error(`server failed, quote request id ${error.requestId}`);
 * ```
 */
export class ServerError extends ApiError {
  static override readonly errorName: string = 'ServerError';
}

/**
 * Builds the {@link ApiError} subclass that matches `init.status`.
 *
 * @example
 * ```ts
 * import { createApiError, NotFoundError } from '@audian/core';
 *
 * const error = createApiError({ status: 404, request: { method: 'GET', url: 'https://x/v2/a', headers: {} } });
 * error instanceof NotFoundError; // true
 * ```
 */
export function createApiError(init: ApiErrorInit): ApiError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init);
    case 401:
      return new UnauthorizedError(init);
    case 402:
      return new PaymentRequiredError(init);
    case 403:
      return new ForbiddenError(init);
    case 404:
      return new NotFoundError(init);
    case 405:
      return new MethodNotAllowedError(init);
    case 409:
      return new ConflictError(init);
    case 413:
      return new PayloadTooLargeError(init);
    case 423:
      return new LockedError(init);
    case 429:
      return new RateLimitError(init);
    default:
      return init.status >= 500 ? new ServerError(init) : new ApiError(init);
  }
}
