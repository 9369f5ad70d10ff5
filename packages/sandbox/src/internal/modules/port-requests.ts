import { PortRequestScheduleSchema, PortRequestSchema } from '@audian/resources/schemas';
import { treeOf } from '../accounts-def';
import { decodeUpload, isBinaryUpload } from '../binary-body';
import { GREGORIAN_OFFSET } from '../clock';
import { validateBeforeLoad } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, type FieldErrors, forbidden, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import { textPdf } from '../pdf';
import type { ResourceDef } from '../resource-def';
import { defineModule, type RouteContext, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { zonedClock } from '../time-zone';
import { validateDocument } from '../validation';
import { PHONE_NUMBERS } from './phone-numbers';

type State = 'unconfirmed' | 'submitted' | 'pending' | 'scheduled' | 'completed' | 'rejected' | 'canceled';

const STATES: readonly State[] = ['unconfirmed', 'submitted', 'pending', 'scheduled', 'completed', 'rejected', 'canceled'];
/** `knm_port_request.hrl`'s groups of states, as `by_types` names them. */
const GROUPS: Readonly<Record<string, readonly State[]>> = {
  active: ['unconfirmed', 'submitted', 'pending', 'scheduled', 'rejected'],
  all: STATES,
  progressing: ['submitted', 'pending', 'scheduled'],
  suspended: ['unconfirmed', 'rejected'],
  completed: ['completed', 'canceled'],
};
/**
 * The states each state may be reached from (`knm_port_request:transition_to_<state>/2`; `scheduled`
 * from `pending` only, as with `allow_port_transition_from_submitted_to_scheduled` at its default).
 */
const FROM: Readonly<Record<Exclude<State, 'unconfirmed'>, readonly State[]>> = {
  submitted: ['unconfirmed', 'rejected'],
  pending: ['submitted'],
  scheduled: ['pending'],
  completed: ['pending', 'scheduled', 'rejected'],
  rejected: ['submitted', 'pending', 'scheduled'],
  canceled: ['unconfirmed', 'submitted', 'pending', 'scheduled', 'rejected'],
};
/** `cb_port_requests:is_deletable/2` and `can_update_port_request/2`: states a port may be edited or deleted in. */
const DELETABLE: readonly State[] = ['unconfirmed', 'rejected', 'canceled'];
const UPDATABLE: readonly State[] = ['unconfirmed', 'rejected'];
/** `knm_port_request:public_fields/0`: never stored from a request. */
const PUBLIC_FIELDS = ['id', 'created', 'updated', 'uploads', 'port_state', 'sent', '_read_only', 'reason'];
const ATTACHMENT_TYPES = /^(application\/(pdf|x-pdf|octet-stream)|text\/plain)$/;

/** Port requests live in KAZOO's global `port_requests` database; here each is stored under its account. */
export const PORT_REQUESTS: ResourceDef = {
  name: 'port_requests',
  type: 'port_request',
  schema: PortRequestSchema,
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET', 'POST', 'PATCH', 'DELETE'],
  // `cb_port_requests:update/2` validates before it loads; a PATCH goes through
  // `crossbar_doc:patch_and_validate/3`.
  validatesBeforeLoad: ['POST', 'PATCH'],
  summary: (doc) => portView(doc),
  sortKey: (doc) => Number(doc.pvt_created ?? 0),
  prepare(doc) {
    for (const key of PUBLIC_FIELDS) delete doc[key];
    return undefined;
  },
};

const stateOf = (doc: JsonObject): State => (STATES.includes(doc.pvt_port_state as State) ? (doc.pvt_port_state as State) : 'unconfirmed');

/** `knm_port_request:public_fields/1`: the document plus its state, dates, uploads and read-only facts. */
function portView(body: JsonObject): JsonObject {
  const out = publicDoc(body);
  const readOnly: JsonObject = {};
  for (const [key, field] of [
    ['account_id', 'pvt_account_id'],
    ['account_name', 'pvt_account_name'],
    ['port_authority', 'pvt_port_authority'],
    ['port_authority_name', 'pvt_port_authority_name'],
    ['ported_numbers', 'pvt_ported_numbers'],
  ] as const) {
    if (body[field] !== undefined) readOnly[key] = body[field];
  }
  return {
    ...out,
    created: body.pvt_created,
    updated: body.pvt_modified,
    uploads: { ...(body._attachments as JsonObject | undefined) },
    port_state: stateOf(body),
    sent: body.pvt_sent === true,
    ...(Object.keys(readOnly).length ? { _read_only: readOnly } : {}),
  };
}

/** The account's own whitelabel `port.authority` (the first one of a list). */
function whitelabelAuthority(engine: Engine, accountId: string): string | undefined {
  const doc = engine.store.get(accountId, 'whitelabel');
  if (!doc || doc.deleted) return undefined;
  const authority = (doc.body.port as JsonObject | undefined)?.authority;
  const first = Array.isArray(authority) ? authority[0] : authority;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/**
 * `kzd_port_requests:find_port_authority/1`: the nearest account, from this one up, whose
 * whitelabel names a port authority; the top account (KAZOO's master) otherwise.
 */
export function portAuthorityOf(engine: Engine, accountId: string): string {
  const account = engine.account(accountId);
  const tree = account ? treeOf(account.body) : [];
  for (const id of [accountId, ...[...tree].reverse()]) {
    const authority = whitelabelAuthority(engine, id);
    if (authority) return authority;
  }
  return tree[0] ?? accountId;
}

/** Whether the request's login manages the port requests of `accountId`. */
function isAuthorityFor(engine: Engine, req: SandboxRequest, accountId: string): boolean {
  return req.auth !== undefined && req.auth.accountId === portAuthorityOf(engine, accountId);
}

const accountName = (engine: Engine, id: string): string => String(engine.account(id)?.body.name ?? 'unknown');

function loadPort(engine: Engine, accountId: string, id: string): StoredDoc {
  return engine.docs.load(accountId, PORT_REQUESTS, id);
}

function portReply(req: SandboxRequest, engine: Engine, doc: StoredDoc, status = 200): Reply {
  const rev = String(doc.body._rev ?? 'undefined');
  const data = filterComments(engine, req, portView(doc.body));
  return { status, data, envelope: { revision: rev }, headers: { etag: `"${rev}"` } };
}

/** `cb_port_requests:filter_private_comments/2`: private comments only for the port authority. */
function filterComments(engine: Engine, req: SandboxRequest, view: JsonObject): JsonObject {
  const comments = view.comments;
  if (!Array.isArray(comments)) return view;
  const authority = req.auth?.accountId === (view._read_only as JsonObject | undefined)?.port_authority;
  if (authority || isAuthorityFor(engine, req, String((view._read_only as JsonObject | undefined)?.account_id ?? ''))) return view;
  return { ...view, comments: comments.filter((c) => !(isObject(c) && c.is_private === true)) };
}

/**
 * `cb_port_requests:check_number_portability/3`: a number may not be in service on the system,
 * nor on another active port request.
 */
function portabilityErrors(engine: Engine, accountId: string, portId: string | undefined, numbers: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  const active = engine.store.allOfType('port_request').filter((d) => GROUPS.active?.includes(stateOf(d.body)));
  for (const number of numbers) {
    const e164 = toE164(number);
    const holders = active.filter((d) => isObject(d.body.numbers) && Object.keys(d.body.numbers).map(toE164).includes(e164));
    let message: string | undefined;
    if (holders.length > 1) message = 'Number is currently on multiple port requests. Contact a system admin to rectify';
    else if (holders.length === 1) {
      const holder = holders[0] as StoredDoc;
      if (holder.accountId !== accountId) message = 'Number is being ported for a different account';
      else if (holder.id !== portId) message = `Number is on a port request already: ${holder.id}`;
    } else if (engine.store.claimant({ scope: '', kind: 'phone_number', value: e164 })) {
      message = 'Number exists on the system already';
    }
    if (message) errors[number] = { type: { message, cause: number } };
  }
  return errors;
}

/** `knm_port_request:normalize_numbers/1`: number keys become E.164. */
function normalizeNumbers(doc: JsonObject): void {
  if (!isObject(doc.numbers)) return;
  const out: JsonObject = {};
  for (const [number, meta] of Object.entries(doc.numbers)) out[toE164(number)] = meta;
  doc.numbers = out;
}

/** The user behind the request's login, as comments and transitions name it. */
function requester(engine: Engine, req: SandboxRequest): { accountId: string; user?: JsonObject } {
  const auth = req.auth;
  if (!auth) return { accountId: '' };
  const user = auth.ownerId ? engine.store.get(auth.accountId, auth.ownerId)?.body : undefined;
  return { accountId: auth.accountId, user };
}

const fullName = (user: JsonObject | undefined): string | undefined =>
  user ? [user.first_name, user.last_name].filter((p) => typeof p === 'string' && p !== '').join(' ') || undefined : undefined;

/**
 * `cb_port_requests:validate_comments/3` and `add_commentors_info/2`: new comments (those after the
 * stored ones) may be private or ask for action only from the port authority; each gets its
 * author's account, user and name.
 */
function checkNewComments(
  engine: Engine,
  req: SandboxRequest,
  portAccountId: string,
  stored: unknown,
  incoming: unknown,
): unknown[] | undefined {
  if (!Array.isArray(incoming)) return undefined;
  const old = Array.isArray(stored) ? stored : [];
  const last = old.reduce((max: number, c) => Math.max(max, isObject(c) ? Number(c.timestamp ?? 0) : 0), 0);
  const fresh = incoming.filter((c) => isObject(c) && (old.length === 0 || Number(c.timestamp ?? 0) > last)) as JsonObject[];
  const authority = isAuthorityFor(engine, req, portAccountId);
  if (!authority && fresh.some((c) => c.is_private === true || c.action_required === true || c.superduper_comment === true)) {
    throw new CrossbarError(403, 'forbidden', {
      comments: { forbidden: { message: "you're not allowed to make private comment or set action_required", cause: 'comments' } },
      message: 'forbidden',
    });
  }
  if (authority && fresh.some((c) => c.is_private === true && c.action_required === true)) {
    throw validationError({
      comments: { rejected: { message: 'setting action_required on private comment is not allowed', cause: 'comments' } },
    });
  }
  const who = requester(engine, req);
  const now = engine.clock.gregorian();
  const added = fresh.map((c) => {
    const { superduper_comment: _legacy, ...rest } = c;
    return {
      ...rest,
      timestamp: Number(c.timestamp ?? now),
      is_private: c.is_private === true,
      account_id: who.accountId,
      ...(who.user ? { user_id: who.user._id, author: fullName(who.user) ?? c.author } : {}),
    };
  });
  return [...old, ...added].sort((a, b) => Number((a as JsonObject).timestamp ?? 0) - Number((b as JsonObject).timestamp ?? 0));
}

/** `PUT …/port_requests`: validated, numbers checked, stored `unconfirmed` with its first transition. */
function createPort(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const data = isObject(req.data) ? { ...req.data } : req.data;
  const checked = engine.docs.validate(PORT_REQUESTS, accountId, data, undefined);
  normalizeNumbers(checked);
  const errors = portabilityErrors(engine, accountId, undefined, Object.keys((checked.numbers as JsonObject) ?? {}));
  if (Object.keys(errors).length) throw validationError(errors);
  const comments = checkNewComments(engine, req, accountId, [], checked.comments);
  const authority = portAuthorityOf(engine, accountId);
  const doc = engine.docs.create(
    PORT_REQUESTS,
    accountId,
    { ...checked, ...(comments ? { comments } : {}) },
    {
      private: {
        pvt_port_state: 'unconfirmed',
        pvt_transitions: [transitionEntry(engine, req, undefined, 'unconfirmed', undefined)],
        pvt_account_name: accountName(engine, accountId),
        pvt_port_authority: authority,
        pvt_port_authority_name: accountName(engine, authority),
        pvt_tree: treeOf(engine.account(accountId)?.body ?? {}),
      },
    },
  );
  return portReply(req, engine, doc, 201);
}

/**
 * A `POST` or `PATCH` on an id that names no port request: `cb_port_requests:update/2` validates
 * the request before `on_successful_validation/2` loads it, and a `PATCH`'s
 * `crossbar_doc:patch_and_validate/3` still validates the request alone after its failed load, so
 * an invalid body is 400. A valid `POST`'s numbers are still checked for portability on top of the
 * failed load (`on_successful_validation/3` → `check_number_portability/3`); otherwise the 404 stands.
 */
function checkMissingPort(engine: Engine, req: SandboxRequest, accountId: string, id: string): void {
  const checked = validateBeforeLoad(engine, req, accountId, PORT_REQUESTS, id);
  if (checked === undefined || req.method !== 'POST') return;
  normalizeNumbers(checked);
  const errors = portabilityErrors(engine, accountId, id, Object.keys((checked.numbers as JsonObject) ?? {}));
  if (Object.keys(errors).length) throw validationError(errors);
}

/** `POST`/`PATCH …/port_requests/{id}`. */
function updatePort(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  checkMissingPort(engine, req, accountId, id);
  const existing = loadPort(engine, accountId, id);
  const state = stateOf(existing.body);
  const merged = req.method === 'PATCH' && isObject(req.data) ? deepMerge(publicDoc(existing.body), stripReserved(req.data)) : req.data;
  if (isObject(merged)) delete merged.id;
  const checked = engine.docs.validate(PORT_REQUESTS, accountId, merged, existing);
  // `cb_port_requests:on_successful_validation/3`: POST only while unconfirmed or rejected (PATCH skips it).
  if (req.method === 'POST' && !UPDATABLE.includes(state)) {
    throw validationError({ [state]: { type: { message: 'Updating port requests not allowed in current port state', cause: state } } });
  }
  normalizeNumbers(checked);
  if (req.method === 'POST') {
    const errors = portabilityErrors(engine, accountId, id, Object.keys((checked.numbers as JsonObject) ?? {}));
    if (Object.keys(errors).length) throw validationError(errors);
  }
  const comments = checkNewComments(engine, req, accountId, existing.body.comments, checked.comments);
  if (comments) checked.comments = comments;
  return portReply(req, engine, engine.docs.save(PORT_REQUESTS, existing, checked));
}

function deletePort(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const existing = loadPort(engine, accountId, id);
  if (!DELETABLE.includes(stateOf(existing.body))) throw notModifiable();
  engine.docs.remove(PORT_REQUESTS, accountId, id);
  return { data: { ...filterComments(engine, req, portView(existing.body)), _read_only: { deleted: true } } };
}

/** `cb_port_requests:is_deletable/2`'s refusal (`add_system_error('invalid_method', …)` answers "invalid method"). */
const notModifiable = () => new CrossbarError(405, 'invalid_method', { message: 'invalid method' });

/** `knm_port_request:transition_metadata_jobj/3`. */
function transitionEntry(engine: Engine, req: SandboxRequest, from: State | undefined, to: State, reason: string | undefined): JsonObject {
  const who = requester(engine, req);
  const user = who.user
    ? { id: who.user._id, first_name: who.user.first_name, last_name: who.user.last_name, full_name: fullName(who.user) }
    : undefined;
  return JSON.parse(
    JSON.stringify({
      timestamp: engine.clock.gregorian(),
      type: 'transition',
      reason,
      transition: { new: to, previous: from },
      authorization: { reason, account: { id: who.accountId, name: accountName(engine, who.accountId) }, user },
    }),
  ) as JsonObject;
}

/** `YYYY-MM-DD HH:MM` in `timeZone` → Gregorian seconds (`cb_port_requests:date_as_configured_timezone/2`). */
function scheduledDate(dateTime: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(dateTime);
  if (!m) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The zone's offset at that moment: read the UTC instant on the zone's clock and compare.
  const parts = zonedClock(asUtc, timeZone);
  if (!parts) return undefined;
  const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return Math.floor((asUtc - (shown - asUtc)) / 1000) + GREGORIAN_OFFSET;
}

/**
 * `PATCH …/port_requests/{id}/{state}` (`cb_port_requests:patch_then_validate_then_maybe_transition/3`
 * and `knm_port_request:attempt_transition/3`): the request data is merged and validated, then
 * the move is checked against who may make it and the state machine.
 */
function transition(engine: Engine, req: SandboxRequest, accountId: string, id: string, to: Exclude<State, 'unconfirmed'>): Reply {
  const existing = loadPort(engine, accountId, id);
  const data = isObject(req.data) ? stripReserved(req.data) : {};
  const reason =
    typeof data.reason === 'string' && data.reason !== ''
      ? data.reason
      : typeof req.query.reason === 'string'
        ? req.query.reason
        : undefined;
  const merged = deepMerge(publicDoc(existing.body), data);
  delete merged.id;
  const checked = engine.docs.validate(PORT_REQUESTS, accountId, merged, existing);
  const comments = checkNewComments(engine, req, accountId, existing.body.comments, checked.comments);
  if (comments) checked.comments = comments;
  const from = stateOf(existing.body);
  const auth = req.auth?.accountId;
  const authority = String(existing.body.pvt_port_authority ?? portAuthorityOf(engine, accountId));
  const allowed =
    to === 'submitted' ||
    auth === authority ||
    (to === 'canceled' &&
      from === 'unconfirmed' &&
      auth !== undefined &&
      [accountId, ...treeOf(engine.account(accountId)?.body ?? {})].includes(auth));
  if (!allowed) {
    throw validationError({
      port_state: {
        enum: { message: "you're not allowed to change to new state from current state, please contact your port authority", cause: to },
      },
    });
  }
  if (!FROM[to].includes(from))
    throw validationError({ port_state: { enum: { message: 'Cannot move to new state from current state', cause: to } } });
  if (to === 'scheduled') {
    const schedule = isObject(checked.schedule_on) ? validateDocument(PortRequestScheduleSchema, checked.schedule_on) : undefined;
    if (!schedule?.ok) throw validationError({ schedule_on: { required: { message: 'Field is required but missing' } } });
    const timezone = String(
      (checked.schedule_on as JsonObject).timezone ?? engine.account(accountId)?.body.timezone ?? 'America/Los_Angeles',
    );
    const date = scheduledDate(String((checked.schedule_on as JsonObject).date_time), timezone);
    if (date === undefined) throw validationError({ 'schedule_on.timezone': { enum: { message: 'Unknown timezone', cause: timezone } } });
    checked.scheduled_date = date;
  }
  checked.pvt_port_state = to;
  checked.pvt_transitions = [transitionEntry(engine, req, from, to, reason), ...((existing.body.pvt_transitions as unknown[]) ?? [])];
  if (to === 'completed') portIn(engine, accountId, id, checked);
  return portReply(req, engine, engine.docs.save(PORT_REQUESTS, existing, checked));
}

/**
 * `knm_port_request:transition_numbers/1` and `clear_numbers_from_port/1`: the numbers become the
 * account's, `in_service` and `ported_in`, and move from `numbers` to `_read_only.ported_numbers`.
 * A number that is another account's fails the transition.
 */
function portIn(engine: Engine, accountId: string, portId: string, doc: JsonObject): void {
  const numbers = isObject(doc.numbers) ? doc.numbers : {};
  for (const number of Object.keys(numbers)) {
    const holder = engine.store.claimant({ scope: '', kind: 'phone_number', value: number });
    const held = holder ? engine.store.get(holder.accountId, number) : undefined;
    if (held && !held.deleted) {
      if (held.accountId === accountId) continue;
      throw new CrossbarError(500, 'transition_errors', { message: `number ${number} belongs to another account` });
    }
  }
  for (const number of Object.keys(numbers)) {
    const held = engine.store.get(accountId, number);
    if (held && !held.deleted) continue;
    engine.docs.create(
      PHONE_NUMBERS,
      accountId,
      { port_id: portId },
      {
        id: number,
        private: {
          pvt_state: 'in_service',
          pvt_assigned_to: accountId,
          pvt_features: ['local'],
          pvt_module_name: 'knm_local',
          pvt_ported_in: true,
        },
      },
    );
  }
  doc.pvt_ported_numbers = numbers;
  doc.numbers = {};
}

/** `cb_port_requests:prepare_timeline/2`: comments (filtered) and transitions, oldest first. */
function timelineOf(engine: Engine, req: SandboxRequest, body: JsonObject): JsonObject[] {
  const view = filterComments(engine, req, portView(body));
  const comments = Array.isArray(view.comments) ? (view.comments as JsonObject[]) : [];
  // Stored newest first; oldest first here keeps moves made within one second in order.
  const transitions = Array.isArray(body.pvt_transitions) ? [...(body.pvt_transitions as JsonObject[])].reverse() : [];
  return [...comments, ...transitions].sort((a, b) => Number(a.timestamp ?? 0) - Number(b.timestamp ?? 0));
}

/** The states a `by_types` value names, or the 500 `invalid_request` `cb_port_requests:summarize_by_types/2` answers. */
function statesOf(req: SandboxRequest): readonly State[] {
  const raw = req.query.by_types ?? (isObject(req.data) && typeof req.data.by_types === 'string' ? req.data.by_types : undefined);
  if (raw === undefined) return GROUPS.active as State[];
  const group = GROUPS[raw];
  if (group) return group;
  const types = raw.split(',').map((t) => t.trim());
  const bad = types.filter((t) => !STATES.includes(t as State));
  if (bad.length)
    throw new CrossbarError(500, 'invalid_request', { message: `query string by_types contained invalid values: ${bad.join(', ')}` });
  return types as State[];
}

/** `normalize_type_summarize_results/1`: port requests grouped by account, each with its `account_id`. */
function grouped(engine: Engine, req: SandboxRequest, docs: readonly StoredDoc[]): Reply {
  const byAccount = new Map<string, JsonObject[]>();
  const sorted = [...docs].sort((a, b) => Number(a.body.pvt_created ?? 0) - Number(b.body.pvt_created ?? 0));
  for (const doc of sorted) {
    const list = byAccount.get(doc.accountId) ?? [];
    list.push({ ...filterComments(engine, req, portView(doc.body)), account_id: doc.accountId });
    byAccount.set(doc.accountId, list);
  }
  const data = [...byAccount].map(([account_id, port_requests]) => ({
    account_id,
    account_name: accountName(engine, account_id),
    port_requests,
  }));
  return { data, envelope: { revision: 'automatic' } };
}

/** A listing: by number (in the account and below) or by state, for one account, its descendants, or the authority's ports. */
function listPorts(engine: Engine, req: SandboxRequest, scope: 'account' | 'descendants' | 'agent', accountId: string): Reply {
  const all = engine.store.allOfType('port_request');
  const number = req.query.by_number;
  if (number !== undefined) {
    const e164 = toE164(number);
    const root = accountId || (req.auth?.accountId ?? '');
    const hits = all.filter(
      (d) =>
        isObject(d.body.numbers) &&
        Object.keys(d.body.numbers).map(toE164).includes(e164) &&
        (d.accountId === root || treeOf(d.body).includes(root)),
    );
    return {
      data: hits.map((d) => ({ ...filterComments(engine, req, portView(d.body)), account_id: d.accountId })),
      envelope: { revision: 'automatic' },
    };
  }
  const states = statesOf(req);
  const inScope = all.filter((d) => {
    if (!states.includes(stateOf(d.body))) return false;
    if (scope === 'account') return d.accountId === accountId;
    if (scope === 'descendants') return d.accountId !== accountId && treeOf(d.body).includes(accountId);
    return d.body.pvt_port_authority === accountId;
  });
  return grouped(engine, req, inScope);
}

/** `GET …/port_requests/last_submitted` (`cb_port_requests:last_submitted/1`). */
function lastSubmitted(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const data: JsonObject[] = [];
  for (const doc of engine.store.allOfType('port_request').filter((d) => d.accountId === accountId)) {
    const submitted = timelineOf(engine, req, doc.body).filter((e) => isObject(e.transition) && e.transition.new === 'submitted');
    const last = submitted.at(-1);
    if (last) data.push({ id: doc.id, transition: last });
  }
  return { data, envelope: { revision: 'automatic' } };
}

/** `knm_port_request:normalize_attachments/1`. */
const uploadsOf = (doc: StoredDoc): JsonObject => ({ ...(doc.body._attachments as JsonObject | undefined) });

/** `cb_modules_util:attachment_name/2`: a name without an extension gets its type's. */
function attachmentName(filename: string, contentType: string): string {
  if (/\.[A-Za-z0-9]+$/.test(filename)) return filename;
  const ext = contentType === 'text/plain' ? 'txt' : contentType === 'application/octet-stream' ? 'bin' : 'pdf';
  return `${filename}.${ext}`;
}

function storeAttachment(engine: Engine, req: SandboxRequest, doc: StoredDoc, name: string): Reply {
  const upload = decodeUpload(req);
  if (!ATTACHMENT_TYPES.test(upload.contentType)) {
    // Cowboy refuses a type `content_types_accepted/3` does not list with a bare 415.
    throw new CrossbarError(415, 'unsupported_media_type', { message: 'unsupported media type', cause: upload.contentType });
  }
  if (upload.data.length === 0) throw validationError({ file: { required: { message: 'Please provide a file' } } });
  engine.store.putAttachment(doc.accountId, doc.id, name, upload.contentType, upload.data);
  const attachments = { ...uploadsOf(doc), [name]: { content_type: upload.contentType, length: upload.data.length } };
  engine.docs.save(PORT_REQUESTS, doc, { ...doc.body, _attachments: attachments });
  return { data: {} };
}

function attachmentRoute(ctx: RouteContext<{ account: string; id: string; name: string }>): Reply {
  const { engine, req, accountId, params } = ctx;
  const doc = loadPort(engine, accountId, params.id);
  if (!(params.name in uploadsOf(doc))) throw badIdentifier(params.name);
  if (req.method === 'POST') return storeAttachment(engine, req, doc, params.name);
  if (req.method === 'DELETE') {
    if (!DELETABLE.includes(stateOf(doc.body))) throw notModifiable();
    engine.store.deleteAttachment(accountId, doc.id, params.name);
    const { [params.name]: _gone, ...rest } = uploadsOf(doc);
    engine.docs.save(PORT_REQUESTS, doc, { ...doc.body, _attachments: rest });
    return { data: {} };
  }
  const file = engine.store.attachment(accountId, doc.id, params.name);
  if (!file) throw badIdentifier(params.name);
  return {
    raw: { body: file.data, contentType: file.contentType },
    headers: { 'content-disposition': `attachment; filename=${params.name}` },
  };
}

/** `GET …/port_requests/{id}/loa`: KAZOO fills its LOA template; the sandbox writes the same facts on one page. */
function loa(engine: Engine, accountId: string, id: string): Reply {
  const doc = loadPort(engine, accountId, id);
  const bill = isObject(doc.body.bill) ? doc.body.bill : {};
  const lines = [
    'LETTER OF AUTHORIZATION',
    '',
    `Account: ${accountName(engine, accountId)}`,
    `Port request: ${String(doc.body.name ?? '')} (${doc.id})`,
    `Losing carrier: ${String(bill.carrier ?? '')}`,
    `Billing name: ${String(bill.name ?? '')}`,
    `Billing address: ${[bill.street_number, bill.street_address, bill.street_type, bill.locality, bill.region, bill.postal_code].filter(Boolean).join(' ')}`,
    `Billing telephone number: ${String(bill.btn ?? '')}`,
    '',
    'Numbers:',
    ...Object.keys(isObject(doc.body.numbers) ? doc.body.numbers : {}).map((n) => `  ${n}`),
    '',
    `Authorized by: ${String(doc.body.signee_name ?? '')}`,
  ];
  return {
    raw: { body: textPdf(lines), contentType: 'application/pdf' },
    headers: { 'content-disposition': `attachment; filename=loa-${doc.id}.pdf` },
  };
}

const transitionRoute = (to: Exclude<State, 'unconfirmed'>) =>
  route(`accounts/:account/port_requests/:id/${to}`, ['PATCH'], ({ engine, req, accountId, params }) =>
    transition(engine, req, accountId, params.id, to),
  );

/** `cb_port_requests`: number port-ins, their files, state machine, timeline and LOA. */
export const portRequestsModule = defineModule({
  name: 'port_requests',
  routes: [
    // `cb_port_requests:authorize/3`: the account-less listing is for port authorities, and GET only.
    route('port_requests', ['GET', 'PUT'], ({ engine, req }) => {
      const auth = req.auth?.accountId ?? '';
      if (req.method !== 'GET' || portAuthorityOf(engine, auth) !== auth) throw forbidden();
      return listPorts(engine, req, 'agent', auth);
    }),
    route('accounts/:account/descendants/port_requests', ['GET'], ({ engine, req, accountId }) =>
      listPorts(engine, req, 'descendants', accountId),
    ),
    route('accounts/:account/port_requests', ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'PUT' ? createPort(engine, req, accountId) : listPorts(engine, req, 'account', accountId),
    ),
    route('accounts/:account/port_requests/last_submitted', ['GET'], ({ engine, req, accountId }) => lastSubmitted(engine, req, accountId)),
    route('accounts/:account/port_requests/:id', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, accountId, params }) => {
      if (req.method === 'GET') return portReply(req, engine, loadPort(engine, accountId, params.id));
      if (req.method === 'DELETE') return deletePort(engine, req, accountId, params.id);
      return updatePort(engine, req, accountId, params.id);
    }),
    ...(['submitted', 'pending', 'scheduled', 'completed', 'rejected', 'canceled'] as const).map(transitionRoute),
    route(
      'accounts/:account/port_requests/:id/attachments',
      ['GET', 'PUT'],
      ({ engine, req, accountId, params }) => {
        const doc = loadPort(engine, accountId, params.id);
        if (req.method === 'GET') return { data: uploadsOf(doc), envelope: { revision: String(doc.body._rev) } };
        const upload = decodeUpload(req);
        const given = req.query.filename ?? (typeof req.headers['x-file-name'] === 'string' ? req.headers['x-file-name'] : '');
        return storeAttachment(engine, req, doc, attachmentName(given || 'uploaded_file', upload.contentType));
      },
      { binary: isBinaryUpload },
    ),
    route('accounts/:account/port_requests/:id/attachments/:name', ['GET', 'POST', 'DELETE'], attachmentRoute, { binary: isBinaryUpload }),
    route('accounts/:account/port_requests/:id/loa', ['GET'], ({ engine, accountId, params }) => loa(engine, accountId, params.id)),
    route('accounts/:account/port_requests/:id/timeline', ['GET'], ({ engine, req, accountId, params }) => ({
      data: timelineOf(engine, req, loadPort(engine, accountId, params.id).body),
      envelope: { revision: 'automatic' },
    })),
  ],
});
