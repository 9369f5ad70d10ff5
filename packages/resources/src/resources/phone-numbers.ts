import { assertE164, type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, type StandardSchemaV1 } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { checkBody, documentCheck, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type {
  AvailableNumber,
  NumberClassification,
  NumberClassifier,
  NumberSearchParams,
  PhoneNumber,
  PhoneNumberCollectionResult,
  PhoneNumberCreateParams,
  PhoneNumberError,
  PhoneNumberOwner,
  PhoneNumberPatchParams,
  PhoneNumberSummary,
} from '../schemas/phone-numbers.js';

const NUMBERS = 'accounts/{account_id}/phone_numbers';
const ONE = `${NUMBERS}/{number}`;
const COLLECTION = `${NUMBERS}/collection`;

const schemas = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/phone-numbers.js');
  return { document: m.PhoneNumberSchema, summary: m.PhoneNumberSummarySchema };
});
const document = documentCheck(schemas);

/** What `phone_numbers.delete()` and `deleteMany()` take: `hard: true` deletes from the system (super-admins). */
export interface PhoneNumberDeleteParams {
  readonly hard?: boolean;
}

/** What `phone_numbers.locality()` answers: locality fields (city, state, …) per number. */
export type NumberLocalities = Record<string, Record<string, unknown>>;

/** What `phone_numbers.carriersInfo()` answers: the carriers and their options, as the system reports them. */
export type CarriersInfo = Record<string, unknown>;

/**
 * What `PhoneNumbers.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { PhoneNumberListParams } from '@audian/resources';
 *
 * const params: PhoneNumberListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface PhoneNumberListParams extends ListParams {}

/**
 * The account's phone numbers: `/v2/accounts/{ACCOUNT_ID}/phone_numbers`. Every number is
 * checked to be E.164 before anything is sent, and sent URL-encoded (`+` → `%2B`).
 *
 * @example
 * ```ts
 * const [offer] = await audian.phone_numbers.search({ prefix: '415', quantity: 1 });
 * await audian.phone_numbers.activate(offer.number);
 * for await (const n of audian.phone_numbers.list({ filter: { state: 'in_service' } })) console.log(n.number, n.used_by);
 * ```
 */
export class PhoneNumbers extends ResourceBase {
  /**
   * Lists the account's numbers. Crossbar answers `{"numbers": {"+1…": {…}}, "cascade_quantity": N}`;
   * each page's items are `{ number, ...details }`, all details kept.
   * `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers`
   *
   * @throws InvalidArgumentError for invalid list params
   */
  list(params?: PhoneNumberListParams, options?: CallOptions): PagePromise<PhoneNumberSummary> {
    return this.pages(NUMBERS, params, { options, schema: NUMBER_MAP, items: numberItems });
  }

  /**
   * How many numbers the account and its sub-accounts hold (the listing's `cascade_quantity`).
   * `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers`
   */
  cascadeQuantity(options?: CallOptions): APIPromise<number> {
    return this.call<{ cascade_quantity?: unknown }>('GET', NUMBERS, { query: { page_size: 1 }, options, schema: NUMBER_MAP }).map(
      (data) => (typeof data.cascade_quantity === 'number' ? data.cascade_quantity : Number(data.cascade_quantity ?? 0)),
    );
  }

  /**
   * Fetches one number (its public fields, `_read_only` state and features).
   * `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164
   * @throws NotFoundError when the account does not hold it
   */
  get(number: string, options?: CallOptions): APIPromise<PhoneNumber> {
    assertE164(number, 'number');
    return this.call('GET', ONE, { pathParams: { number }, options, schema: document });
  }

  /**
   * Acquires a number for the account (in state `create_with_state`, default `reserved`).
   * `PUT /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164 or a field has the wrong type
   * @throws ConflictError when the number already exists (`number_exists`)
   * @throws PaymentRequiredError when it has charges and `acceptCharges` was not set
   */
  create(number: string, fields: PhoneNumberCreateParams = {}, options?: CallOptions): APIPromise<PhoneNumber> {
    return APIPromise.after(checkNumberAnd(fields, number, 'full'), () =>
      this.call('PUT', ONE, { pathParams: { number }, data: fields, options, schema: document }),
    );
  }

