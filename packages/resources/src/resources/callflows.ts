import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, documentCheck, ResourceBase } from '../internal/resource-base.js';
import type { Callflow, CallflowCreateParams, CallflowPatchParams, CallflowSummary } from '../schemas/callflows.js';

const CALLFLOWS = 'accounts/{account_id}/callflows';

const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/callflows.js');
  return { document: m.CallflowSchema, summary: m.CallflowSummarySchema };
});
const DOCUMENT = documentCheck(SCHEMAS);

async function checkCallflow(body: unknown, mode: 'full' | 'patch'): Promise<void> {
  const { validateCallflow } = await import('../schemas/callflows.js');
  validateCallflow(body, mode);
}

const SPEC = collection(CALLFLOWS, 'callflow', SCHEMAS);

/**
 * What `Callflows.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { CallflowListParams } from '@audian/resources';
 *
 * const params: CallflowListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface CallflowListParams extends ListParams {}

/**
 * The account's callflows (what happens when a number or pattern is dialled):
 * `/v2/accounts/{ACCOUNT_ID}/callflows`. Create and update check the whole flow tree before
 * sending: each node's `data` against its module's schema, and that the callflow has numbers or
 * patterns.
 *
 * @example
 * ```ts
 * import { callflowNode, createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * await audian.callflows.create({
 *   name: 'Sales',
 *   numbers: ['2000', '+14155550100'],
 *   flow: callflowNode('ring_group', { endpoints: [{ id: groupId, endpoint_type: 'group' }] }, {
 *     _: callflowNode('voicemail', { id: boxId }),
 *   }),
 * });
 * ```
 */
export class Callflows extends ResourceBase {
  /**
   * Lists the callflows (summaries: id, name, numbers, patterns, featurecode, modules, flags,
   * type, owner_id, group_id). `GET /v2/accounts/{ACCOUNT_ID}/callflows`
   */
  list(params?: CallflowListParams, options?: CallOptions): PagePromise<CallflowSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one callflow with its flow tree. `GET /v2/accounts/{ACCOUNT_ID}/callflows/{CALLFLOW_ID}`
   *
   * @throws NotFoundError when there is no such callflow
   */
  get(callflowId: string, options?: CallOptions): APIPromise<Callflow> {
    return this._get(SPEC, callflowId, options);
  }

  /** Deletes a callflow; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/callflows/{CALLFLOW_ID}` */
  delete(callflowId: string, options?: CallOptions): APIPromise<Callflow> {
    return this._delete(SPEC, callflowId, options);
  }

  /**
   * Creates a callflow. `PUT /v2/accounts/{ACCOUNT_ID}/callflows`
   *
   * @throws InvalidArgumentError (before any request) when it has neither numbers nor patterns, or
   *   a node's `data` breaks its module's schema (the issue path names the node: `flow.children._.data.id`)
   * @throws BadRequestError when Crossbar rejects it (a number already used by another callflow, …)
   */
  create(callflow: CallflowCreateParams, options?: CallOptions): APIPromise<Callflow> {
    return APIPromise.after(checkCallflow(callflow, 'full'), () =>
      this.call('PUT', CALLFLOWS, { data: callflow, options, schema: DOCUMENT }),
    );
  }

  /**
   * Replaces a callflow (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/callflows/{CALLFLOW_ID}`
   *
   * @throws InvalidArgumentError (before any request) as for `create()`
   */
  update(callflowId: string, callflow: CallflowCreateParams, options?: CallOptions): APIPromise<Callflow> {
    return APIPromise.after(checkCallflow(callflow, 'full'), () =>
      this.call('POST', `${CALLFLOWS}/{id}`, { pathParams: { id: callflowId }, data: callflow, options, schema: DOCUMENT }),
    );
  }

  /**
   * Changes some fields (deep merge: a partial `flow` is merged into the stored tree; arrays such
   * as `numbers` are replaced; `null` deletes). Crossbar validates the merged result.
   * `PATCH /v2/accounts/{ACCOUNT_ID}/callflows/{CALLFLOW_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type, or
   *   both `numbers` and `patterns` are cleared
   */
  patch(callflowId: string, changes: CallflowPatchParams, options?: CallOptions): APIPromise<Callflow> {
    return APIPromise.after(checkCallflow(changes, 'patch'), () =>
      this.call('PATCH', `${CALLFLOWS}/{id}`, { pathParams: { id: callflowId }, data: changes, options, schema: DOCUMENT }),
    );
  }
}

export type {
  Callflow,
  CallflowChildren,
  CallflowCreateParams,
  CallflowGenericNode,
  CallflowModuleData,
  CallflowNode,
  CallflowPatchParams,
  CallflowSummary,
  CallflowTypedModule,
  CallflowTypedNode,
} from '../schemas/callflows.js';
