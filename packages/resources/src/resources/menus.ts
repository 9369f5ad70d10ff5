import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { Menu, MenuCreateParams, MenuPatchParams, MenuSummary } from '../schemas/menus.js';

const SPEC = collection(
  'accounts/{account_id}/menus',
  'menu',
  lazy(async () => {
    const m = await import('../schemas/menus.js');
    return { document: m.MenuSchema, summary: m.MenuSummarySchema };
  }),
);

/**
 * What `Menus.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { MenuListParams } from '@audian/resources';
 *
 * const params: MenuListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface MenuListParams extends ListParams {}

/**
 * The account's IVR menus: `/v2/accounts/{ACCOUNT_ID}/menus`. A menu's options are the children
 * of its `menu` node in a callflow, keyed by digit.
 *
 * @example
 * ```ts
 * import { callflowNode, createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const menu = await audian.menus.create({ name: 'Main menu', media: { greeting: greetingMediaId }, retries: 2 });
 * await audian.callflows.create({
 *   numbers: ['+14155550100'],
 *   flow: callflowNode('menu', { id: menu.id }, { '1': callflowNode('user', { id: salesUserId }) }),
 * });
 * ```
 */
export class Menus extends ResourceBase {
  /** Lists the menus (id, name, flags). `GET /v2/accounts/{ACCOUNT_ID}/menus` */
  list(params?: MenuListParams, options?: CallOptions): PagePromise<MenuSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one menu. `GET /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}`
   *
   * @throws NotFoundError when there is no such menu
   */
  get(menuId: string, options?: CallOptions): APIPromise<Menu> {
    return this._get(SPEC, menuId, options);
  }

  /**
   * Creates a menu. `PUT /v2/accounts/{ACCOUNT_ID}/menus`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  create(menu: MenuCreateParams, options?: CallOptions): APIPromise<Menu> {
    return this._create(SPEC, menu, options);
  }

  /**
   * Replaces a menu (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(menuId: string, menu: MenuCreateParams, options?: CallOptions): APIPromise<Menu> {
    return this._update(SPEC, menuId, menu, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(menuId: string, changes: MenuPatchParams, options?: CallOptions): APIPromise<Menu> {
    return this._patch(SPEC, menuId, changes, options);
  }

  /** Deletes a menu; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}` */
  delete(menuId: string, options?: CallOptions): APIPromise<Menu> {
    return this._delete(SPEC, menuId, options);
  }
}

export type { Menu, MenuCreateParams, MenuPatchParams, MenuSummary } from '../schemas/menus.js';
