import type * as z from 'zod/mini';
import { TokenRestrictionsSchema } from './generated/token-restrictions.js';

/**
 * The account's token restrictions: per auth method (`cb_user_auth`, `cb_api_auth`, …), per
 * privilege level (`admin`, `user`), per endpoint, a list of `{ allowed_accounts, rules }`
 * where `rules` maps argument patterns to the HTTP verbs allowed. Tokens minted afterwards
 * carry them.
 */
export { TokenRestrictionsSchema };

/** What `token_restrictions.update()` takes. */
export type TokenRestrictionsUpdateParams = z.input<typeof TokenRestrictionsSchema>;
/** The account's token restrictions as the API returns them. */
export type TokenRestrictionSettings = z.input<typeof TokenRestrictionsSchema>;
