import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { FunctionCreateParams, FunctionPatchParams, FunctionSample, FunctionSummary, KazooFunction } from '../schemas/functions.js';

const PATH = 'accounts/{account_id}/functions';
const SPEC = collection(
  PATH,
  'function',
  lazy(async () => {
    const m = await import('../schemas/functions.js');
    return { document: m.FunctionSchema, summary: m.FunctionSummarySchema };
  }),
);
const ANY_LIST = listCheck(null);

/**
 * The account's serverless functions (JavaScript a callflow's `function` action runs to pick what
 * the call does next): `/v2/accounts/{ACCOUNT_ID}/functions`, plus sample functions and the
 * functions the system offers.
 *
 * @example
 * ```ts
 * const fn = await audian.functions.create({ name: 'After hours', function_js: 'return { module: "voicemail", data: { id: boxId } };' });
 * await audian.functions.patch(fn.id, { enabled: false });
 * const samples = await audian.functions.samples();
 * ```
 */
export class Functions extends ResourceBase {
  /** Lists the account's functions (id, name, code, enabled). `GET /v2/accounts/{ACCOUNT_ID}/functions` */
  list(params?: ListParams, options?: CallOptions): PagePromise<FunctionSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one function. `GET /v2/accounts/{ACCOUNT_ID}/functions/{FUNCTION_ID}`
   *
   * @throws NotFoundError when there is no such function
   */
  get(functionId: string, options?: CallOptions): APIPromise<KazooFunction> {
    return this._get(SPEC, functionId, options);
  }

  /**
   * Creates a function. `PUT /v2/accounts/{ACCOUNT_ID}/functions`
   *
   * @throws InvalidArgumentError (before any request) when `name` or `function_js` is missing
   */
  create(fn: FunctionCreateParams, options?: CallOptions): APIPromise<KazooFunction> {
    return this._create(SPEC, fn, options);
  }

  /**
   * Replaces a function (merged over the stored one). `POST /v2/accounts/{ACCOUNT_ID}/functions/{FUNCTION_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `name` or `function_js` is missing
   */
  update(functionId: string, fn: FunctionCreateParams, options?: CallOptions): APIPromise<KazooFunction> {
    return this._update(SPEC, functionId, fn, options);
  }

  /**
   * Changes some fields of a function (deep merge). `PATCH /v2/accounts/{ACCOUNT_ID}/functions/{FUNCTION_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(functionId: string, changes: FunctionPatchParams, options?: CallOptions): APIPromise<KazooFunction> {
    return this._patch(SPEC, functionId, changes, options);
  }

  /** Deletes a function; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/functions/{FUNCTION_ID}` */
  delete(functionId: string, options?: CallOptions): APIPromise<KazooFunction> {
    return this._delete(SPEC, functionId, options);
  }

  /** Sample functions to start from. `GET /v2/accounts/{ACCOUNT_ID}/functions/samples` */
  samples(options?: CallOptions): APIPromise<FunctionSample[]> {
    return this.call('GET', `${PATH}/samples`, { options });
  }

  /** The same samples, without an account. `GET /v2/functions/samples` */
  systemSamples(options?: CallOptions): APIPromise<FunctionSample[]> {
    return this.call('GET', 'functions/samples', { options });
  }

  /** The functions the system offers every account (its `function_meta` documents). `GET /v2/functions` */
  available(params?: ListParams, options?: CallOptions): PagePromise<Readonly<Record<string, unknown>>> {
    return this.pages('functions', params, { options, schema: ANY_LIST });
  }
}

export type { FunctionCreateParams, FunctionPatchParams, FunctionSample, FunctionSummary, KazooFunction } from '../schemas/functions.js';