  /**
   * Replaces the number's public fields (fields not sent are deleted).
   * `POST /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164 or the document breaks the schema
   */
  update(number: string, fields: PhoneNumberCreateParams, options?: CallOptions): APIPromise<PhoneNumber> {
    return APIPromise.after(checkNumberAnd(fields, number, 'full'), () =>
      this.call('POST', ONE, { pathParams: { number }, data: fields, options, schema: document }),
    );
  }

  /**
   * Changes some public fields (deep merge; `null` deletes).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164 or a given field has the wrong type
   */
  patch(number: string, changes: PhoneNumberPatchParams, options?: CallOptions): APIPromise<PhoneNumber> {
    return APIPromise.after(checkNumberAnd(changes, number, 'patch'), () =>
      this.call('PATCH', ONE, { pathParams: { number }, data: changes, options, schema: document }),
    );
  }

  /**
   * Releases the number from the account; `hard: true` deletes it from the system (super-admins only).
   * `DELETE /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164
   * @throws NotFoundError when the account does not hold it
   */
  delete(number: string, params: PhoneNumberDeleteParams = {}, options?: CallOptions): APIPromise<PhoneNumber> {
    assertE164(number, 'number');
    return this.call('DELETE', ONE, { pathParams: { number }, query: hardQuery(params), options });
  }

  /**
   * Searches numbers available to the account (carriers of its reseller).
   * `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers?prefix={PREFIX}&quantity={QUANTITY}&offset={OFFSET}`
   *
   * @throws InvalidArgumentError (before any request) when `prefix` is missing or `quantity`/`offset` is not a non-negative integer
   */
  search(params: NumberSearchParams, options?: CallOptions): APIPromise<AvailableNumber[]> {
    return this.call('GET', NUMBERS, { query: searchQuery(params), options });
  }

  /**
   * Searches numbers available on the whole system, for the logged-in account.
   * `GET /v2/phone_numbers?prefix={PREFIX}&quantity={QUANTITY}&offset={OFFSET}&country={COUNTRY}`
   *
   * @throws InvalidArgumentError (before any request) when `prefix` is missing or `quantity`/`offset` is not a non-negative integer
   */
  searchSystem(params: NumberSearchParams, options?: CallOptions): APIPromise<AvailableNumber[]> {
    return this.call('GET', 'phone_numbers', { query: searchQuery(params), options });
  }

  /**
   * Buys a number a search offered (nothing is charged when it is already in service).
   * `PUT /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}/activate`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164
   * @throws PaymentRequiredError when it has charges and `acceptCharges` was not set
   */
  activate(number: string, fields: PhoneNumberCreateParams = {}, options?: CallOptions): APIPromise<PhoneNumber> {
    return this.#numberAction(number, 'activate', fields, options);
  }

  /**
   * Moves a number to the `reserved` state.
   * `PUT /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}/reserve`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164
   * @throws BadRequestError (`no_change_required`) when it is already reserved
   */
  reserve(number: string, fields: PhoneNumberCreateParams = {}, options?: CallOptions): APIPromise<PhoneNumber> {
    return this.#numberAction(number, 'reserve', fields, options);
  }

  /**
   * Creates a number in the `port_in` state (a number being ported in).
   * `PUT /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}/port`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164
   */
  port(number: string, fields: PhoneNumberCreateParams = {}, options?: CallOptions): APIPromise<PhoneNumber> {
    return this.#numberAction(number, 'port', fields, options);
  }

