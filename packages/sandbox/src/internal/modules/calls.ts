import { type CallInfo, CallRequestError, callsOf } from '../calls';
import type { Leg } from '../calls-events';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, isObject, type JsonObject } from '../json';
import { defineModule, NO_TELEPHONY, route } from '../sandbox-module';
import { notImplemented } from '../unserved';

const automatic = { revision: 'automatic' } as const;

/** A request value the way `cb_context:req_value/2` reads it: the envelope's `data`, then the query string. */
function reqValue(req: SandboxRequest, key: string): unknown {
  if (isObject(req.data) && req.data[key] !== undefined) return req.data[key];
  return req.query[key];
}

function typeError(field: string, value: unknown, target: string): CrossbarError {
  return validationError({ [field]: { type: { message: `Value did not match type(s): ${target}`, target, value: value as never } } });
}

/** `PUT …/sandbox/calls`: the request's fields checked one by one, each error naming its field. */
function placeCall(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const data = isObject(req.data) ? req.data : {};
  const { to, from, caller_id_name: name, answer_after_ms: answerAfter, duration_ms: duration, answer } = data;
  if (to === undefined || to === '') {
    throw validationError({ to: { required: { message: 'Field is required but missing' } } });
  }
  if (typeof to !== 'string') throw typeError('to', to, 'string');
  if (from !== undefined && typeof from !== 'string') throw typeError('from', from, 'string');
  if (name !== undefined && typeof name !== 'string') throw typeError('caller_id_name', name, 'string');
  if (answer !== undefined && typeof answer !== 'boolean') throw typeError('answer', answer, 'boolean');
  for (const [field, value] of [
    ['answer_after_ms', answerAfter],
    ['duration_ms', duration],
  ] as const) {
    if (value !== undefined && typeof value !== 'number') throw typeError(field, value, 'integer');
  }
  try {
    const { finished: _finished, ...call } = callsOf(engine).place({
      accountId,
      to,
      from,
      callerIdName: name,
      answerAfterMs: answerAfter as number | undefined,
      durationMs: duration as number | undefined,
      answer,
    });
    return {
      status: 201,
      data: call,
      envelope: automatic,
      headers: { location: `${req.path.replace(/\/$/, '')}/${encodeURIComponent(call.call_id)}` },
    };
  } catch (error) {
    if (error instanceof CallRequestError) {
      throw validationError({ [error.field]: { [error.key]: { message: error.message, value: data[error.field] as never } } });
    }
    throw error;
  }
}

function callOr404(call: CallInfo | undefined, callId: string): Reply {
  if (!call) throw badIdentifier(callId);
  return { data: call, envelope: automatic };
}

/** A live leg as `cb_channels` lists it (`ecallmgr_fs_channel:to_json/1` less the keys `cb_channels:delete_keys/1` drops). */
function channelRow(leg: Leg, nowMs: number): JsonObject {
  return compact({
    answered: leg.answeredMs !== undefined,
    authorizing_id: leg.authorizingId,
    authorizing_type: leg.authorizingType,
    callee_id_name: leg.calleeIdName,
    callee_id_number: leg.calleeIdNumber,
    caller_id_name: leg.callerIdName,
    caller_id_number: leg.callerIdNumber,
    destination: leg.destination,
    direction: leg.direction,
    elapsed_s: Math.max(0, Math.floor((nowMs - leg.createdMs) / 1000)),
    interaction_id: leg.interactionId,
    is_loopback: false,
    is_onhold: false,
    other_leg: leg.otherLeg,
    owner_id: leg.ownerId,
    presence_id: leg.presenceId,
    timestamp: Math.floor(leg.createdMs / 1000) + GREGORIAN_OFFSET,
    username: leg.username,
    uuid: leg.callId,
  });
}

function findLeg(engine: Engine, accountId: string, uuid: string): Leg {
  const leg = callsOf(engine)
    .legs(accountId)
    .find((l) => l.callId === uuid);
  if (!leg) throw badIdentifier(uuid);
  return leg;
}

/** The actions `cb_channels:maybe_execute_command/3` knows; only `hangup` acts on a simulated call. */
const CHANNEL_ACTIONS = ['transfer', 'hangup', 'break', 'callflow', 'intercept', 'move'];

/** `POST …/channels/{UUID}` (`cb_channels:update/2`): `hangup` ends the call (202 `hangup initiated`). */
function channelCommand(engine: Engine, req: SandboxRequest, accountId: string, uuid: string): Reply {
  findLeg(engine, accountId, uuid);
  const action = reqValue(req, 'action');
  if (typeof action !== 'string' || !CHANNEL_ACTIONS.includes(action)) {
    throw new CrossbarError(400, 'invalid data', isObject(req.data) ? req.data : {});
  }
  if (action !== 'hangup') throw notImplemented(`channels ${action}`, NO_TELEPHONY);
  callsOf(engine).hangup(accountId, uuid);
  return { status: 202, data: 'hangup initiated', envelope: automatic };
}

/** `PUT …/channels/{UUID}` with `"action": "metaflow"` (202 `metaflow sent`); a `hangup` metaflow ends the call. */
function channelMetaflow(engine: Engine, req: SandboxRequest, accountId: string, uuid: string): Reply {
  findLeg(engine, accountId, uuid);
  if (req.envelope.action !== 'metaflow') throw new CrossbarError(400, 'invalid data', isObject(req.data) ? req.data : {});
  const flow = isObject(req.data) && isObject(req.data.data) ? req.data.data : isObject(req.data) ? req.data : {};
  if (flow.module === 'hangup') callsOf(engine).hangup(accountId, uuid);
  return { status: 202, data: 'metaflow sent', envelope: automatic };
}

/**
 * `cb_channels`' answers from the simulated calls: `GET …/channels` (all live legs, or a user's or a
 * device's), `GET …/channels/{UUID}` (one leg, 404 when it is not live), `POST` (commands) and
 * `PUT` (metaflows) on one.
 */
export function channelsReply(
  engine: Engine,
  req: SandboxRequest,
  accountId: string,
  target: { uuid?: string; ownerId?: string; deviceId?: string } = {},
): Reply {
  const { uuid, ...filter } = target;
  if (uuid === undefined)
    return {
      data: callsOf(engine)
        .legs(accountId, filter)
        .map((leg) => channelRow(leg, engine.clock.nowMs())),
      envelope: automatic,
    };
  if (req.method === 'POST') return channelCommand(engine, req, accountId, uuid);
  if (req.method === 'PUT') return channelMetaflow(engine, req, accountId, uuid);
  return { data: channelRow(findLeg(engine, accountId, uuid), engine.clock.nowMs()), envelope: automatic };
}

/**
 * The sandbox-only `…/sandbox/calls` endpoint: places simulated inbound calls, lists them, hangs
 * them up (no Crossbar module has it; see the README).
 */
export const callsModule = defineModule({
  name: 'sandbox_calls',
  routes: [
    route('accounts/:account/sandbox/calls', ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'PUT' ? placeCall(engine, req, accountId) : { data: callsOf(engine).list(accountId), envelope: automatic },
    ),
    route('accounts/:account/sandbox/calls/:call', ['GET', 'DELETE'], ({ engine, req, accountId, params }) =>
      callOr404(
        req.method === 'DELETE' ? callsOf(engine).hangup(accountId, params.call) : callsOf(engine).get(accountId, params.call),
        params.call,
      ),
    ),
  ],
});
