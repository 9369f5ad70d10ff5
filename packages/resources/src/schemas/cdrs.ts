import * as z from 'zod/mini';
import { CdrsSchema } from './generated/cdrs.js';

/**
 * A call detail record: one call leg (read-only). `call_id` is always present; `timestamp` is
 * Gregorian seconds, `channel_created_time` Unix microseconds; `custom_channel_vars` carries
 * KAZOO's routing data (`account_id`, `authorizing_id`, `owner_id`, …).
 */
export const CdrSchema = CdrsSchema;

// The listing renders every column through the same formatters as the CSV export, so numbers
// may arrive as strings.
const text = z.optional(z.union([z.string(), z.number()]));

/**
 * One item of `GET /v2/accounts/{ACCOUNT_ID}/cdrs` (the CSV columns, as JSON): ids, caller and
 * callee, durations, Gregorian `timestamp`, `direction`, `hangup_cause`, `owner_id`,
 * `interaction_id`, ISO and Unix renderings of the time, `cost`/`rate` and more.
 */
export const CdrSummarySchema = z.looseObject({
  id: z.string(),
  call_id: text,
  caller_id_number: text,
  caller_id_name: text,
  callee_id_number: text,
  callee_id_name: text,
  duration_seconds: text,
  billing_seconds: text,
  timestamp: text,
  hangup_cause: text,
  other_leg_call_id: text,
  owner_id: text,
  to: text,
  from: text,
  direction: text,
  request: text,
  authorizing_id: text,
  cost: text,
  dialed_number: text,
  calling_from: text,
  datetime: text,
  unix_timestamp: text,
  iso_8601: text,
  call_type: text,
  rate: text,
  rate_name: text,
  bridge_id: text,
  media_server: text,
  interaction_id: text,
});

/** A call detail record as the API returns it. */
export type Cdr = z.input<typeof CdrSchema> & { readonly id?: string };
/** One item of a CDR listing. */
export type CdrSummary = z.output<typeof CdrSummarySchema>;