  /**
   * Says which account a number belongs to.
   * `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers/{PHONE_NUMBER}/identify`
   *
   * @throws InvalidArgumentError (before any request) when `number` is not E.164
   * @throws NotFoundError when it is unknown or out of reach
   */
  identify(number: string, options?: CallOptions): APIPromise<PhoneNumberOwner> {
    assertE164(number, 'number');
    return this.call('GET', `${ONE}/identify`, { pathParams: { number }, options });
  }

  /** The number classifiers of the system, by name. `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers/classifiers` */
  classifiers(options?: CallOptions): APIPromise<Record<string, NumberClassifier>> {
    return this.call('GET', `${NUMBERS}/classifiers`, { options });
  }

  /**
   * Classifies a dial string (`+14155551234`, `911`, `011…`). Unlike the other calls it takes
   * any digits, since classifying short codes and international prefixes is its purpose.
   * `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers/classifiers/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `dialString` is not digits with an optional leading `+`
   */
  classify(dialString: string, options?: CallOptions): APIPromise<NumberClassification> {
    if (typeof dialString !== 'string' || !/^\+?[0-9]{1,20}$/.test(dialString)) {
      throw new InvalidArgumentError(
        'dialString',
        `dialString must be digits with an optional leading "+", got ${JSON.stringify(dialString)}`,
      );
    }
    return this.call('GET', `${NUMBERS}/classifiers/{number}`, { pathParams: { number: dialString }, options });
  }

  /**
   * Checks with the carriers whether numbers are still available: `{ "+1…": "success" | "error" }`.
   * `POST /v2/accounts/{ACCOUNT_ID}/phone_numbers/check`
   *
   * @throws InvalidArgumentError (before any request) when a number is not E.164
   */
  check(numbers: readonly string[], options?: CallOptions): APIPromise<Record<string, string>> {
    return this.call('POST', `${NUMBERS}/check`, { data: { numbers: checkNumbers(numbers) }, options });
  }

  /**
   * Locality (carrier, city, coordinates) of numbers, by number.
   * `POST /v2/accounts/{ACCOUNT_ID}/phone_numbers/locality`
   *
   * @throws InvalidArgumentError (before any request) when a number is not E.164
   */
  locality(numbers: readonly string[], options?: CallOptions): APIPromise<NumberLocalities> {
    return this.call('POST', `${NUMBERS}/locality`, { data: { numbers: checkNumbers(numbers) }, options });
  }

  /**
   * Re-syncs the account's number documents with the number database: every number, or one.
   * `POST /v2/accounts/{ACCOUNT_ID}/phone_numbers/fix` and
   * `POST /v2/accounts/{ACCOUNT_ID}/phone_numbers/fix/{PHONE_NUMBER}`
   *
   * @throws InvalidArgumentError (before any request) when `number` is given and not E.164
   */
  fix(number?: string, options?: CallOptions): APIPromise<unknown> {
    if (number === undefined) return this.call('POST', `${NUMBERS}/fix`, { options });
    assertE164(number, 'number');
    return this.call('POST', `${NUMBERS}/fix/{number}`, { pathParams: { number }, options });
  }

  /**
   * The carriers the account may use and how long a search prefix may be.
   * `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers/carriers_info`
   */
  carriersInfo(options?: CallOptions): APIPromise<CarriersInfo> {
    return this.call('GET', `${NUMBERS}/carriers_info`, { options });
  }

  /**
   * The number prefixes of a US city. `GET /v2/accounts/{ACCOUNT_ID}/phone_numbers/prefix?city={CITY}`
   *
   * @throws InvalidArgumentError (before any request) when `city` is empty
   */
  cityPrefixes(city: string, options?: CallOptions): APIPromise<unknown> {
    if (typeof city !== 'string' || city.trim() === '') throw new InvalidArgumentError('city', 'city must be a non-empty string');
    return this.call('GET', `${NUMBERS}/prefix`, { query: { city }, options });
  }

