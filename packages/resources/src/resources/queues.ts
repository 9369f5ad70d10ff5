import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { EavesdropParams, Queue, QueueCreateParams, QueuePatchParams, QueueSummary } from '../schemas/queues.js';

const QUEUES = 'accounts/{account_id}/queues';

const SPEC = collection(
  QUEUES,
  'queue',
  lazy(async () => {
    const m = await import('../schemas/queues.js');
    return { document: m.QueueSchema, summary: m.QueueSummarySchema };
  }),
);

/** What `queues.stats()` takes: Crossbar's stats query (`status`, `start_range`, …). */
export interface QueueStatsParams {
  readonly query?: Readonly<Record<string, string | number | boolean>>;
}

/** What `queues.stats()` answers: live statistics per queue. */
export type QueueStats = Record<string, unknown>;

/**
 * What `Queues.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { QueueListParams } from '@audian/resources';
 *
 * const params: QueueListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface QueueListParams extends ListParams {}

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
export class Queues extends ResourceBase {
  /** Lists the queues (id, name, strategy). `GET /v2/accounts/{ACCOUNT_ID}/queues` */
  list(params?: QueueListParams, options?: CallOptions): PagePromise<QueueSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one queue. `GET /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}`
   *
   * @throws NotFoundError when there is no such queue
   */
  get(queueId: string, options?: CallOptions): APIPromise<Queue> {
    return this._get(SPEC, queueId, options);
  }

  /**
   * Creates a queue. `PUT /v2/accounts/{ACCOUNT_ID}/queues`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  create(queue: QueueCreateParams, options?: CallOptions): APIPromise<Queue> {
    return this._create(SPEC, queue, options);
  }

  /**
   * Replaces a queue (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(queueId: string, queue: QueueCreateParams, options?: CallOptions): APIPromise<Queue> {
    return this._update(SPEC, queueId, queue, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(queueId: string, changes: QueuePatchParams, options?: CallOptions): APIPromise<Queue> {
    return this._patch(SPEC, queueId, changes, options);
  }

  /** Deletes a queue; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}` */
  delete(queueId: string, options?: CallOptions): APIPromise<Queue> {
    return this._delete(SPEC, queueId, options);
  }

  /** The agents (user ids) assigned to the queue. `GET /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/roster` */
  roster(queueId: string, options?: CallOptions): APIPromise<string[]> {
    return this.call('GET', `${QUEUES}/{id}/roster`, { pathParams: { id: queueId }, options });
  }

  /**
   * Assigns agents (user ids) to the queue. `POST /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/roster`
   *
   * @throws InvalidArgumentError (before any request) when `agentIds` is not an array of non-empty strings
   */
  setRoster(queueId: string, agentIds: readonly string[], options?: CallOptions): APIPromise<unknown> {
    if (!Array.isArray(agentIds) || agentIds.some((id) => typeof id !== 'string' || id === '')) {
      throw new InvalidArgumentError('agentIds', 'agentIds must be an array of user ids');
    }
    return this.call('POST', `${QUEUES}/{id}/roster`, { pathParams: { id: queueId }, data: [...agentIds], options });
  }

  /** Removes every agent from the queue. `DELETE /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/roster` */
  clearRoster(queueId: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', `${QUEUES}/{id}/roster`, { pathParams: { id: queueId }, options });
  }

  /** Live statistics of the account's queues. `GET /v2/accounts/{ACCOUNT_ID}/queues/stats` */
  stats(params?: QueueStatsParams, options?: CallOptions): APIPromise<QueueStats> {
    return this.call('GET', `${QUEUES}/stats`, { query: params?.query, options });
  }

  /**
   * Rings `id` (a user or device) and lets it listen in on one call.
   * `PUT /v2/accounts/{ACCOUNT_ID}/queues/eavesdrop`
   *
   * @throws InvalidArgumentError (before any request) when `callId` or `id` is empty
   */
  eavesdrop(callId: string, params: EavesdropParams, options?: CallOptions): APIPromise<unknown> {
    if (typeof callId !== 'string' || callId === '') throw new InvalidArgumentError('callId', 'callId must be a non-empty string');
    return this.call('PUT', `${QUEUES}/eavesdrop`, { data: { ...checkEavesdrop(params), call_id: callId }, options });
  }

  /**
   * Rings `id` (a user or device) and lets it listen in on the queue's calls.
   * `PUT /v2/accounts/{ACCOUNT_ID}/queues/{QUEUE_ID}/eavesdrop`
   *
   * @throws InvalidArgumentError (before any request) when `id` is empty
   */
  eavesdropQueue(queueId: string, params: EavesdropParams, options?: CallOptions): APIPromise<unknown> {
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
