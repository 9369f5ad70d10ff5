import * as z from 'zod/mini';

/**
 * What `transactions.sale()` and `transactions.refund()` take (`cb_transactions:put/2`): an
 * amount above 0 (KAZOO: `amount` `required` / `minimum`), a description, an order id, metadata.
 */
export const TransactionCreateSchema = z.looseObject({
  amount: z.number().check(z.gt(0)),
  description: z.optional(z.string()),
  order_id: z.optional(z.string()),
  metadata: z.optional(z.looseObject({})),
});

/** One transaction (`kz_transaction:public_json/1`): amount in currency units. */
export const TransactionSchema = z.looseObject({
  id: z.string(),
  amount: z.optional(z.number()),
  description: z.optional(z.string()),
  transaction_type: z.optional(z.string()),
  status: z.optional(z.string()),
  created: z.optional(z.number()),
});

/** What `transactions.sale()` / `refund()` take. */
export type TransactionCreateParams = z.input<typeof TransactionCreateSchema>;
/** A transaction as the API returns it. */
export type Transaction = z.output<typeof TransactionSchema>;
