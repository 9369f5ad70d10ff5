import * as z from 'zod/mini';

/**
 * A calling-card callback entry (KAZOO's `cccps` schema): a caller id (`cid`) or a `pin` that
 * authorises a caller, owned by `user_id` (32 characters). `active` defaults to false.
 */
export const CccpSchema = z.looseObject({
  active: z._default(z.boolean(), false),
  cid: z.optional(z.string()),
  comment: z.optional(z.string()),
  max_concurent_calls_per_user: z.optional(z.int()),
  pin: z.optional(z.string()),
  retain_cid: z.optional(z.boolean()),
  user_id: z.optional(z.string().check(z.minLength(32), z.maxLength(32))),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/cccps` (the `cccps/crossbar_listing` view). */
export const CccpSummarySchema = z.looseObject({
  id: z.string(),
  account_id: z.optional(z.string()),
  active: z.optional(z.boolean()),
  user_id: z.optional(z.string()),
  cid: z.optional(z.string()),
  pin: z.optional(z.string()),
  retain_cid: z.optional(z.boolean()),
  comment: z.optional(z.string()),
});

/** What `cccps.autodial()` takes: the camping request (who to call back and the number to dial). */
export const CccpAutodialSchema = z.looseObject({});

/** What `cccps.create()` and `cccps.update()` take. */
export type CccpCreateParams = z.input<typeof CccpSchema>;
/** A calling-card callback entry as the API returns it. */
export type Cccp = CccpCreateParams & { readonly id: string };
/** One item of the calling-card callback listing. */
export type CccpSummary = z.output<typeof CccpSummarySchema>;
/** What `cccps.autodial()` takes. */
export type CccpAutodialParams = z.input<typeof CccpAutodialSchema>;
