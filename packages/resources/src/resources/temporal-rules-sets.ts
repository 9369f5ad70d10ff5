import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { crud } from '../internal/crud.js';
import { lazy } from '../internal/lazy.js';
import type {
  TemporalRuleSet,
  TemporalRuleSetCreateParams,
  TemporalRuleSetPatchParams,
  TemporalRuleSetSummary,
} from '../schemas/temporal-rules-sets.js';

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
export class TemporalRulesSets extends crud({
  path: 'accounts/{account_id}/temporal_rules_sets',
  what: 'temporal rule set',
  verbs: ['list', 'get', 'create', 'update', 'patch', 'remove'],
  schemas: lazy(async () => {
    const m = await import('../schemas/temporal-rules-sets.js');
    return { document: m.TemporalRuleSetSchema, summary: m.TemporalRuleSetSummarySchema };
  }),
}) {
  /** Lists the rule sets (id, name, rules, flags). `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets` */
  declare list: (params?: ListParams, options?: CallOptions) => PagePromise<TemporalRuleSetSummary>;

  /**
   * Fetches one rule set. `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}`
   *
   * @throws NotFoundError when there is no such rule set
   */
  declare get: (ruleSetId: string, options?: CallOptions) => Promise<TemporalRuleSet>;

  /**
   * Creates a rule set. `PUT /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or `temporal_rules` is empty
   */
  declare create: (ruleSet: TemporalRuleSetCreateParams, options?: CallOptions) => Promise<TemporalRuleSet>;

  /**
   * Replaces a rule set (fields not sent are deleted).
   * `POST /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  declare update: (ruleSetId: string, ruleSet: TemporalRuleSetCreateParams, options?: CallOptions) => Promise<TemporalRuleSet>;

  /**
   * Changes some fields (deep merge; `temporal_rules` is replaced whole).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  declare patch: (ruleSetId: string, changes: TemporalRuleSetPatchParams, options?: CallOptions) => Promise<TemporalRuleSet>;

  /** Deletes a rule set; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets/{TEMPORAL_RULE_SET}` */
  declare remove: (ruleSetId: string, options?: CallOptions) => Promise<TemporalRuleSet>;
}

export type {
  TemporalRuleSet,
  TemporalRuleSetCreateParams,
  TemporalRuleSetPatchParams,
  TemporalRuleSetSummary,
} from '../schemas/temporal-rules-sets.js';
