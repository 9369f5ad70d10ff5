import type * as z from 'zod/mini';
import { ConnectivitySchema } from './generated/connectivity.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A connectivity (trunkstore) document: a PBX connected over SIP trunks. No field is required;
 * `account` holds the trunk count and caller ids, `servers` the PBXs (each with `auth` —
 * `auth_method` `password` or `IP` — `DIDs` keyed by number, and `options`).
 */
export { ConnectivitySchema };

/** What `connectivity.create()` and `update()` take. */
export type ConnectivityCreateParams = z.input<typeof ConnectivitySchema>;
/** A connectivity (trunkstore) document as the API returns it. */
export type ConnectivitySettings = z.input<typeof ConnectivitySchema> & { readonly id: string };
/** What `connectivity.patch()` takes. */
export type ConnectivityPatchParams = DeepPartialNullable<ConnectivityCreateParams>;
