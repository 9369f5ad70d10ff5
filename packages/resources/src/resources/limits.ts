import type { CallOptions } from '@audian/core';
import { lazy } from '../internal/lazy.js';
import { checkBody, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { AccountLimits, LimitsUpdateParams } from '../schemas/limits.js';

const LIMITS = 'accounts/{account_id}/limits';
const schemas = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/limits.js');
  return { document: m.LimitsSchema, summary: m.LimitsSchema };
});

/**
 * The account's call limits (trunks): `/v2/accounts/{ACCOUNT_ID}/limits`. One document per
 * account: read it and replace it (Crossbar has no create, patch or delete here).
 *
 * @example
 * ```ts
 * const limits = await audian.limits.get();
 * await audian.limits.update({ ...limits, twoway_trunks: 10 });
 * ```
 */
export class Limits extends ResourceBase {
  /** Reads the limits. `GET /v2/accounts/{ACCOUNT_ID}/limits` */
  get(options?: CallOptions): Promise<AccountLimits> {
    return this.call('GET', LIMITS, { options });
  }

  /**
   * Replaces the limits (fields not sent are deleted; may be billable).
   * `POST /v2/accounts/{ACCOUNT_ID}/limits`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type (trunk counts are non-negative integers)
   * @throws PaymentRequiredError when it has charges and `acceptCharges` was not set
   */
  async update(limits: LimitsUpdateParams, options?: CallOptions): Promise<AccountLimits> {
    await checkBody(schemas, limits, 'full', 'limits');
    return this.call('POST', LIMITS, { data: limits, options });
  }
}

export type { AccountLimits, LimitsUpdateParams } from '../schemas/limits.js';
