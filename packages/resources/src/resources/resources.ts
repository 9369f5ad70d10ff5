import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  Resource,
  ResourceCollectionChange,
  ResourceCollectionResult,
  ResourceCreateParams,
  ResourceJob,
  ResourceJobCreateParams,
  ResourceJobSummary,
  ResourcePatchParams,
  ResourceSummary,
} from '../schemas/resources.js';

const PATH = 'accounts/{account_id}/resources';
const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/resources.js');
  return { document: m.ResourceSchema, summary: m.ResourceSummarySchema };
});
const JOB = lazy(async () => {
  const m = await import('../schemas/resources.js');
  return { document: m.ResourceJobSchema, summary: m.ResourceJobSummarySchema };
});
const SPEC = collection(PATH, 'resource', SCHEMAS);

/**
 * The account's own carriers ("local resources": SIP trunks it brings):
 * `/v2/accounts/{ACCOUNT_ID}/resources`, their bulk writes (`createCollection`, `updateCollection`)
 * and bulk number-import jobs (`createJob`, `listJobs`, `getJob`).
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const carrier = await audian.resources.create({
 *   name: 'Carrier A',
 *   gateways: [{ server: 'sip.carrier-a.example', username: 'acme', password: 'secret' }],
 *   rules: ['^\\+1(\\d{10})$'],
 * });
 * const job = await audian.resources.createJob({ resource_id: carrier.id, numbers: ['+14155550100'] });
 * console.log((await audian.resources.getJob(job.id)).status);
 * ```
 */
export class Resources extends ResourceBase {
  /** Lists the carriers (id, name, enabled, weight). `GET /v2/accounts/{ACCOUNT_ID}/resources` */
  list(params?: ListParams, options?: CallOptions): PagePromise<ResourceSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one carrier. `GET /v2/accounts/{ACCOUNT_ID}/resources/{RESOURCE_ID}`
   *
   * @throws NotFoundError when there is no such carrier
   */
  get(resourceId: string, options?: CallOptions): APIPromise<Resource> {
    return this._get(SPEC, resourceId, options);
  }

  /**
   * Creates a carrier. `PUT /v2/accounts/{ACCOUNT_ID}/resources`
   *
   * @throws InvalidArgumentError (before any request) when `name` or `gateways` is missing or a field has the wrong type
   */
  create(resource: ResourceCreateParams, options?: CallOptions): APIPromise<Resource> {
    return this._create(SPEC, resource, options);
  }

  /**
   * Replaces a carrier (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/resources/{RESOURCE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(resourceId: string, resource: ResourceCreateParams, options?: CallOptions): APIPromise<Resource> {
    return this._update(SPEC, resourceId, resource, options);
  }

  /**
   * Changes some fields of a carrier (deep merge). `PATCH /v2/accounts/{ACCOUNT_ID}/resources/{RESOURCE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(resourceId: string, changes: ResourcePatchParams, options?: CallOptions): APIPromise<Resource> {
    return this._patch(SPEC, resourceId, changes, options);
  }

  /** Deletes a carrier; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/resources/{RESOURCE_ID}` */
  delete(resourceId: string, options?: CallOptions): APIPromise<Resource> {
    return this._delete(SPEC, resourceId, options);
  }

  /**
   * Creates several carriers at once, all or none: the answer is the account's carrier listing,
   * or `errors` by item id when any item is invalid (then nothing is saved).
   * `PUT /v2/accounts/{ACCOUNT_ID}/resources/collection`
   *
   * @throws InvalidArgumentError (before any request) when `resources` is not a non-empty array or an item breaks the schema
   */
  createCollection(resources: readonly ResourceCreateParams[], options?: CallOptions): APIPromise<ResourceCollectionResult> {
    return APIPromise.after(this.#checkItems(resources, 'full'), () =>
      this.call('PUT', `${PATH}/collection`, { data: resources, options }),
    );
  }

  /**
   * Changes several carriers at once (each item: its `id` and the fields to merge), all or none:
   * the answer is the account's carrier listing, or `errors` by id (`resource does not exist` for
   * an unknown id). `POST /v2/accounts/{ACCOUNT_ID}/resources/collection`
   *
   * @throws InvalidArgumentError (before any request) when an item has no `id` or a field has the wrong type
   */
  updateCollection(changes: readonly ResourceCollectionChange[], options?: CallOptions): APIPromise<ResourceCollectionResult> {
    return APIPromise.after(this.#checkItems(changes, 'patch'), () => this.call('POST', `${PATH}/collection`, { data: changes, options }));
  }

  /** Lists the bulk number-import jobs (time-ranged by creation). `GET /v2/accounts/{ACCOUNT_ID}/resources/jobs` */
  listJobs(params?: ListParams, options?: CallOptions): PagePromise<ResourceJobSummary> {
    return this.pages(`${PATH}/jobs`, params, { options, schema: listCheck() });
  }

  /**
   * Schedules a job adding `numbers` to the account from the carrier `resource_id`; it starts
   * `pending`. `PUT /v2/accounts/{ACCOUNT_ID}/resources/jobs`
   *
   * @throws InvalidArgumentError (before any request) when `numbers` is empty or `resource_id` is missing
   */
  createJob(job: ResourceJobCreateParams, options?: CallOptions): APIPromise<ResourceJob> {
    return APIPromise.after(this.validate(JOB, job, 'full', 'resource job'), () =>
      this.call('PUT', `${PATH}/jobs`, { data: job, options }),
    );
  }

  /**
   * Fetches a job with its status and per-number outcomes. `GET /v2/accounts/{ACCOUNT_ID}/resources/jobs/{JOB_ID}`
   *
   * @throws NotFoundError when there is no such job, or the id is not a job id (`YYYYMM-…`)
   */
  getJob(jobId: string, options?: CallOptions): APIPromise<ResourceJob> {
    return this.call('GET', `${PATH}/jobs/{id}`, { pathParams: { id: jobId }, options });
  }

  async #checkItems(items: readonly unknown[], mode: 'full' | 'patch'): Promise<void> {
    if (!Array.isArray(items) || items.length === 0) throw new InvalidArgumentError('data', 'data must be a non-empty array of carriers');
    for (const [i, item] of items.entries()) {
      if (mode === 'patch' && (typeof (item as { id?: unknown })?.id !== 'string' || (item as { id: string }).id === ''))
        throw new InvalidArgumentError(`data.${i}.id`, `data.${i}.id is required: the id of the carrier to change`);
      await this.validate(SCHEMAS, item, mode, `resource ${i}`);
    }
  }
}

export type {
  Resource,
  ResourceCollectionChange,
  ResourceCollectionResult,
  ResourceCreateParams,
  ResourceJob,
  ResourceJobCreateParams,
  ResourceJobOutcome,
  ResourceJobSummary,
  ResourcePatchParams,
  ResourceSummary,
} from '../schemas/resources.js';
