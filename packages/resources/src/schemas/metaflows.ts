import type * as z from 'zod/mini';
import { MetaflowsSchema } from './generated/metaflows.js';

/**
 * The account's metaflows: in-call DTMF features. `binding_digit` (default `*`) starts a
 * sequence; `numbers` (exact sequences) and `patterns` (regexes) map to metaflow nodes
 * (`{ module, data, children }`); `listen_on` is `both`, `self` or `peer`.
 */
export { MetaflowsSchema };

/** What `metaflows.update()` takes. */
export type MetaflowsUpdateParams = z.input<typeof MetaflowsSchema>;
/** The account's metaflows as the API returns them. */
export type AccountMetaflows = z.input<typeof MetaflowsSchema>;
