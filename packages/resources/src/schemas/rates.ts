import * as z from 'zod/mini';

/**
 * A rate (KAZOO's `rates` schema): the per-minute `rate_cost` for numbers starting with `prefix`
 * (E.164 digits without `+`); `routes` defaults to `^\+?<prefix>.+$`.
 */
export const RateSchema = z.looseObject({
  prefix: z.union([z.int().check(z.gte(0)), z.string().check(z.regex(/^\d+$/))]),
  rate_cost: z.number(),
  account_id: z.optional(z.string()),
  caller_id_numbers: z.optional(z.string()),
  carrier: z.optional(z.string()),
  description: z.optional(z.string()),
  direction: z.optional(z.array(z.enum(['inbound', 'outbound']))),
  internal_rate_cost: z.optional(z.number()),
  iso_country_code: z.optional(z.string()),
  options: z.optional(z.array(z.string())),
  rate_increment: z.optional(z.int().check(z.gte(0))),
  rate_minimum: z.optional(z.int().check(z.gte(0))),
  rate_name: z.optional(z.string()),
  rate_nocharge_time: z.optional(z.int().check(z.gte(0))),
  rate_suffix: z.optional(z.string()),
  rate_surcharge: z.optional(z.number()),
  rate_version: z.optional(z.string()),
  ratedeck_id: z.optional(z.string()),
  routes: z.optional(z.array(z.string())),
  weight: z.optional(z.int().check(z.gte(1), z.lte(100))),
});

/** One row of `GET /v2/rates` (`rates/crossbar_listing`). */
export const RateSummarySchema = z.looseObject({
  id: z.string(),
  prefix: z.optional(z.union([z.string(), z.number()])),
  cost: z.optional(z.number()),
  description: z.optional(z.string()),
  surcharge: z.optional(z.number()),
});

/** What `rates.create()` / `rates.update()` take: `prefix` and `rate_cost` are required. */
export type RateCreateParams = z.input<typeof RateSchema>;
/** A rate as the API returns it. */
export type Rate = RateCreateParams & { readonly id: string };
/** What `rates.patch()` takes. */
export type RatePatchParams = Partial<RateCreateParams>;
/** One row of the rate listing. */
export type RateSummary = z.output<typeof RateSummarySchema>;
/** `GET /v2/rates/number/{PHONE_NUMBER}`: the rate a call to the number gets (`cb_rates:filter_view/1`). */
export interface NumberRate {
  readonly 'E164-Number': string;
  readonly 'Base-Cost'?: number;
  readonly Prefix?: string;
  readonly Rate?: number;
  readonly 'Rate-ID'?: string;
  readonly 'Rate-Description'?: string;
  readonly 'Rate-Increment'?: string | number;
  readonly 'Rate-Minimum'?: string | number;
  readonly 'Rate-Name'?: string;
  readonly 'Ratedeck-ID'?: string;
  readonly Surcharge?: number;
}
/** `GET /v2/rates/ratedecks`: the system's default ratedeck and the ratedecks there are. */
export interface Ratedecks {
  readonly default_ratedeck: string;
  readonly ratedecks: readonly unknown[];
}
