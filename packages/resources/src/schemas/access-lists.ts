import type * as z from 'zod/mini';
import { AccessListsSchema } from './generated/access-lists.js';

/**
 * The SIP access list of an account or a device: `cidrs` (addresses in CIDR notation) and `order`
 * (`allow,deny` or `deny,allow`) are required; `user_agent` is a regular expression the phone's
 * User-Agent must match.
 */
export const AccessListSchema = AccessListsSchema;

/** What `access_lists.update()` takes. */
export type AccessListUpdateParams = z.input<typeof AccessListSchema>;
/** An access list as the API returns it (`{}` when none is set). */
export type AccessList = Partial<AccessListUpdateParams>;
