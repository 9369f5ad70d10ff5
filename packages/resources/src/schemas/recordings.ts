import * as z from 'zod/mini';

/**
 * A call recording's metadata document (`GET …/recordings/{RECORDING_ID}` as JSON): the call
 * (`call_id`, `cdr_id`, `interaction_id`, `caller_id_*`, `callee_id_*`, `direction`, `from`,
 * `to`), `owner_id`, `endpoint_id`, `media_type`, `content_type`, `duration` (s) and
 * `duration_ms`, `start` (Gregorian seconds) and the storage `url`.
 */
export const RecordingSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  call_id: z.optional(z.string()),
  caller_id_name: z.optional(z.string()),
  caller_id_number: z.optional(z.string()),
  callee_id_name: z.optional(z.string()),
  callee_id_number: z.optional(z.string()),
  direction: z.optional(z.string()),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  cdr_id: z.optional(z.string()),
  interaction_id: z.optional(z.string()),
  endpoint_id: z.optional(z.string()),
  owner_id: z.optional(z.string()),
  media_type: z.optional(z.string()),
  content_type: z.optional(z.string()),
  duration: z.optional(z.number()),
  duration_ms: z.optional(z.number()),
  start: z.optional(z.number()),
  url: z.optional(z.string()),
});

/** A call recording's metadata. */
export type Recording = z.output<typeof RecordingSchema>;
