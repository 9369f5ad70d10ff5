import * as z from 'zod/mini';
import { SmsSchema } from './generated/sms.js';

/**
 * A text message to send. Required: `to`, `body` (1 to 700 characters); `from` defaults to the
 * caller id of the sender.
 */
export { SmsSchema };

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/sms`: `direction` is `inbound` or `outbound`. */
export const SmsSummarySchema = z.looseObject({
  id: z.string(),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  body: z.optional(z.string()),
  direction: z.optional(z.string()),
  status: z.optional(z.string()),
  created: z.optional(z.number()),
});

/** What `sms.send()` takes: `to` and `body` are required. */
export type SmsCreateParams = z.input<typeof SmsSchema>;
/** A text message as the API returns it. */
export type Sms = z.input<typeof SmsSchema> & { readonly id: string };
/** One item of the messages listing. */
export type SmsSummary = z.output<typeof SmsSummarySchema>;
