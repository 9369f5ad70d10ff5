import * as z from 'zod/mini';

/** One agent as `GET …/agents` lists it (`agents/crossbar_listing`): a user with the queues it works. */
export const AgentSummarySchema = z.looseObject({
  id: z.string(),
  first_name: z.optional(z.string()),
  last_name: z.optional(z.string()),
  queues: z.optional(z.array(z.string())),
});

/** One agent of the listing. */
export type AgentSummary = z.output<typeof AgentSummarySchema>;

/** The status changes an agent accepts (`cb_agents` `?STATUS_CHANGES`). */
export const AGENT_STATUS_CHANGES = ['login', 'logout', 'pause', 'resume', 'end_wrapup'] as const;

/**
 * A status change (`POST …/agents/{USER_ID}/status`): `status`, and for a pause its `timeout`
 * (seconds); `alias`, `presence_id` and `presence_state` are passed on to ACDc.
 */
export interface AgentStatusChange {
  readonly status: (typeof AGENT_STATUS_CHANGES)[number];
  readonly timeout?: number;
  readonly alias?: string;
  readonly presence_id?: string;
  readonly presence_state?: string;
}

/** A queue login or logout (`POST …/agents/{USER_ID}/queue_status`, schema `queue_update`). */
export interface AgentQueueChange {
  readonly action: 'login' | 'logout';
  readonly queue_id: string;
}
