import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { CTX, checkBody, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type { StorageCreateParams, StorageDocument, StoragePatchParams, StoragePlan } from '../schemas/storage.js';

const STORAGE = 'accounts/{account_id}/storage';
const PLANS = `${STORAGE}/plans`;
const SCHEMAS = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/storage.js');
  return { document: m.StorageSchema, summary: m.StorageSchema };
});

/** Per-call options of a storage write: `validateSettings: false` skips the backend probe (when the system allows it). */
export interface StorageWriteOptions extends CallOptions {
  readonly validateSettings?: boolean;
}

function writeQuery(options: StorageWriteOptions | undefined): Record<string, string | undefined> {
  return { validate_settings: options?.validateSettings === undefined ? undefined : String(options.validateSettings) };
}

/**
 * A reseller's storage plans: `/v2/accounts/{ACCOUNT_ID}/storage/plans` (the account must be a
 * reseller). Get one with `audian.storage.plans()`.
 *
 * @example
 * ```ts
 * const plans = createAudian({ auth }).storage.plans();
 * const plan = await plans.create({ plan: { modb: { types: { call_recording: { attachments: { handler: attId } } } } } });
 * ```
 */
export class StoragePlans extends ResourceBase {
  /**
   * Lists the reseller's storage plans (whole documents). `GET /v2/accounts/{ACCOUNT_ID}/storage/plans`
   *
   * @throws ForbiddenError when the account is not a reseller
   */
  list(params?: ListParams, options?: CallOptions): PagePromise<StoragePlan> {
    return this.pages(PLANS, params, { options, schema: listCheck() });
  }

  /**
   * Fetches one storage plan. `GET /v2/accounts/{ACCOUNT_ID}/storage/plans/{STORAGE_PLAN_ID}`
   *
   * @throws NotFoundError when there is no such plan
   */
  get(planId: string, options?: CallOptions): APIPromise<StoragePlan> {
    return this.call('GET', `${PLANS}/{id}`, { pathParams: { id: planId }, options });
  }

  /**
   * Creates a storage plan. `PUT /v2/accounts/{ACCOUNT_ID}/storage/plans`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  create(plan: StorageCreateParams, options?: StorageWriteOptions): APIPromise<StoragePlan> {
    return APIPromise.after(checkBody(SCHEMAS, plan, 'full', 'storage plan'), () =>
      this.call<StoragePlan>('PUT', PLANS, { data: plan, query: writeQuery(options), options }),
    );
  }

  /**
   * Replaces a storage plan. `POST /v2/accounts/{ACCOUNT_ID}/storage/plans/{STORAGE_PLAN_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(planId: string, plan: StorageCreateParams, options?: StorageWriteOptions): APIPromise<StoragePlan> {
    return APIPromise.after(checkBody(SCHEMAS, plan, 'full', 'storage plan'), () =>
      this.call<StoragePlan>('POST', `${PLANS}/{id}`, { pathParams: { id: planId }, data: plan, query: writeQuery(options), options }),
    );
  }

  /**
   * Changes some fields of a storage plan (deep merge). `PATCH /v2/accounts/{ACCOUNT_ID}/storage/plans/{STORAGE_PLAN_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(planId: string, changes: StoragePatchParams, options?: StorageWriteOptions): APIPromise<StoragePlan> {
    return APIPromise.after(checkBody(SCHEMAS, changes, 'patch', 'storage plan'), () =>
      this.call<StoragePlan>('PATCH', `${PLANS}/{id}`, { pathParams: { id: planId }, data: changes, query: writeQuery(options), options }),
    );
  }

  /** Deletes a storage plan; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/storage/plans/{STORAGE_PLAN_ID}` */
  delete(planId: string, options?: CallOptions): APIPromise<StoragePlan> {
    return this.call('DELETE', `${PLANS}/{id}`, { pathParams: { id: planId }, options });
  }
}

/**
 * Where the account's documents and attachments are stored (S3, Azure, Google, Dropbox, OneDrive
 * or an HTTP server): `/v2/accounts/{ACCOUNT_ID}/storage`. One document per account; the
 * reseller's storage plans are {@link StorageSettings.plans}. Writes probe each new backend unless
 * `validateSettings: false`.
 *
 * @example
 * ```ts
 * const attId = '0123456789abcdef0123456789abcdef';
 * await audian.storage.create({
 *   attachments: { [attId]: { handler: 's3', name: 'recordings', settings: { bucket: 'calls', key: 'AKIA…', secret: '…' } } },
 *   plan: { modb: { types: { call_recording: { attachments: { handler: attId } } } } },
 * });
 * ```
 */
export class StorageSettings extends ResourceBase {
  /**
   * Reads the account's storage document. `GET /v2/accounts/{ACCOUNT_ID}/storage`
   *
   * @throws NotFoundError when the account has none
   */
  get(options?: CallOptions): APIPromise<StorageDocument> {
    return this.call('GET', STORAGE, { options });
  }

  /**
   * Creates the account's storage document. `PUT /v2/accounts/{ACCOUNT_ID}/storage`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   * @throws ConflictError when the account already has one
   */
  create(storage: StorageCreateParams, options?: StorageWriteOptions): APIPromise<StorageDocument> {
    return APIPromise.after(checkBody(SCHEMAS, storage, 'full', 'storage'), () =>
      this.call<StorageDocument>('PUT', STORAGE, { data: storage, query: writeQuery(options), options }),
    );
  }

  /**
   * Replaces the account's storage document. `POST /v2/accounts/{ACCOUNT_ID}/storage`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(storage: StorageCreateParams, options?: StorageWriteOptions): APIPromise<StorageDocument> {
    return APIPromise.after(checkBody(SCHEMAS, storage, 'full', 'storage'), () =>
      this.call<StorageDocument>('POST', STORAGE, { data: storage, query: writeQuery(options), options }),
    );
  }

  /**
   * Changes some fields (deep merge). `PATCH /v2/accounts/{ACCOUNT_ID}/storage`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(changes: StoragePatchParams, options?: StorageWriteOptions): APIPromise<StorageDocument> {
    return APIPromise.after(checkBody(SCHEMAS, changes, 'patch', 'storage'), () =>
      this.call<StorageDocument>('PATCH', STORAGE, { data: changes, query: writeQuery(options), options }),
    );
  }

  /** Deletes the account's storage document; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/storage` */
  delete(options?: CallOptions): APIPromise<StorageDocument> {
    return this.call('DELETE', STORAGE, { options });
  }

  /** The reseller's storage plans. */
  plans(): ResourceMethods<StoragePlans> {
    return new StoragePlans(this[CTX]);
  }
}

export type { StorageCreateParams, StorageDocument, StoragePatchParams, StoragePlan } from '../schemas/storage.js';