  /**
   * Adds numbers to the account in one call (state `create_with_state`, default `reserved`);
   * `fields` are set on each. Per-number failures are in the result's `error` map (all failing: a
   * `BadRequestError`, read it with {@link phoneNumberErrors}).
   * `PUT /v2/accounts/{ACCOUNT_ID}/phone_numbers/collection`
   *
   * @throws InvalidArgumentError (before any request) when a number is not E.164 or a field has the wrong type
   */
  createMany(
    numbers: readonly string[],
    fields: PhoneNumberCreateParams = {},
    options?: CallOptions,
  ): APIPromise<PhoneNumberCollectionResult> {
    return this.#collection('PUT', COLLECTION, numbers, fields, 'full', options);
  }

  /**
   * Replaces the public fields of several numbers with `fields`.
   * `POST /v2/accounts/{ACCOUNT_ID}/phone_numbers/collection`
   *
   * @throws InvalidArgumentError (before any request) when a number is not E.164 or a field has the wrong type
   */
  updateMany(numbers: readonly string[], fields: PhoneNumberCreateParams, options?: CallOptions): APIPromise<PhoneNumberCollectionResult> {
    return this.#collection('POST', COLLECTION, numbers, fields, 'full', options);
  }

  /**
   * Merges `changes` into the public fields of several numbers.
   * `PATCH /v2/accounts/{ACCOUNT_ID}/phone_numbers/collection`
   *
   * @throws InvalidArgumentError (before any request) when a number is not E.164 or a field has the wrong type
   */
  patchMany(numbers: readonly string[], changes: PhoneNumberPatchParams, options?: CallOptions): APIPromise<PhoneNumberCollectionResult> {
    return this.#collection('PATCH', COLLECTION, numbers, changes, 'patch', options);
  }

  /**
   * Releases several numbers (`hard: true` deletes them, super-admins only).
   * `DELETE /v2/accounts/{ACCOUNT_ID}/phone_numbers/collection`
   *
   * @throws InvalidArgumentError (before any request) when a number is not E.164
   */
  deleteMany(
    numbers: readonly string[],
    params: PhoneNumberDeleteParams = {},
    options?: CallOptions,
  ): APIPromise<PhoneNumberCollectionResult> {
    return APIPromise.run(() =>
      this.call('DELETE', COLLECTION, { data: { numbers: checkNumbers(numbers) }, query: hardQuery(params), options }).map(
        collectionResult,
      ),
    );
  }

  /**
   * Buys several numbers a search offered.
   * `PUT /v2/accounts/{ACCOUNT_ID}/phone_numbers/collection/activate`
   *
   * @throws InvalidArgumentError (before any request) when a number is not E.164
   * @throws PaymentRequiredError when it has charges and `acceptCharges` was not set
   */
  activateMany(
    numbers: readonly string[],
    fields: PhoneNumberCreateParams = {},
    options?: CallOptions,
  ): APIPromise<PhoneNumberCollectionResult> {
    return this.#collection('PUT', `${COLLECTION}/activate`, numbers, fields, 'full', options);
  }

  #numberAction(number: string, action: string, fields: unknown, options: CallOptions | undefined): APIPromise<PhoneNumber> {
    return APIPromise.after(checkNumberAnd(fields, number, 'full'), () =>
      this.call<PhoneNumber>('PUT', `${ONE}/${action}`, { pathParams: { number }, data: fields, options, schema: document }),
    );
  }

  #collection(
    method: 'PUT' | 'POST' | 'PATCH',
    path: string,
    numbers: readonly string[],
    fields: unknown,
    mode: 'full' | 'patch',
    options: CallOptions | undefined,
  ): APIPromise<PhoneNumberCollectionResult> {
    return APIPromise.run(() => {
      const list = checkNumbers(numbers);
      if (isRecord(fields) && 'numbers' in fields) {
        throw new InvalidArgumentError('fields.numbers', 'fields must not carry "numbers": pass the numbers as the first argument');
      }
      return APIPromise.after(checkBody(schemas, fields, mode, 'phone number fields'), () =>
        this.call(method, path, { data: { ...(fields as object), numbers: list }, options }).map(collectionResult),
      );
    });
  }
}

