import * as z from 'zod/mini';
import { QueuesSchema } from './generated/queues.js';
import type { DeepPartialNullable } from './users.js';

/**
 * An ACD call queue. Required: `name`. Defaults: `strategy: 'round_robin'` (or `most_idle`),
 * `agent_ring_timeout: 15`, `connection_timeout: 3600`, `max_queue_size: 0` (no limit),
 * `ring_simultaneously: 1`, `enter_when_empty: true`, `caller_exit_key: '#'`.
 */
export const QueueSchema = QueuesSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/queues`. */
export const QueueSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  strategy: z.optional(z.string()),
});

/** What `queues.create()` and `update()` take: `name` is required. */
export type QueueCreateParams = z.input<typeof QueueSchema>;
/** A queue as the API returns it (with `agents`, the roster). */
export type Queue = z.input<typeof QueueSchema> & { readonly id: string; readonly agents?: readonly string[] };
/** One item of the queues listing. */
export type QueueSummary = z.output<typeof QueueSummarySchema>;
/** What `queues.patch()` takes. */
export type QueuePatchParams = DeepPartialNullable<QueueCreateParams>;

/**
 * Who listens in and how (`PUT …/queues/eavesdrop`, `PUT …/queues/{QUEUE_ID}/eavesdrop`): `id`
 * is the user or device that rings, `mode` `listen` (default), `whisper` or `full`.
 */
export interface EavesdropParams {
  readonly id: string;
  readonly mode?: 'listen' | 'whisper' | 'full';
  readonly timeout?: number;
  readonly caller_id_name?: string;
  readonly caller_id_number?: string;
}
