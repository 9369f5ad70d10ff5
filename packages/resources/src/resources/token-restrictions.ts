import type { CallOptions } from '@audian/core';
import { lazy } from '../internal/lazy.js';
import { checkBody, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { TokenRestrictionSettings, TokenRestrictionsUpdateParams } from '../schemas/token-restrictions.js';

const PATH = 'accounts/{account_id}/token_restrictions';
const schemas = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/token-restrictions.js');
  return { document: m.TokenRestrictionsSchema, summary: m.TokenRestrictionsSchema };
});

/**
 * The account's token restrictions (which endpoints and verbs tokens of each auth method and
 * privilege level may use): `/v2/accounts/{ACCOUNT_ID}/token_restrictions`.
 *
 * @example
 * ```ts
 * await audian.token_restrictions.update({ restrictions: { cb_user_auth: { user: { accounts: [{ rules: { '*': ['GET'] } }] } } } });
 * ```
 */
export class TokenRestrictions extends ResourceBase {
  /** Reads the restrictions. `GET /v2/accounts/{ACCOUNT_ID}/token_restrictions` */
  get(options?: CallOptions): Promise<TokenRestrictionSettings> {
    return this.call('GET', PATH, { options });
  }

  /**
   * Replaces the restrictions; tokens minted afterwards carry them.
   * `POST /v2/accounts/{ACCOUNT_ID}/token_restrictions`
   *
   * @throws InvalidArgumentError (before any request) when a rule names an unknown HTTP verb
   */
  async update(restrictions: TokenRestrictionsUpdateParams, options?: CallOptions): Promise<TokenRestrictionSettings> {
    await checkBody(schemas, restrictions, 'full', 'token restrictions');
    return this.call('POST', PATH, { data: restrictions, options });
  }

  /** Removes the restrictions. `DELETE /v2/accounts/{ACCOUNT_ID}/token_restrictions` */
  remove(options?: CallOptions): Promise<unknown> {
    return this.call('DELETE', PATH, { options });
  }
}

export type { TokenRestrictionSettings, TokenRestrictionsUpdateParams } from '../schemas/token-restrictions.js';
