import * as z from 'zod/mini';
import type { DeepPartialNullable } from './users.js';

/**
 * An account configuration (`configs_<CONFIG_ID>`): any JSON object; what a category understands
 * is KAZOO's `account_config.<CONFIG_ID>` schema. Answers merge the account's values over its
 * reseller's and the system defaults.
 */
export const AccountConfigSchema = z.looseObject({
  id: z.optional(z.string()),
});

/** What `configs.create()` and `configs.update()` take. */
export type AccountConfigParams = z.input<typeof AccountConfigSchema>;
/** A merged account configuration as the API returns it (`id` is `configs_<CONFIG_ID>`). */
export type AccountConfig = AccountConfigParams & { readonly id: string };
/** What `configs.patch()` takes. */
export type AccountConfigPatchParams = DeepPartialNullable<AccountConfigParams>;
