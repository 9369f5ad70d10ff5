import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, documentCheck, ResourceBase } from '../internal/resource-base.js';
import type { Group, GroupCreateParams, GroupPatchParams, GroupSummary } from '../schemas/groups.js';

const PATH = 'accounts/{account_id}/groups';
const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/groups.js');
  return { document: m.GroupSchema, summary: m.GroupSummarySchema };
});
const PATCH = lazy(async () => {
  const m = await import('../schemas/groups.js');
  return { document: m.GroupPatchSchema, summary: m.GroupSummarySchema };
});
const DOCUMENT = documentCheck(SCHEMAS);

const LISTING = listCheck();

// No _patch: patch() below checks against the patch schema, where `null` entries delete.
const SPEC = collection(PATH, 'group', SCHEMAS);

/**
 * What `Groups.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { GroupListParams } from '@audian/resources';
 *
 * const params: GroupListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface GroupListParams extends ListParams {}

/**
 * The account's groups of users and devices (rung together by `ring_group` callflow nodes):
 * `/v2/accounts/{ACCOUNT_ID}/groups`. `endpoints` maps each member's id to `{ type, weight }`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const sales = await audian.groups.create({
 *   name: 'Sales',
 *   endpoints: { [adaId]: { type: 'user', weight: 1 }, [deskPhoneId]: { type: 'device', weight: 2 } },
 * });
 * const adasGroups = await audian.groups.forUser(adaId).toArray();
 * ```
 */
export class Groups extends ResourceBase {
  /** Lists the groups (id, name, features, endpoint count, flags). `GET /v2/accounts/{ACCOUNT_ID}/groups` */
  list(params?: GroupListParams, options?: CallOptions): PagePromise<GroupSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one group with its endpoints. `GET /v2/accounts/{ACCOUNT_ID}/groups/{GROUP_ID}`
   *
   * @throws NotFoundError when there is no such group
   */
  get(groupId: string, options?: CallOptions): APIPromise<Group> {
    return this._get(SPEC, groupId, options);
  }

  /**
   * Creates a group. `PUT /v2/accounts/{ACCOUNT_ID}/groups`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or an endpoint has no valid `type`
   */
  create(group: GroupCreateParams, options?: CallOptions): APIPromise<Group> {
    return this._create(SPEC, group, options);
  }

  /**
   * Replaces a group (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/groups/{GROUP_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(groupId: string, group: GroupCreateParams, options?: CallOptions): APIPromise<Group> {
    return this._update(SPEC, groupId, group, options);
  }

  /** Deletes a group; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/groups/{GROUP_ID}` */
  delete(groupId: string, options?: CallOptions): APIPromise<Group> {
    return this._delete(SPEC, groupId, options);
  }

  /** Lists the groups a user is a member of. `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/groups` */
  forUser(userId: string, params?: ListParams, options?: CallOptions): PagePromise<GroupSummary> {
    return this.pages('accounts/{account_id}/users/{user_id}/groups', params, {
      pathParams: { user_id: userId },
      options,
      schema: LISTING,
    });
  }

  /**
   * Changes some fields (deep merge: `endpoints` entries merge by id, `null` removes one).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/groups/{GROUP_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(groupId: string, changes: GroupPatchParams, options?: CallOptions): APIPromise<Group> {
    return APIPromise.after(this.validate(PATCH, changes, 'patch', 'group'), () =>
      this.call('PATCH', `${PATH}/{id}`, { pathParams: { id: groupId }, data: changes, options, schema: DOCUMENT }),
    );
  }
}

export type { Group, GroupCreateParams, GroupEndpoint, GroupPatchParams, GroupSummary } from '../schemas/groups.js';
