import * as z from 'zod/mini';

/**
 * A multimedia message to send (KAZOO's `mms` schema): `to` is required; `body` is the
 * MIME-encoded message (parts with their own `Content-Type`); `from` defaults to the sender's
 * caller id.
 */
export const MmsSchema = z.looseObject({
  body: z.optional(z.string().check(z.minLength(1))),
  from: z.optional(z.string()),
  to: z.string(),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/mms`. */
export const MmsSummarySchema = z.looseObject({
  id: z.string(),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  direction: z.optional(z.string()),
  status: z.optional(z.string()),
  created: z.optional(z.number()),
  date: z.optional(z.string()),
});

/** What `mms.send()` takes: `to` is required, `body` MIME-encoded. */
export type MmsCreateParams = z.input<typeof MmsSchema>;
/** A multimedia message as the API returns it. */
export type Mms = MmsCreateParams & { readonly id: string };
/** One item of the multimedia message listing. */
export type MmsSummary = z.output<typeof MmsSummarySchema>;
