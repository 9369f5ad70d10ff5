import * as z from 'zod/mini';

/** One call's SIP dialogue as the call inspector captured it (`GET …/call_inspector/{CALL_ID}`). */
export const CallInspectionSchema = z.looseObject({
  'call-id': z.optional(z.string()),
  messages: z.optional(z.array(z.looseObject({}))),
  dialog_entities: z.optional(z.array(z.string())),
  analysis: z.optional(z.array(z.looseObject({}))),
});

/** One call's captured SIP dialogue. */
export type CallInspection = z.output<typeof CallInspectionSchema>;
