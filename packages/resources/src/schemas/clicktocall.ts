import * as z from 'zod/mini';
import { ClicktocallSchema } from './generated/clicktocall.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A click-to-call endpoint: calls `extension` then the number given at connect time (or the
 * other way round with `dial_first: 'contact'`). Required: `name`, `extension`. Defaults:
 * `auth_required: true`, `custom_application_vars: {}`; `whitelist` restricts the numbers.
 */
export { ClicktocallSchema };

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/clicktocall`. */
export const ClicktocallSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  extension: z.optional(z.string()),
});

/** What `clicktocall.create()` and `update()` take: `name` and `extension` are required. */
export type ClicktocallCreateParams = z.input<typeof ClicktocallSchema>;
/** A click-to-call endpoint as the API returns it. */
export type Clicktocall = z.input<typeof ClicktocallSchema> & { readonly id: string };
/** One item of the click-to-call listing. */
export type ClicktocallSummary = z.output<typeof ClicktocallSummarySchema>;
/** What `clicktocall.patch()` takes. */
export type ClicktocallPatchParams = DeepPartialNullable<ClicktocallCreateParams>;

/**
 * What `clicktocall.connect()` takes: `contact` (the number or SIP URI to call) and `blocking`
 * (wait for the call to be answered; default: return at once with 202).
 */
export interface ClicktocallConnectParams {
  readonly contact: string;
  readonly blocking?: boolean;
  readonly [key: string]: unknown;
}
