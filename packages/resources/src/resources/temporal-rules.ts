import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { TemporalRule, TemporalRuleCreateParams, TemporalRulePatchParams, TemporalRuleSummary } from '../schemas/temporal-rules.js';

const SPEC = collection(
  'accounts/{account_id}/temporal_rules',
  'temporal rule',
  lazy(async () => {
    const m = await import('../schemas/temporal-rules.js');
    return { document: m.TemporalRuleSchema, summary: m.TemporalRuleSummarySchema };
  }),
);

/**
 * What `TemporalRules.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { TemporalRuleListParams } from '@audian/resources';
 *
 * const params: TemporalRuleListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface TemporalRuleListParams extends ListParams {}

/**
 * The account's temporal rules (times of day, week, month or year, used by `temporal_route`
 * callflow nodes): `/v2/accounts/{ACCOUNT_ID}/temporal_rules`. `weeklyRule()`, `yearlyRule()`,
 * `dateRule()` and `secondsOfDay()` build the common ones.
 *
 * @example
 * ```ts
 * import { createAudian, weeklyRule } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const hours = await audian.temporal_rules.create(weeklyRule({ name: 'Open', days: ['monday', 'friday'], from: '08:00', to: '18:00' }));
 * ```
 */
export class TemporalRules extends ResourceBase {
  /** Lists the rules (id, name, type, flags). `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules` */
  list(params?: TemporalRuleListParams, options?: CallOptions): PagePromise<TemporalRuleSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one rule. `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules/{TEMPORAL_RULE_ID}`
   *
   * @throws NotFoundError when there is no such rule
   */
  get(ruleId: string, options?: CallOptions): APIPromise<TemporalRule> {
    return this._get(SPEC, ruleId, options);
  }

  /**
   * Creates a rule. `PUT /v2/accounts/{ACCOUNT_ID}/temporal_rules`
   *
   * @throws InvalidArgumentError (before any request) when `name` or `cycle` is missing, `cycle`
   *   is not `date|daily|weekly|monthly|yearly`, or a field is out of range
   */
  create(rule: TemporalRuleCreateParams, options?: CallOptions): APIPromise<TemporalRule> {
    return this._create(SPEC, rule, options);
  }

  /**
   * Replaces a rule (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/temporal_rules/{TEMPORAL_RULE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(ruleId: string, rule: TemporalRuleCreateParams, options?: CallOptions): APIPromise<TemporalRule> {
    return this._update(SPEC, ruleId, rule, options);
  }

  /**
   * Changes some fields (deep merge; arrays such as `wdays` are replaced; `null` deletes).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/temporal_rules/{TEMPORAL_RULE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(ruleId: string, changes: TemporalRulePatchParams, options?: CallOptions): APIPromise<TemporalRule> {
    return this._patch(SPEC, ruleId, changes, options);
  }

  /** Deletes a rule; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/temporal_rules/{TEMPORAL_RULE_ID}` */
  delete(ruleId: string, options?: CallOptions): APIPromise<TemporalRule> {
    return this._delete(SPEC, ruleId, options);
  }
}

export type {
  TemporalRule,
  TemporalRuleCreateParams,
  TemporalRuleCycle,
  TemporalRulePatchParams,
  TemporalRuleSummary,
  Weekday,
} from '../schemas/temporal-rules.js';
