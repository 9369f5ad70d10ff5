import * as z from 'zod/mini';

/** One occupied parking slot (`cf_park`'s slot document, normalised): the parked call and its caller. */
export const ParkedCallSlotSchema = z.looseObject({
  call_id: z.optional(z.string()),
  attended: z.optional(z.boolean()),
  presence_id: z.optional(z.string()),
  cid_number: z.optional(z.string()),
  cid_name: z.optional(z.string()),
});

/** One occupied parking slot. */
export type ParkedCallSlot = z.output<typeof ParkedCallSlotSchema>;

/** What `GET …/parked_calls` answers: the occupied slots by slot number. */
export const ParkedCallsSchema = z.looseObject({ slots: z.record(z.string(), ParkedCallSlotSchema) });

/** The account's parking slots. */
export type ParkedCalls = z.output<typeof ParkedCallsSchema>;
