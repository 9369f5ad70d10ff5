import { AccountDocument } from '../internal/account-document.js';
import { lazy } from '../internal/lazy.js';
import type { AccountLimits, LimitsUpdateParams } from '../schemas/limits.js';

/**
 * The account's call limits (trunks): `/v2/accounts/{ACCOUNT_ID}/limits`. One document per
 * account: read it with `get()` and replace it with `update()` (Crossbar has no create, patch or
 * delete here). An update may be billable (`acceptCharges`); trunk counts are non-negative integers.
 *
 * `GET /v2/accounts/{ACCOUNT_ID}/limits`, `POST /v2/accounts/{ACCOUNT_ID}/limits`.
 *
 * @example
 * ```ts
 * const limits = await audian.limits.get();
 * await audian.limits.update({ ...limits, twoway_trunks: 10 });
 * ```
 */
export class Limits extends AccountDocument<AccountLimits, LimitsUpdateParams> {
  protected readonly spec = {
    path: 'accounts/{account_id}/limits',
    what: 'limits',
    schemas: lazy(async () => {
      const m = await import('../schemas/limits.js');
      return { document: m.LimitsSchema, summary: m.LimitsSchema };
    }),
  };
}

export type { AccountLimits, LimitsUpdateParams } from '../schemas/limits.js';
