import * as z from 'zod/mini';
import { MenusSchema } from './generated/menus.js';
import type { DeepPartialNullable } from './users.js';

/**
 * An IVR menu document (the options themselves are the `menu` node's children in a callflow).
 * Required: `name` (1–128 characters). Defaults: `retries: 3` (1–10), `max_extension_length: 4`
 * (1–6), `hunt: true` (callers may dial an extension), `allow_record_from_offnet: false`,
 * `suppress_media: false`, `media: {}` (`greeting`, `invalid_media`, `transfer_media`,
 * `exit_media`: media ids or URLs, or `false` to stay silent).
 */
export const MenuSchema = MenusSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/menus` (KAZOO's `crossbar_listing` view). */
export const MenuSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  flags: z.optional(z.array(z.string())),
});

/** What `menus.create()` and `menus.update()` take: `name` is required. */
export type MenuCreateParams = z.input<typeof MenuSchema>;
/** A menu as the API returns it. */
export type Menu = MenuCreateParams & { readonly id: string };
/** What `menus.patch()` takes. */
export type MenuPatchParams = DeepPartialNullable<MenuCreateParams>;
/** One item of the menu listing. */
export type MenuSummary = z.output<typeof MenuSummarySchema>;
