import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { crud } from '../internal/crud.js';
import { lazy } from '../internal/lazy.js';
import type { Menu, MenuCreateParams, MenuPatchParams, MenuSummary } from '../schemas/menus.js';

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
export class Menus extends crud({
  path: 'accounts/{account_id}/menus',
  what: 'menu',
  verbs: ['list', 'get', 'create', 'update', 'patch', 'remove'],
  schemas: lazy(async () => {
    const m = await import('../schemas/menus.js');
    return { document: m.MenuSchema, summary: m.MenuSummarySchema };
  }),
}) {
  /** Lists the menus (id, name, flags). `GET /v2/accounts/{ACCOUNT_ID}/menus` */
  declare list: (params?: ListParams, options?: CallOptions) => PagePromise<MenuSummary>;

  /**
   * Fetches one menu. `GET /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}`
   *
   * @throws NotFoundError when there is no such menu
   */
  declare get: (menuId: string, options?: CallOptions) => Promise<Menu>;

  /**
   * Creates a menu. `PUT /v2/accounts/{ACCOUNT_ID}/menus`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  declare create: (menu: MenuCreateParams, options?: CallOptions) => Promise<Menu>;

  /**
   * Replaces a menu (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  declare update: (menuId: string, menu: MenuCreateParams, options?: CallOptions) => Promise<Menu>;

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  declare patch: (menuId: string, changes: MenuPatchParams, options?: CallOptions) => Promise<Menu>;

  /** Deletes a menu; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/menus/{MENU_ID}` */
  declare remove: (menuId: string, options?: CallOptions) => Promise<Menu>;
}

export type { Menu, MenuCreateParams, MenuPatchParams, MenuSummary } from '../schemas/menus.js';
