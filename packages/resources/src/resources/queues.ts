import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { crud } from '../internal/crud.js';
import { lazy } from '../internal/lazy.js';
import type { EavesdropParams, Queue, QueueCreateParams, QueuePatchParams, QueueSummary } from '../schemas/queues.js';

const QUEUES = 'accounts/{account_id}/queues';

/**
 * The account's ACD call queues: `/v2/accounts/{ACCOUNT_ID}/queues`, their rosters (the agents
 * who take their calls), statistics, and eavesdropping.
 *
 * @example
 * ```ts
 * const queue = await audian.queues.create({ name: 'Support', strategy: 'most_idle' });
 * await audian.queues.setRoster(queue.id, [agentUserId]);
 * await audian.queues.eavesdropQueue(queue.id, { id: supervisorDeviceId, mode: 'whisper' });
 * ```
 */
export class Queues extends crud({
  path: QUEUES,
  what: 'queue',
  verbs: ['list', 'get', 'create', 'update', 'patch', 'remove'],
  schemas: lazy(async () => {
    const m = await import('../schemas/queues.js');
    return { document: m.QueueSchema, summary: m.QueueSummarySchema };
  }),
}) {
  /** Lists the queues (id, name, strategy). `GET /v2/accounts/{ACCOUNT_ID}/queues` */
  declare list: (params?: ListParams, options?: CallOptions) => PagePromise<QueueSummary>;

  /**
   * Fetches one queue. `GET /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}`
   *
   * @throws NotFoundError when there is no such queue
   */
  declare get: (queueId: string, options?: CallOptions) => Promise<Queue>;

  /**
   * Creates a queue. `PUT /v2/accounts/{ACCOUNT_ID}/queues`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  declare create: (queue: QueueCreateParams, options?: CallOptions) => Promise<Queue>;

  /**
   * Replaces a queue (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  declare update: (queueId: string, queue: QueueCreateParams, options?: CallOptions) => Promise<Queue>;

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  declare patch: (queueId: string, changes: QueuePatchParams, options?: CallOptions) => Promise<Queue>;

  /** Deletes a queue; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}` */
  declare remove: (queueId: string, options?: CallOptions) => Promise<Queue>;

  /** The agents (user ids) assigned to the queue. `GET /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/roster` */
  roster(queueId: string, options?: CallOptions): Promise<string[]> {
    return this.call('GET', `${QUEUES}/{id}/roster`, { pathParams: { id: queueId }, options });
  }

  /**
   * Assigns agents (user ids) to the queue. `POST /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/roster`
   *
   * @throws InvalidArgumentError (before any request) when `agentIds` is not an array of non-empty strings
   */
  setRoster(queueId: string, agentIds: readonly string[], options?: CallOptions): Promise<unknown> {
    if (!Array.isArray(agentIds) || agentIds.some((id) => typeof id !== 'string' || id === '')) {
      throw new InvalidArgumentError('agentIds', 'agentIds must be an array of user ids');
    }
    return this.call('POST', `${QUEUES}/{id}/roster`, { pathParams: { id: queueId }, data: [...agentIds], options });
  }

  /** Removes every agent from the queue. `DELETE /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/roster` */
  clearRoster(queueId: string, options?: CallOptions): Promise<unknown> {
    return this.call('DELETE', `${QUEUES}/{id}/roster`, { pathParams: { id: queueId }, options });
  }

  /** Live statistics of the account's queues. `GET /v2/accounts/{ACCOUNT_ID}/queues/stats` */
  stats(
    params?: { readonly query?: Readonly<Record<string, string | number | boolean>> },
    options?: CallOptions,
  ): Promise<Record<string, unknown>> {
    return this.call('GET', `${QUEUES}/stats`, { query: params?.query, options });
  }

  /**
   * Rings `id` (a user or device) and lets it listen in on one call.
   * `PUT /v2/accounts/{ACCOUNT_ID}/queues/eavesdrop`
   *
   * @throws InvalidArgumentError (before any request) when `callId` or `id` is empty
   */
  eavesdrop(callId: string, params: EavesdropParams, options?: CallOptions): Promise<unknown> {
    if (typeof callId !== 'string' || callId === '') throw new InvalidArgumentError('callId', 'callId must be a non-empty string');
    return this.call('PUT', `${QUEUES}/eavesdrop`, { data: { ...checkEavesdrop(params), call_id: callId }, options });
  }

  /**
   * Rings `id` (a user or device) and lets it listen in on the queue's calls.
   * `PUT /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/eavesdrop`
   *
   * @throws InvalidArgumentError (before any request) when `id` is empty
   */
  eavesdropQueue(queueId: string, params: EavesdropParams, options?: CallOptions): Promise<unknown> {
    return this.call('PUT', `${QUEUES}/{id}/eavesdrop`, { pathParams: { id: queueId }, data: checkEavesdrop(params), options });
  }
}

function checkEavesdrop(params: EavesdropParams): EavesdropParams {
  if (typeof params?.id !== 'string' || params.id === '')
    throw new InvalidArgumentError('id', 'id (the user or device that rings) must be a non-empty string');
  if (params.mode !== undefined && !['listen', 'whisper', 'full'].includes(params.mode)) {
    throw new InvalidArgumentError('mode', `mode must be listen, whisper or full, got ${JSON.stringify(params.mode)}`);
  }
  return params;
}

export type { EavesdropParams, Queue, QueueCreateParams, QueuePatchParams, QueueSummary } from '../schemas/queues.js';
