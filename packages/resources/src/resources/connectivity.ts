import type { CallOptions, ListParams, PagePromise, StandardSchemaV1 } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { ConnectivityCreateParams, ConnectivityPatchParams, ConnectivitySettings } from '../schemas/connectivity.js';

const CONNECTIVITY = 'accounts/{account_id}/connectivity';

/** Crossbar lists connectivity documents by id only: the page is an array of strings. */
const ID_LIST: StandardSchemaV1 = {
  '~standard': {
    version: 1,
    vendor: 'audian',
    validate(value: unknown) {
      if (!Array.isArray(value)) return { issues: [{ message: `expected a list, got ${value === null ? 'null' : typeof value}` }] };
      const bad = value.findIndex((v) => typeof v !== 'string');
      return bad >= 0 ? { issues: [{ message: 'expected a string id', path: [bad] }] } : { value };
    },
  },
};

const SPEC = collection(
  CONNECTIVITY,
  'connectivity',
  lazy(async () => {
    const m = await import('../schemas/connectivity.js');
    return { document: m.ConnectivitySchema, summary: m.ConnectivitySchema };
  }),
);

/**
 * What `Connectivity.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { ConnectivityListParams } from '@audian/resources';
 *
 * const params: ConnectivityListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface ConnectivityListParams extends ListParams {}

/**
 * The account's trunkstore connections (PBXs on SIP trunks): `/v2/accounts/{ACCOUNT_ID}/connectivity`.
 *
 * @example
 * ```ts
 * const pbx = await audian.connectivity.create({ account: { trunks: 4 }, servers: [{ auth: { auth_method: 'IP', ip: '203.0.113.10' } }] });
 * for await (const id of audian.connectivity.list()) console.log(id);
 * ```
 */
export class Connectivity extends ResourceBase {
  /** Lists the connectivity documents: their ids (Crossbar lists nothing else). `GET /v2/accounts/{ACCOUNT_ID}/connectivity` */
  list(params?: ConnectivityListParams, options?: CallOptions): PagePromise<string> {
    return this.pages(CONNECTIVITY, params, { options, schema: ID_LIST });
  }

  /**
   * Fetches one connectivity document. `GET /v2/accounts/{ACCOUNT_ID}/connectivity/{CONNECTIVITY_ID}`
   *
   * @throws NotFoundError when there is no such document
   */
  get(connectivityId: string, options?: CallOptions): APIPromise<ConnectivitySettings> {
    return this._get(SPEC, connectivityId, options);
  }

  /**
   * Creates a connectivity document. `PUT /v2/accounts/{ACCOUNT_ID}/connectivity`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   */
  create(connectivity: ConnectivityCreateParams, options?: CallOptions): APIPromise<ConnectivitySettings> {
    return this._create(SPEC, connectivity, options);
  }

  /**
   * Replaces a connectivity document (fields not sent are deleted).
   * `POST /v2/accounts/{ACCOUNT_ID}/connectivity/{CONNECTIVITY_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(connectivityId: string, connectivity: ConnectivityCreateParams, options?: CallOptions): APIPromise<ConnectivitySettings> {
    return this._update(SPEC, connectivityId, connectivity, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/connectivity/{CONNECTIVITY_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(connectivityId: string, changes: ConnectivityPatchParams, options?: CallOptions): APIPromise<ConnectivitySettings> {
    return this._patch(SPEC, connectivityId, changes, options);
  }

  /** Deletes a connectivity document; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/connectivity/{CONNECTIVITY_ID}` */
  delete(connectivityId: string, options?: CallOptions): APIPromise<ConnectivitySettings> {
    return this._delete(SPEC, connectivityId, options);
  }
}

export type { ConnectivityCreateParams, ConnectivityPatchParams, ConnectivitySettings } from '../schemas/connectivity.js';
