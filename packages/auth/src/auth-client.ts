import type { Transport } from '@audian/core';

/**
 * What the auth endpoint functions ({@link requestPasswordReset}, {@link tokenDetails},
 * {@link userAuthTokenDetails}) send through: a transport from `@audian/core`, or anything that
 * carries one as `transport` (the `createAudian()` client).
 *
 * @example
 * ```ts
 * import { tokenDetails } from '@audian/auth';
 *
 * await tokenDetails(audian); // or tokenDetails(audian.transport)
 * ```
 */
export type AuthClient = Transport | { readonly transport: Transport };
