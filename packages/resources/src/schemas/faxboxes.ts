import * as z from 'zod/mini';
import { FaxboxSchema } from './generated/faxbox.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A faxbox (a virtual fax machine: sends faxes e-mailed to it, receives to e-mail). Required:
 * `name`. KAZOO defaults include `attempts: 0`, `retries: 1` and a `fax_header` / `caller_name`
 * of "Kazoo Fax Printer"; `smtp_permission_list` lists who may e-mail faxes through it.
 */
export { FaxboxSchema };

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/faxboxes`. */
export const FaxboxSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  created: z.optional(z.number()),
  flags: z.optional(z.array(z.string())),
});

/** What `faxboxes.create()` and `faxboxes.update()` take: `name` is required. */
export type FaxboxCreateParams = z.input<typeof FaxboxSchema>;
/** A faxbox as the API returns it. */
export type Faxbox = z.input<typeof FaxboxSchema> & { readonly id: string };
/** One item of the faxboxes listing. */
export type FaxboxSummary = z.output<typeof FaxboxSummarySchema>;
/** What `faxboxes.patch()` takes. */
export type FaxboxPatchParams = DeepPartialNullable<FaxboxCreateParams>;
