import * as z from 'zod/mini';
import { TemporalRulesSchema } from './generated/temporal-rules.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A temporal rule (a time of day, week, month or year, for `temporal_route` callflow nodes).
 * Required: `name` (1–128 characters) and `cycle` (`date`, `daily`, `weekly`, `monthly`,
 * `yearly`). `time_window_start`/`time_window_stop` are seconds after midnight (0–86400),
 * `start_date` Gregorian seconds (default `62586115200`, 1983-04-11), `interval` repeats every N
 * cycles (default 1), `wdays` weekday names, `days` days of the month (`monthly`/`yearly`),
 * `month` 1–12, `ordinal` `every|first|second|third|fourth|fifth|last`. A `date` rule matches only
 * the day of `start_date`.
 */
export const TemporalRuleSchema = TemporalRulesSchema;

/** The recurrence cycles of a temporal rule. */
export const TemporalRuleCycleSchema = z.enum(['date', 'daily', 'weekly', 'monthly', 'yearly']);

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/temporal_rules` (KAZOO's `crossbar_listing` view). */
export const TemporalRuleSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  type: z.optional(z.string()),
  flags: z.optional(z.array(z.string())),
});

/** What `temporal_rules.create()` and `temporal_rules.update()` take: `name` and `cycle` are required. */
export type TemporalRuleCreateParams = z.input<typeof TemporalRuleSchema>;
/** A temporal rule as the API returns it. */
export type TemporalRule = TemporalRuleCreateParams & { readonly id: string };
/** What `temporal_rules.patch()` takes. */
export type TemporalRulePatchParams = DeepPartialNullable<TemporalRuleCreateParams>;
/** One item of the temporal rule listing. */
export type TemporalRuleSummary = z.output<typeof TemporalRuleSummarySchema>;
/** A recurrence cycle. */
export type TemporalRuleCycle = z.output<typeof TemporalRuleCycleSchema>;
/** A weekday name as KAZOO spells it. */
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
