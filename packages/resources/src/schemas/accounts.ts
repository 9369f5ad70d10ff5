import * as z from 'zod/mini';
import { AccountsSchema } from './generated/accounts.js';
import type { DeepPartialNullable } from './users.js';

/**
 * An account document. Required: `name` (1–128 characters). `realm` (4–253 characters of letters,
 * digits, `.`, `_`, `-`) must be unique on the whole system; KAZOO generates one when it is absent.
 * Defaults applied on create: `enabled: true`, `call_restriction: {}`, `music_on_hold: {}`,
 * `preflow: {}`, `ringtones: {}`.
 */
export const AccountSchema = AccountsSchema;

/**
 * One item of the account tree listings (`children`, `descendants`, `siblings`): the fields of
 * KAZOO's `listing_by_children` / `listing_by_descendants` views.
 */
export const AccountSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  realm: z.optional(z.string()),
  /** Only in `children` and `siblings`. */
  descendants_count: z.optional(z.number()),
  /** Only in `descendants`: the ancestors of the account, oldest first. */
  tree: z.optional(z.array(z.string())),
  flags: z.optional(z.array(z.string())),
});

/** One item of `tree` and `parents`: an ancestor's id and name. */
export const AccountRefSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
});

/** The answer of `GET`/`PUT …/api_key`. */
export const AccountApiKeySchema = z.looseObject({
  api_key: z.string(),
});

/** What `accounts.create()` and `accounts.update()` take: `name` is required. */
export type AccountCreateParams = z.input<typeof AccountSchema>;
/** An account as the API returns it (with the read-only fields Crossbar adds). */
export type Account = z.input<typeof AccountSchema> & {
  readonly id: string;
  readonly is_reseller?: boolean;
  readonly reseller_id?: string;
  readonly superduper_admin?: boolean;
  readonly billing_mode?: string;
  readonly created?: number;
};
/** What `accounts.patch()` takes. */
export type AccountPatchParams = DeepPartialNullable<AccountCreateParams>;
/** One item of `children`, `descendants` and `siblings`. */
export type AccountSummary = z.output<typeof AccountSummarySchema>;
/** One item of `tree` and `parents`. */
export type AccountRef = z.output<typeof AccountRefSchema>;
/** An account's API key (a secret: never log it). */
export type AccountApiKey = z.output<typeof AccountApiKeySchema>;