/** Checks a number (E.164) and the fields sent with it; rejects instead of throwing. */
async function checkNumberAnd(fields: unknown, number: string, mode: 'full' | 'patch'): Promise<void> {
  assertE164(number, 'number');
  await checkBody(schemas, fields, mode, 'phone number');
}

/** The listing's `data` must be `{ numbers: { "<number>": { … } } }`. */
const NUMBER_MAP: StandardSchemaV1 = {
  '~standard': {
    version: 1,
    vendor: 'audian',
    validate(value: unknown) {
      if (!isRecord(value) || !isRecord(value.numbers)) return { issues: [{ message: 'expected {"numbers": {…}}', path: ['numbers'] }] };
      for (const [number, details] of Object.entries(value.numbers)) {
        if (!isRecord(details)) return { issues: [{ message: 'expected an object', path: ['numbers', number] }] };
      }
      return { value };
    },
  },
};

function numberItems(data: unknown): PhoneNumberSummary[] {
  const numbers = (data as { numbers: Record<string, Record<string, unknown>> }).numbers;
  return Object.entries(numbers).map(([number, details]) => ({ number, ...details }) as PhoneNumberSummary);
}

function checkNumbers(numbers: readonly string[]): string[] {
  if (!Array.isArray(numbers) || numbers.length === 0) {
    throw new InvalidArgumentError('numbers', 'numbers must be a non-empty array of E.164 numbers');
  }
  numbers.forEach((n, i) => {
    assertE164(n, `numbers[${i}]`);
  });
  return [...numbers];
}

function hardQuery(params: { readonly hard?: boolean }): Record<string, boolean> | undefined {
  if (typeof params !== 'object' || params === null) throw new InvalidArgumentError('params', 'params must be an object');
  if (params.hard !== undefined && typeof params.hard !== 'boolean') throw new InvalidArgumentError('hard', 'hard must be a boolean');
  return params.hard ? { hard: true } : undefined;
}

function searchQuery(params: NumberSearchParams): Record<string, string | number | undefined> {
  if (typeof params !== 'object' || params === null) throw new InvalidArgumentError('params', 'search params must be an object');
  if (typeof params.prefix !== 'string' || !/^\+?[0-9]{1,10}$/.test(params.prefix)) {
    throw new InvalidArgumentError(
      'prefix',
      `prefix must be digits (an area code such as "415") or an E.164 prefix ("+1415"), got ${JSON.stringify(params.prefix)}`,
    );
  }
  for (const key of ['quantity', 'offset'] as const) {
    const v = params[key];
    if (v !== undefined && (!Number.isInteger(v) || v < (key === 'quantity' ? 1 : 0))) {
      throw new InvalidArgumentError(
        key,
        `${key} must be ${key === 'quantity' ? 'a positive' : 'a non-negative'} integer, got ${String(v)}`,
      );
    }
  }
  if (params.country !== undefined && !/^[A-Za-z]{2}$/.test(params.country)) {
    throw new InvalidArgumentError('country', `country must be a two-letter country code, got ${JSON.stringify(params.country)}`);
  }
  return { prefix: params.prefix, quantity: params.quantity, offset: params.offset, country: params.country };
}

function collectionResult(data: unknown): PhoneNumberCollectionResult {
  const body = isRecord(data) ? data : {};
  return {
    success: (isRecord(body.success) ? body.success : {}) as Record<string, PhoneNumber>,
    error: (isRecord(body.error) ? body.error : {}) as Record<string, PhoneNumberError>,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type {
  AvailableNumber,
  NumberClassification,
  NumberClassifier,
  NumberSearchParams,
  PhoneNumber,
  PhoneNumberCollectionResult,
  PhoneNumberCreateParams,
  PhoneNumberError,
  PhoneNumberOwner,
  PhoneNumberPatchParams,
  PhoneNumberSummary,
} from '../schemas/phone-numbers.js';
