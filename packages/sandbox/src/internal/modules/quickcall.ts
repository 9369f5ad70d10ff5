import { boundedTest } from '../bounded-regex';
import { callsOf } from '../calls';
import { type RingTarget, userTargets } from '../calls-routing';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newId } from '../ids';
import { compact, isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import { DEVICES } from './devices';
import { USERS } from './users';

/** `cb_quickcall`'s `?QCALL_NUMBER_FILTER`: what `number_filter=true` (the default) strips from the number. */
const NUMBER_FILTER = /[ ,.\-()]/g;

/** `cb_quickcall:build_number_uri/2`: `number_filter` true (strip), false (keep) or a regex whose first group is kept. */
function filterNumber(req: SandboxRequest, number: string): string {
  const filter = req.query.number_filter ?? 'true';
  if (filter === 'false') return number;
  if (filter === 'true') return number.replace(NUMBER_FILTER, '');
  if (!boundedTest(filter, number)) return number;
  const match = new RegExp(filter).exec(number);
  return match?.[1] ?? number;
}

/** A request value as `cb_context:req_value/2` reads it: the body's `data`, then the query string. */
function reqValue(req: SandboxRequest, key: string): unknown {
  if (isObject(req.data) && req.data[key] !== undefined) return req.data[key];
  return req.query[key];
}

/**
 * The caller id the called party sees (`kz_attributes:caller_id/2`): `external` for numbers that
 * normalise to E.164 (`knm_converters:is_reconcilable/2`), `internal` for extensions; the owner's
 * over the account's.
 */
function defaultCallerId(
  engine: Engine,
  accountId: string,
  ownerId: string | undefined,
  number: string,
): { name?: string; number?: string } {
  const kind = /^\+?\d{8,}$/.test(number) ? 'external' : 'internal';
  const sources = [ownerId ? engine.store.get(accountId, ownerId)?.body : undefined, engine.account(accountId)?.body];
  for (const doc of sources) {
    const cid = isObject(doc?.caller_id) && isObject(doc.caller_id[kind]) ? (doc.caller_id[kind] as JsonObject) : undefined;
    if (cid && (cid.number || cid.name)) return { name: cid.name as string | undefined, number: cid.number as string | undefined };
  }
  return {};
}

/**
 * `GET|POST …/{users|devices}/{ID}/quickcall/{NUMBER}` (`cb_quickcall`): rings the endpoint's
 * devices and, once one answers, takes it to the number (through the account's callflows, or out
 * to the number). Both verbs answer 202 with the originate request Crossbar sends (normalised,
 * `kz_api:remove_defaults/1`); POST, which KAZOO answers once the originate succeeded, adds the
 * call's `call_id`.
 */
function quickcall(engine: Engine, req: SandboxRequest, accountId: string, kind: 'user' | 'device', id: string, rawNumber: string): Reply {
  const endpoint = engine.docs.load(accountId, kind === 'user' ? USERS : DEVICES, id);
  const number = filterNumber(req, rawNumber);
  const calls = callsOf(engine);
  const targets: RingTarget[] =
    kind === 'user'
      ? userTargets(engine, accountId, id)
      : [calls.deviceTarget(accountId, id)].filter((t): t is RingTarget => t !== undefined);
  if (targets.length === 0) throw new CrossbarError(500, 'unspecified_fault', { message: 'unspecified fault' });
  const realm = String(engine.account(accountId)?.body.realm ?? '');
  const autoAnswer = req.query.auto_answer !== 'false';
  const timeout = Number(reqValue(req, 'timeout'));
  const ownerId = kind === 'user' ? id : typeof endpoint.body.owner_id === 'string' ? endpoint.body.owner_id : undefined;
  const cid = defaultCallerId(engine, accountId, ownerId, number);
  const cidName = reqValue(req, 'cid-name');
  const cidNumber = reqValue(req, 'cid-number');
  const endpoints = targets.map((t, i) =>
    compact({
      invite_format: 'username',
      to_user: t.username,
      to_realm: realm,
      endpoint_id: t.deviceId,
      owner_id: t.ownerId,
      outbound_call_id: `${newId()}${newId().slice(0, 4)}-quickcall`,
      // cb_quickcall:update_quickcall_endpoints/2 sets Auto-Answer on a single endpoint only.
      custom_channel_vars: targets.length === 1 && i === 0 ? { auto_answer: autoAnswer } : undefined,
    }),
  );
  const callId = String(endpoints[0]?.outbound_call_id);
  const placed = calls.originate({
    accountId,
    origin: 'quickcall',
    first: { targets },
    destination: number,
    callerIdName: 'Device QuickCall',
    callerIdNumber: number,
    callId,
  });
  const request = compact({
    application_name: 'transfer',
    application_data: { route: number },
    continue_on_fail: false,
    custom_application_vars: {},
    custom_channel_vars: {
      account_id: accountId,
      inherit_codec: 'false',
      authorizing_type: kind,
      authorizing_id: id,
      retain_cid: cidNumber === undefined ? 'false' : 'true',
    },
    dial_endpoint_method: 'simultaneous',
    endpoints,
    export_custom_channel_vars: [
      'Account-ID',
      'Authorizing-ID',
      'Authorizing-Type',
      'Outbound-Callee-ID-Name',
      'Outbound-Callee-ID-Number',
      'Retain-CID',
    ],
    ignore_early_media: reqValue(req, 'ignore-early-media') !== 'false' && reqValue(req, 'ignore-early-media') !== false,
    media: reqValue(req, 'media') === 'bypass' ? 'bypass' : 'process',
    msg_id: req.requestId,
    outbound_callee_id_name: typeof cidName === 'string' ? decodeURIComponent(cidName) : cid.name,
    outbound_callee_id_number: typeof cidNumber === 'string' ? decodeURIComponent(cidNumber) : cid.number,
    outbound_caller_id_name: 'Device QuickCall',
    outbound_caller_id_number: number,
    // cb_quickcall:get_timeout/1: more than 3 seconds, else 30.
    timeout: Number.isInteger(timeout) && timeout > 3 ? timeout : 30,
    call_id: req.method === 'POST' ? placed.call_id : undefined,
  });
  return { status: 202, data: request, envelope: { revision: 'automatic' } };
}

/** `cb_quickcall`: a call from a user's devices (or one device) to a number, placed from the API. */
export const quickcallModule = defineModule({
  name: 'quickcall',
  routes: [
    route('accounts/:account/users/:id/quickcall/:number', ['GET', 'POST'], ({ engine, req, accountId, params }) =>
      quickcall(engine, req, accountId, 'user', params.id, params.number),
    ),
    route('accounts/:account/devices/:id/quickcall/:number', ['GET', 'POST'], ({ engine, req, accountId, params }) =>
      quickcall(engine, req, accountId, 'device', params.id, params.number),
    ),
  ],
});
