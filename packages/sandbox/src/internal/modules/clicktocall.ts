import { ClicktocallSchema } from '@audian/resources/schemas';
import * as z from 'zod/mini';
import { boundedTest } from '../bounded-regex';
import { callsOf } from '../calls';
import { docReply, listDocs } from '../collection';
import { simpleCollection } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import type { Engine } from '../engine';
import { newId, newModbId } from '../ids';
import { compact, isObject, type JsonObject, publicDoc } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** Click-to-call endpoints; `kzd_clicktocall:type()` is `click2call`, so the URL and the stored type differ. */
export const C2C = simpleCollection('clicktocall', 'click2call', ClicktocallSchema, (doc) => ({
  id: doc._id,
  name: doc.name,
  extension: doc.extension,
}));

/** One call placed through a click-to-call endpoint (KAZOO keeps them in the MODB as `c2c_history`). */
export const C2C_HISTORY: ResourceDef = {
  name: 'history',
  type: 'c2c_history',
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: [],
  summary: (doc) => publicDoc(doc),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** A request value the way `cb_context:req_value/2` reads it: the envelope's `data`, then the query string. */
function reqValue(req: SandboxRequest, key: string): unknown {
  if (isObject(req.data) && req.data[key] !== undefined) return req.data[key];
  return req.query[key];
}

/** `cb_clicktocall:match_regexps/2`: any pattern matching, each run bounded (the route may be anonymous). */
function matchesWhitelist(patterns: readonly unknown[], contact: string): boolean {
  return patterns.some((p) => typeof p === 'string' && boundedTest(p, contact));
}

/**
 * `cb_clicktocall:get_c2c_contact/1`: the contact is normalised with KAZOO's E.164 converters
 * (`4155550199` → `+14155550199`) before the whitelist sees it and the call is placed.
 */
function c2cContact(raw: string): string {
  return toE164(raw.trim());
}

/**
 * `GET|POST …/clicktocall/{C2C_ID}/connect`: places a simulated call (see `calls.ts`), recorded
 * at once as a success in the endpoint's history. Endpoints with `auth_required: false` take
 * unauthenticated requests, as in KAZOO.
 */
function connect(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const stored = engine.store.get(accountId, id);
  // Authenticate before loading anything, so an anonymous caller cannot probe for ids.
  if (!stored || stored.deleted || stored.type !== C2C.type || stored.body.auth_required !== false) {
    engine.authorize(engine.authenticate(req), accountId);
  }
  const c2c = engine.docs.load(accountId, C2C, id);
  const doc = c2c.body;
  const raw = reqValue(req, 'contact');
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw validationError({ contact: { required: { message: 'The contact extension for this click to call has not been set' } } });
  }
  const contact = c2cContact(raw);
  const whitelist = Array.isArray(doc.whitelist) ? doc.whitelist : [];
  if (whitelist.length > 0 && !matchesWhitelist(whitelist, contact)) {
    throw new CrossbarError(400, "Contact doesn't match whitelist", contact);
  }
  const callId = `c2c-${id}-${newId().slice(0, 10)}`;
  const now = engine.clock.gregorian();
  const item = engine.docs.create(
    C2C_HISTORY,
    accountId,
    { timestamp: now, contact, call_id: callId, result: 'success' },
    { id: newModbId(engine.clock.unix()), parentId: id, private: { pvt_clicktocall_id: id } },
  );
  // A simulated call: the first leg rings (the extension, or the contact with `dial_first: contact`), then goes to the other.
  const extension = String(doc.extension ?? '');
  const contactFirst = doc.dial_first === 'contact';
  callsOf(engine).originate({
    accountId,
    origin: 'clicktocall',
    first: { number: contactFirst ? contact : extension },
    destination: contactFirst ? extension : contact,
    callerIdName: String(doc.name ?? ''),
    callerIdNumber: typeof doc.caller_id_number === 'string' ? doc.caller_id_number : contact,
    callId,
  });
  const blocking = reqValue(req, 'blocking');
  if (blocking === true || blocking === 'true') return docReply(C2C_HISTORY, item);
  return { status: 202, data: originateRequest(engine, accountId, doc, contact, callId), envelope: { revision: 'automatic' } };
}

/** The originate request Crossbar answers a non-blocking connect with (normalised keys, defaults left out). */
function originateRequest(engine: Engine, accountId: string, doc: JsonObject, contact: string, callId: string): JsonObject {
  const account = engine.account(accountId);
  const realm = String(account?.body.realm ?? '');
  const extension = String(doc.extension ?? '');
  const name = String(doc.name ?? '');
  const callerNumber = typeof doc.caller_id_number === 'string' ? doc.caller_id_number : contact;
  const contactFirst = doc.dial_first === 'contact';
  const caller = contactFirst ? { route: extension, name: doc.outbound_callee_id_name ?? extension } : { route: contact, name };
  const callee = contactFirst ? { route: contact, name } : { route: extension, name: doc.outbound_callee_id_name ?? extension };
  return compact({
    application_name: 'transfer',
    application_data: { route: caller.route },
    call_id: callId,
    msg_id: newId().slice(0, 16),
    endpoints: [{ invite_format: 'loopback', route: callee.route, to_did: callee.route, to_realm: realm }],
    timeout: typeof doc.timeout === 'number' ? doc.timeout : 30,
    ignore_early_media: !(isObject(doc.media) && doc.media.ignore_early_media === false),
    outbound_callee_id_name: callee.name,
    outbound_callee_id_number: doc.outbound_callee_id_number ?? extension,
    outbound_caller_id_name: caller.name,
    outbound_caller_id_number: callerNumber,
    outbound_call_id: callId,
    dial_endpoint_method: 'single',
    continue_on_fail: true,
    custom_channel_vars: {
      account_id: accountId,
      authorizing_id: doc._id,
      authorizing_type: 'clicktocall',
      request_uri: `${callerNumber}@${realm}`,
    },
  });
}

/** `GET …/clicktocall/{C2C_ID}/history`: the calls placed through the endpoint, newest first. */
function history(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  engine.docs.load(accountId, C2C, id);
  return listDocs(engine, req, accountId, C2C_HISTORY, id);
}

/** `cb_clicktocall`: the endpoints, their `connect` action and their call history. */
export const clicktocallModule = defineModule({
  name: 'clicktocall',
  documents: [C2C],
  routes: [
    // Public: an endpoint with `auth_required: false` takes anonymous calls; the handler checks.
    route(
      'accounts/:account/clicktocall/:id/connect',
      ['GET', 'POST'],
      ({ engine, req, accountId, params }) => connect(engine, req, accountId, params.id),
      { public: true },
    ),
    route('accounts/:account/clicktocall/:id/history', ['GET'], ({ engine, req, accountId, params }) =>
      history(engine, req, accountId, params.id),
    ),
  ],
});
