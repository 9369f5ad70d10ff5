import * as z from 'zod/mini';
import { LedgersSchema } from './generated/ledgers.js';

/**
 * A credit or debit (`cb_ledgers:put/2`, KAZOO's `ledgers` schema): `amount` in currency units
 * (a debit is stored negative), `source` (`service`, `id`) and `usage` (`type`, `quantity`,
 * `unit`) required; `period.start` defaults to now.
 */
export const LedgerCreateSchema = LedgersSchema;

/** One ledger entry as `kz_ledger:public_json/1` answers it. */
export const LedgerSchema = z.extend(LedgersSchema, {
  id: z.string(),
  amount: z.optional(z.number()),
});

/** One source's sum in `ledgers.summary()`: amount and usage. */
export const LedgerSourceTotalSchema = z.looseObject({
  amount: z.optional(z.number()),
  usage: z.optional(z.looseObject({ type: z.optional(z.string()), quantity: z.optional(z.number()), unit: z.optional(z.string()) })),
});

/** What `ledgers.credit()` / `ledgers.debit()` take. */
export type LedgerCreateParams = z.input<typeof LedgerCreateSchema>;
/** One ledger entry. */
export type Ledger = z.output<typeof LedgerSchema>;
/** One source's sum. */
export type LedgerSourceTotal = z.output<typeof LedgerSourceTotalSchema>;
/** `GET …/ledgers`: the sums by source service (`per-minute-voip`, `payments`, …). */
export type LedgersSummary = Record<string, LedgerSourceTotal>;
/** `GET …/ledgers/total`: the balance, in currency units. */
export interface LedgersTotal {
  readonly amount: number;
}
/** One ledger source the reseller offers (`kz_ledgers:available_ledgers/1`). */
export interface AvailableLedger {
  readonly name: string;
  readonly friendly_name?: string;
  readonly markup_type?: readonly string[];
}
/** `GET …/ledgers/summary/{YYYYMM}`: the month's sums, and per account below. */
export interface LedgersMonthSummary {
  readonly summary: LedgersSummary;
  readonly breakdown: readonly Record<string, unknown>[];
}
/** What `credit()` / `debit()` answer with `impactReseller`: per account id, the entry and the balance. */
export type LedgerImpact = Record<
  string,
  { readonly ledger?: Ledger; readonly available_dollars?: number; readonly is_reseller?: boolean }
>;
