import * as z from 'zod/mini';

/** One call's ACDc statistics (`GET …/acdc_call_stats`): the queue, the agent, and the wait and talk times. */
export const AcdcCallStatSchema = z.looseObject({
  call_id: z.optional(z.string()),
  queue_id: z.optional(z.string()),
  agent_id: z.optional(z.string()),
  status: z.optional(z.string()),
  entered_timestamp: z.optional(z.number()),
  wait_time: z.optional(z.number()),
  talk_time: z.optional(z.number()),
});

/** One call's ACDc statistics. */
export type AcdcCallStat = z.output<typeof AcdcCallStatSchema>;
