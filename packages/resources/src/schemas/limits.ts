import type * as z from 'zod/mini';
import { LimitsSchema } from './generated/limits.js';

/**
 * The account's call limits (flat-rate trunks): `twoway_trunks`, `inbound_trunks`,
 * `outbound_trunks`, `burst_trunks`, `calls`, `resource_consuming_calls` (non-negative
 * integers). Defaults: `allow_prepay: true`, `authz_resource_types: []`.
 */
export { LimitsSchema };

/** What `limits.update()` takes. */
export type LimitsUpdateParams = z.input<typeof LimitsSchema>;
/** The account's limits as the API returns them. */
export type AccountLimits = z.input<typeof LimitsSchema> & { readonly id?: string };
