import { TemporalRulesSetsSchema } from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Named sets of time-of-day rules (`kzd_temporal_rules_sets`). */
export const TEMPORAL_RULES_SETS = simpleCollection(
  'temporal_rules_sets',
  'temporal_rule_set',
  TemporalRulesSetsSchema,
  (doc) => ({
    id: doc._id,
    name: doc.name,
    rules: doc.temporal_rules,
    flags: flagsOf(doc),
  }),
  {
    // `cb_temporal_rules_sets:update/2` validates before `on_successful_validation/2` loads;
    // `validate_patch/2` goes through `crossbar_doc:patch_and_validate/3`.
    validatesBeforeLoad: ['POST', 'PATCH'],
  },
);

/** `cb_temporal_rules_sets`: the account's rule sets. */
export const temporalRulesSetsModule = defineModule({ name: 'temporal_rules_sets', documents: [TEMPORAL_RULES_SETS] });
