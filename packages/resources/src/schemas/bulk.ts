import * as z from 'zod/mini';

/** The documents a bulk request acts on: at least one id. */
export const BulkIdsSchema = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

/** The outcome of a bulk change for one document, by id: `success`, or the error Crossbar gave. */
export const BulkResultSchema = z.looseObject({
  status: z.string(),
  error: z.optional(z.unknown()),
  message: z.optional(z.unknown()),
  data: z.optional(z.unknown()),
});

/** The outcome of a bulk change or delete, by document id. */
export type BulkResults = Record<string, z.output<typeof BulkResultSchema>>;
/** A document a bulk fetch returns (a device, user, conference or voicemail box, by its `pvt_type`). */
export type BulkDocument = Record<string, unknown> & { readonly id: string };
/** The fields a bulk update merges into every document (private fields are dropped by Crossbar). */
export type BulkUpdates = Record<string, unknown>;
