import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import { AGENT_STATUS_CHANGES, type AgentQueueChange, type AgentStatusChange, type AgentSummary } from '../schemas/agents.js';
import type { User } from '../schemas/users.js';

const AGENTS = 'accounts/{account_id}/agents';

/** Query options of the ACDc statistics and status listings (`status`, `start_range`, `recent`, `full`, …). */
export type AgentStatsQuery = Readonly<Record<string, string | number | boolean>>;

/** What `agents.stats()` and `agents.statuses()` answer: ACDc's live figures, by agent. */
export type AgentStats = Record<string, unknown>;

function checkStatus(change: AgentStatusChange): void {
  if (typeof change !== 'object' || change === null || !(AGENT_STATUS_CHANGES as readonly string[]).includes(change.status)) {
    throw new InvalidArgumentError('change.status', `change.status must be one of ${AGENT_STATUS_CHANGES.join(', ')}`);
  }
}

/**
 * Call-center agents (ACDc): the users who work queues, `/v2/accounts/{ACCOUNT_ID}/agents` —
 * their queues, status changes (login, pause, …), current status and statistics.
 *
 * @example
 * ```ts
 * for await (const agent of audian.agents.list()) console.log(agent.id, agent.queues);
 * await audian.agents.updateQueueStatus(userId, { action: 'login', queue_id: queueId });
 * await audian.agents.setStatus(userId, { status: 'pause', timeout: 300 });
 * console.log(await audian.agents.getStatus(userId)); // 'paused'
 * ```
 */
export class Agents extends ResourceBase {
  /** Lists the agents (users with queues). `GET /v2/accounts/{ACCOUNT_ID}/agents` */
  list(params?: ListParams, options?: CallOptions): PagePromise<AgentSummary> {
    return this.pages(AGENTS, params, { options });
  }

  /**
   * Fetches an agent (its user document). `GET /v2/accounts/{ACCOUNT_ID}/agents/{USER_ID}`
   *
   * @throws NotFoundError when there is no such user
   */
  get(userId: string, options?: CallOptions): APIPromise<User> {
    return this.call('GET', `${AGENTS}/{id}`, { pathParams: { id: userId }, options });
  }

  /** ACDc's live statistics of the agents. `GET /v2/accounts/{ACCOUNT_ID}/agents/stats` */
  stats(query?: AgentStatsQuery, options?: CallOptions): APIPromise<AgentStats> {
    return this.call('GET', `${AGENTS}/stats`, { query, options });
  }

  /** The agents' current statuses. `GET /v2/accounts/{ACCOUNT_ID}/agents/status` */
  statuses(query?: AgentStatsQuery, options?: CallOptions): APIPromise<AgentStats> {
    return this.call('GET', `${AGENTS}/status`, { query, options });
  }

  /** An agent's current status (`ready`, `paused`, `logged_out`, …). `GET /v2/accounts/{ACCOUNT_ID}/agents/{USER_ID}/status` */
  getStatus(userId: string, query?: AgentStatsQuery, options?: CallOptions): APIPromise<unknown> {
    return this.call('GET', `${AGENTS}/{id}/status`, { pathParams: { id: userId }, query, options });
  }

  /**
   * Changes an agent's status (answers `status update sent`). `POST /v2/accounts/{ACCOUNT_ID}/agents/{USER_ID}/status`
   *
   * @throws InvalidArgumentError (before any request) for an unknown `status`
   */
  setStatus(userId: string, change: AgentStatusChange, options?: CallOptions): APIPromise<unknown> {
    checkStatus(change);
    return this.call('POST', `${AGENTS}/{id}/status`, { pathParams: { id: userId }, data: change, options });
  }

  /** An agent's current status, by the status collection's path. `GET /v2/accounts/{ACCOUNT_ID}/agents/status/{USER_ID}` */
  statusOf(userId: string, query?: AgentStatsQuery, options?: CallOptions): APIPromise<unknown> {
    return this.call('GET', `${AGENTS}/status/{id}`, { pathParams: { id: userId }, query, options });
  }

  /**
   * Changes an agent's status, by the status collection's path. `POST /v2/accounts/{ACCOUNT_ID}/agents/status/{USER_ID}`
   *
   * @throws InvalidArgumentError (before any request) for an unknown `status`
   */
  setStatusOf(userId: string, change: AgentStatusChange, options?: CallOptions): APIPromise<unknown> {
    checkStatus(change);
    return this.call('POST', `${AGENTS}/status/{id}`, { pathParams: { id: userId }, data: change, options });
  }

  /** The queues the agent works. `GET /v2/accounts/{ACCOUNT_ID}/agents/{USER_ID}/queue_status` */
  queueStatus(userId: string, options?: CallOptions): APIPromise<string[]> {
    return this.call('GET', `${AGENTS}/{id}/queue_status`, { pathParams: { id: userId }, options });
  }

  /**
   * Logs the agent in to or out of a queue; answers the queues it works afterwards.
   * `POST /v2/accounts/{ACCOUNT_ID}/agents/{USER_ID}/queue_status`
   *
   * @throws InvalidArgumentError (before any request) when `action` is not login/logout or `queue_id` is empty
   */
  updateQueueStatus(userId: string, change: AgentQueueChange, options?: CallOptions): APIPromise<string[]> {
    if (change?.action !== 'login' && change?.action !== 'logout') {
      throw new InvalidArgumentError('change.action', 'change.action must be login or logout');
    }
    if (typeof change.queue_id !== 'string' || change.queue_id === '') {
      throw new InvalidArgumentError('change.queue_id', 'change.queue_id must be a non-empty string');
    }
    return this.call('POST', `${AGENTS}/{id}/queue_status`, { pathParams: { id: userId }, data: change, options });
  }

  /** Restarts the agent's ACDc process. `POST /v2/accounts/{ACCOUNT_ID}/agents/{USER_ID}/restart` */
  restart(userId: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${AGENTS}/{id}/restart`, { pathParams: { id: userId }, options });
  }
}

export type { AgentQueueChange, AgentStatusChange, AgentSummary } from '../schemas/agents.js';
