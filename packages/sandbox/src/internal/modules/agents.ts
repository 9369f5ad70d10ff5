import { docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { defineModule, NO_TELEPHONY, route, unservedRoute } from '../sandbox-module';
import { USERS } from './users';

/** `cb_agents:validate_status_change/2`'s `?STATUS_CHANGES`, and the state each leaves the agent in. */
const STATUS_CHANGES: Readonly<Record<string, string>> = {
  login: 'ready',
  logout: 'logged_out',
  pause: 'paused',
  resume: 'ready',
  end_wrapup: 'ready',
};

interface AgentStatus {
  readonly agent_id: string;
  readonly status: string;
  readonly timestamp: number;
}

/** The agents' last statuses per sandbox: ACDc keeps them in its stats processes, not in a document. */
const statuses = new WeakMap<Engine, Map<string, AgentStatus>>();

function statusMap(engine: Engine): Map<string, AgentStatus> {
  let map = statuses.get(engine);
  if (!map) {
    map = new Map();
    statuses.set(engine, map);
  }
  return map;
}

/** The last status of each agent of an account that has one, by agent id. */
function accountStatuses(engine: Engine, accountId: string): Record<string, AgentStatus> {
  const prefix = `${accountId}/`;
  return Object.fromEntries(
    [...statusMap(engine)].filter(([key]) => key.startsWith(prefix)).map(([key, v]) => [key.slice(prefix.length), v]),
  );
}

/** A request value as `cb_context:req_value/2` reads it: the body's `data`, then the query string. */
function reqValue(req: SandboxRequest, key: string): unknown {
  if (isObject(req.data) && req.data[key] !== undefined) return req.data[key];
  return req.query[key];
}

const automatic = { revision: 'automatic' } as const;

/** `GET …/agents` (`agents/crossbar_listing`): users with a `queues` list, by id. */
function listAgents(engine: Engine, accountId: string): Reply {
  const data = engine.store
    .children(accountId, USERS.type, '')
    .filter((u) => typeof u.body.queues === 'object' && u.body.queues !== null)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((u) => ({ id: u.id, first_name: u.body.first_name, last_name: u.body.last_name, queues: u.body.queues }));
  return { data, envelope: automatic };
}

/** `GET|POST …/agents/{USER_ID}/status` and `…/agents/status/{USER_ID}`: the last status, or a change (`status update sent`). */
function agentStatus(engine: Engine, req: SandboxRequest, accountId: string, agentId: string): Reply {
  engine.docs.load(accountId, USERS, agentId);
  if (req.method === 'GET') {
    return { data: statusMap(engine).get(`${accountId}/${agentId}`)?.status ?? 'logged_out', envelope: automatic };
  }
  const status = reqValue(req, 'status');
  const next = typeof status === 'string' ? STATUS_CHANGES[status] : undefined;
  if (next === undefined) {
    throw validationError({ status: { enum: { message: 'value is not a valid status', cause: status as never } } });
  }
  statusMap(engine).set(`${accountId}/${agentId}`, { agent_id: agentId, status: next, timestamp: engine.clock.gregorian() });
  return { data: 'status update sent', envelope: automatic };
}

/** `GET|POST …/agents/{USER_ID}/queue_status`: the queues the agent works, or a login/logout of one (`kzd_agent:maybe_add_queue/2`). */
function queueStatus(engine: Engine, req: SandboxRequest, accountId: string, agentId: string): Reply {
  const user = engine.docs.load(accountId, USERS, agentId);
  const queues = Array.isArray(user.body.queues) ? user.body.queues.map(String) : [];
  if (req.method === 'GET') return { data: user.body.queues ?? [], envelope: automatic };
  const data = isObject(req.data) ? req.data : {};
  const errors: Record<string, Record<string, JsonObject>> = {};
  if (data.action === undefined) errors.action = { required: { message: 'Field is required but missing' } };
  else if (data.action !== 'login' && data.action !== 'logout') {
    errors.action = {
      enum: { message: 'Value not found in enumerated list of values', target: ['login', 'logout'], value: data.action as never },
    };
  }
  if (typeof data.queue_id !== 'string' || data.queue_id === '')
    errors.queue_id = { required: { message: 'Field is required but missing' } };
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const queueId = data.queue_id as string;
  const updated = data.action === 'login' ? [...new Set([...queues, queueId])] : queues.filter((q) => q !== queueId);
  engine.docs.save(USERS, user, { ...user.body, queues: updated });
  return { data: updated, envelope: automatic };
}

/**
 * `cb_agents` (ACDc): the users that are call-center agents, the queues they log in to, their
 * status changes and last status. Live statistics (`…/agents/stats`) come from ACDc's stats
 * processes: 501.
 */
export const agentsModule = defineModule({
  name: 'agents',
  routes: [
    route('accounts/:account/agents', ['GET'], ({ engine, accountId }) => listAgents(engine, accountId)),
    unservedRoute('accounts/:account/agents/stats', ['GET'], 'agents/stats', NO_TELEPHONY),
    route('accounts/:account/agents/status', ['GET'], ({ engine, accountId }) => ({
      data: accountStatuses(engine, accountId),
      envelope: automatic,
    })),
    route('accounts/:account/agents/status/:id', ['GET', 'POST'], ({ engine, req, accountId, params }) =>
      agentStatus(engine, req, accountId, params.id),
    ),
    route('accounts/:account/agents/:id', ['GET'], ({ engine, accountId, params }) =>
      docReply(USERS, engine.docs.load(accountId, USERS, params.id)),
    ),
    route('accounts/:account/agents/:id/status', ['GET', 'POST'], ({ engine, req, accountId, params }) =>
      agentStatus(engine, req, accountId, params.id),
    ),
    route('accounts/:account/agents/:id/queue_status', ['GET', 'POST'], ({ engine, req, accountId, params }) =>
      queueStatus(engine, req, accountId, params.id),
    ),
    route('accounts/:account/agents/:id/restart', ['POST'], ({ engine, accountId, params }) => {
      engine.docs.load(accountId, USERS, params.id);
      return { data: {}, envelope: automatic };
    }),
  ],
});
