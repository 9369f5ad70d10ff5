import * as z from 'zod/mini';
import { BlacklistsSchema } from './generated/blacklists.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A blacklist: caller id numbers whose calls are refused once the list's id is in the
 * account's `blacklists` array. Required: `name` (1–128 characters). `numbers` is an
 * object keyed by the blocked number (`{ "+14155551234": {} }`, default `{}`);
 * `should_block_anonymous` also refuses calls without caller id.
 */
export const BlacklistSchema = z.extend(BlacklistsSchema, {
  numbers: z.prefault(z.record(z.string(), z.looseObject({})), {}),
});

/** What a blacklist PATCH may carry: `numbers` entries merge by number, and `null` unblocks one. */
export const BlacklistPatchSchema = z.extend(BlacklistsSchema, {
  numbers: z.optional(z.record(z.string(), z.nullable(z.looseObject({})))),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/blacklists` (KAZOO's `crossbar_listing` view). */
export const BlacklistSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  flags: z.optional(z.array(z.string())),
});

/** What `blacklists.create()` and `blacklists.update()` take: `name` is required. */
export type BlacklistCreateParams = z.input<typeof BlacklistSchema>;
/** A blacklist as the API returns it. */
export type Blacklist = BlacklistCreateParams & { readonly id: string };
/** What `blacklists.patch()` takes (`numbers` entries merge by number; `null` unblocks one). */
export type BlacklistPatchParams = DeepPartialNullable<BlacklistCreateParams>;
/** One item of the blacklist listing. */
export type BlacklistSummary = z.output<typeof BlacklistSummarySchema>;
