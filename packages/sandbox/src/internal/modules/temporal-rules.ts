import { TemporalRulesSchema } from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import { defineModule } from '../sandbox-module';

/** Time-of-day rules (`kzd_temporal_rules`) that temporal routes evaluate. */
export const TEMPORAL_RULES = simpleCollection(
  'temporal_rules',
  'temporal_rule',
  TemporalRulesSchema,
  (doc) => ({
    id: doc._id,
    name: doc.name,
    type: doc.type,
    flags: flagsOf(doc),
  }),
  {
    // `cb_temporal_rules:update/2` validates before `on_successful_validation/2` loads;
    // `validate_patch/2` goes through `crossbar_doc:patch_and_validate/3`.
    validatesBeforeLoad: ['POST', 'PATCH'],
  },
);

/** `cb_temporal_rules`: the account's time-of-day rules. */
export const temporalRulesModule = defineModule({ name: 'temporal_rules', documents: [TEMPORAL_RULES] });
