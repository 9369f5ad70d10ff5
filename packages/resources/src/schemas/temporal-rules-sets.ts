import * as z from 'zod/mini';
import { TemporalRulesSetsSchema } from './generated/temporal-rules-sets.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A temporal rule set: several temporal rules matched as one (a `temporal_route` node can use a
 * set through `rule_set`). Required: `name` (1–128 characters); `temporal_rules` lists rule ids
 * (at least one when present).
 */
export const TemporalRuleSetSchema = TemporalRulesSetsSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules_sets` (KAZOO's `crossbar_listing` view). */
export const TemporalRuleSetSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  /** The rule ids of the set (the document's `temporal_rules`). */
  rules: z.optional(z.array(z.string())),
  flags: z.optional(z.array(z.string())),
});

/** What `temporal_rules_sets.create()` and `.update()` take: `name` is required. */
export type TemporalRuleSetCreateParams = z.input<typeof TemporalRuleSetSchema>;
/** A temporal rule set as the API returns it. */
export type TemporalRuleSet = TemporalRuleSetCreateParams & { readonly id: string };
/** What `temporal_rules_sets.patch()` takes. */
export type TemporalRuleSetPatchParams = DeepPartialNullable<TemporalRuleSetCreateParams>;
/** One item of the temporal rule set listing. */
export type TemporalRuleSetSummary = z.output<typeof TemporalRuleSetSummarySchema>;
