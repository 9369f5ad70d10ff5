import type { CallOptions } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { AccountDocument } from '../internal/account-document.js';
import { lazy } from '../internal/lazy.js';
import type { TokenRestrictionSettings, TokenRestrictionsUpdateParams } from '../schemas/token-restrictions.js';

/**
 * The account's token restrictions (which endpoints and verbs tokens of each auth method and
 * privilege level may use): `/v2/accounts/{ACCOUNT_ID}/token_restrictions`. One document per
 * account: `get()`, `update()` (tokens minted afterwards carry the new rules; a rule naming an
 * unknown HTTP verb is refused before any request), `delete()`.
 *
 * `GET /v2/accounts/{ACCOUNT_ID}/token_restrictions`, `POST /v2/accounts/{ACCOUNT_ID}/token_restrictions`, `DELETE /v2/accounts/{ACCOUNT_ID}/token_restrictions`.
 *
 * @example
 * ```ts
 * await audian.token_restrictions.update({ restrictions: { cb_user_auth: { user: { accounts: [{ rules: { '*': ['GET'] } }] } } } });
 * ```
 */
export class TokenRestrictions extends AccountDocument<TokenRestrictionSettings, TokenRestrictionsUpdateParams> {
  protected readonly spec = {
    path: 'accounts/{account_id}/token_restrictions',
    what: 'token restrictions',
    schemas: lazy(async () => {
      const m = await import('../schemas/token-restrictions.js');
      return { document: m.TokenRestrictionsSchema, summary: m.TokenRestrictionsSchema };
    }),
  };

  /** Removes the restrictions. `DELETE /v2/accounts/{ACCOUNT_ID}/token_restrictions` */
  delete(options?: CallOptions): APIPromise<unknown> {
    return this._deleteDocument(options);
  }
}

export type { TokenRestrictionSettings, TokenRestrictionsUpdateParams } from '../schemas/token-restrictions.js';
