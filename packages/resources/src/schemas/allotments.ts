import * as z from 'zod/mini';

/** One allotment (`kzd_limits` `pvt_allotments` entry): seconds per cycle for a classification. */
export const AllotmentSchema = z.looseObject({
  amount: z.optional(z.int().check(z.gte(0))),
  cycle: z.optional(z.enum(['minutely', 'hourly', 'daily', 'weekly', 'monthly'])),
  increment: z.optional(z.int().check(z.gte(1))),
  minimum: z.optional(z.int().check(z.gte(0))),
  no_consume_time: z.optional(z.int().check(z.gte(0))),
  group_consume: z.optional(z.array(z.string())),
});

/** The account's allotments, by call classification (`tollfree_us`, `did_us`, …). */
export const AllotmentsSchema = z.record(z.string(), AllotmentSchema);

/** One allotment. */
export type Allotment = z.output<typeof AllotmentSchema>;
/** The account's allotments by classification. */
export type Allotments = z.output<typeof AllotmentsSchema>;
/** What `allotments.update()` takes. */
export type AllotmentsUpdateParams = z.input<typeof AllotmentsSchema>;
/** Consumption of one classification over a cycle (`cb_allotments:normalize_result/5`). */
export interface AllotmentConsumed {
  readonly consumed: number;
  readonly cycle: string;
  readonly consumed_from: number;
  readonly consumed_to: number;
}
