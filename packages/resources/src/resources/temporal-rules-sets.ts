import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type {
  TemporalRuleSet,
  TemporalRuleSetCreateParams,
  TemporalRuleSetPatchParams,
  TemporalRuleSetSummary,
} from '../schemas/temporal-rules-sets.js';

const SPEC = collection(
  'accounts/{account_id}/temporal_rules_sets',
  'temporal rule set',
  lazy(async () => {
    const m = await import('../schemas/temporal-rules-sets.js');
    return { document: m.TemporalRuleSetSchema, summary: m.TemporalRuleSetSummarySchema };
  }),
);

/**
 * What `TemporalRulesSets.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { TemporalRuleSetListParams } from '@audian/resources';
 *
 * const params: TemporalRuleSetListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface TemporalRuleSetListParams extends ListParams {}

/**
 * The account's temporal rule sets (several rules matched as one):
 * `/v2/accounts/{ACCOUNT_ID}/temporal_rules_sets`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const holidays = await audian.temporal_rules_sets.create({ name: 'Holidays', temporal_rules: [christmasId, newYearId] });
 * ```
 */
export class TemporalRulesSets extends ResourceBase {
  /** Lists the rule sets (id, name, rules, flags). `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets` */
  list(params?: TemporalRuleSetListParams, options?: CallOptions): PagePromise<TemporalRuleSetSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one rule set. `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}`
   *
   * @throws NotFoundError when there is no such rule set
   */
  get(ruleSetId: string, options?: CallOptions): APIPromise<TemporalRuleSet> {
    return this._get(SPEC, ruleSetId, options);
  }

  /**
   * Creates a rule set. `PUT /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or `temporal_rules` is empty
   */
  create(ruleSet: TemporalRuleSetCreateParams, options?: CallOptions): APIPromise<TemporalRuleSet> {
    return this._create(SPEC, ruleSet, options);
  }

  /**
   * Replaces a rule set (fields not sent are deleted).
   * `POST /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(ruleSetId: string, ruleSet: TemporalRuleSetCreateParams, options?: CallOptions): APIPromise<TemporalRuleSet> {
    return this._update(SPEC, ruleSetId, ruleSet, options);
  }

  /**
   * Changes some fields (deep merge; `temporal_rules` is replaced whole).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(ruleSetId: string, changes: TemporalRuleSetPatchParams, options?: CallOptions): APIPromise<TemporalRuleSet> {
    return this._patch(SPEC, ruleSetId, changes, options);
  }

  /** Deletes a rule set; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}` */
  delete(ruleSetId: string, options?: CallOptions): APIPromise<TemporalRuleSet> {
    return this._delete(SPEC, ruleSetId, options);
  }
}

export type {
  TemporalRuleSet,
  TemporalRuleSetCreateParams,
  TemporalRuleSetPatchParams,
  TemporalRuleSetSummary,
} from '../schemas/temporal-rules-sets.js';
