import * as z from 'zod/mini';

/** One debug log entry of a call that ran a `pivot` node (`GET …/pivot/debug[/{UUID}]`). */
export const PivotDebugEntrySchema = z.looseObject({
  call_id: z.optional(z.string()),
  uri: z.optional(z.string()),
  method: z.optional(z.string()),
  created: z.optional(z.number()),
});

/** One pivot debug log entry. */
export type PivotDebugEntry = z.output<typeof PivotDebugEntrySchema>;
