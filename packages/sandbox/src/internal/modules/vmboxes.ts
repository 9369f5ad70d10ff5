import * as schemas from '@audian/resources/schemas';
import { VmMessageMetadataSchema } from '@audian/resources/schemas';
import { isBinaryUpload } from '../binary-body';
import { GREGORIAN_OFFSET } from '../clock';
import { createDoc, itemDoc } from '../collection';
import { COLLECTION_VERBS, flagsOf, ITEM_VERBS } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, type FieldErrors, notFound, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newModbId } from '../ids';
import { compact, isObject, type JsonObject, publicDoc } from '../json';
import { listFilter, pageParams, paginate, rowLimit } from '../listing';
import type { DocHookContext, ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { nextRevision, type StoredDoc } from '../store';
import { zonedClock } from '../time-zone';
import { type ZipEntry, zipArchive } from '../zip';
import { USERS } from './users';

const MAILBOX_TAKEN = 'Invalid mailbox number or already exists';

/** A mailbox as `kz_term:to_integer/1` reads it (decimal, optional sign), or undefined. */
function mailboxNumber(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string' || !/^[+-]?\d+$/.test(value)) return undefined;
  return BigInt(value).toString();
}

/** Erlang's `round/1`: halves away from zero. */
function erlangRound(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * The key `cb_vmboxes:check_uniqueness/2` looks a mailbox up by: `kz_json:get_integer_value/2`,
 * i.e. `kz_term:to_integer/1` (an integer, else a float such as `1.5` rounded) with any failure
 * swallowed by `kz_term:safe_cast/3` into `undefined`. Undefined is looked up as the key
 * `"undefined"`, which the view never emits, so such a mailbox clashes with nothing.
 */
function lookupKey(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? erlangRound(value) : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^[+-]?\d+$/.test(value)) return Number(value);
  // `binary_to_float/1` wants digits on both sides of the point.
  if (/^[+-]?\d+\.\d+(?:[eE][+-]?\d+)?$/.test(value)) {
    const float = Number(value);
    return Number.isFinite(float) ? erlangRound(float) : undefined;
  }
  return undefined;
}

/** The key `vmboxes/listing_by_mailbox` emits for a box: JavaScript's `parseInt(doc.mailbox, 10)` (NaN emits `null`). */
function viewKey(value: unknown): number | undefined {
  const key = Number.parseInt(String(value), 10);
  return Number.isNaN(key) ? undefined : key;
}

/**
 * `cb_vmboxes:check_uniqueness/3`: the boxes `listing_by_mailbox` returns for the looked-up key. The
 * look-up (`kz_term:to_integer/1`) and the view (`parseInt`) read a mailbox differently, so `1.5`
 * is looked up as 2 but listed as 1, and `12a` clashes with nothing but is listed as 12. One row
 * that is the box itself is no clash; any other row is.
 */
function mailboxTaken(mailbox: unknown, boxes: readonly StoredDoc[], selfId: string | undefined): boolean {
  const key = lookupKey(mailbox);
  return key !== undefined && boxes.some((box) => box.id !== selfId && viewKey(box.body.mailbox) === key);
}

function mailboxClash(doc: JsonObject, ctx: DocHookContext): FieldErrors | undefined {
  return mailboxTaken(doc.mailbox, ctx.live(VMBOX_TYPE), ctx.existing?.id)
    ? { mailbox: { unique: { message: MAILBOX_TAKEN } } }
    : undefined;
}

const VMBOX_TYPE = 'vmbox';

export const VMBOXES: ResourceDef = {
  name: 'vmboxes',
  type: VMBOX_TYPE,
  // `cb_vmboxes:validate_unique_vmbox/3` runs before `check_vmbox_schema/2`.
  uniqueChecked: 'beforeSchema',
  schema: schemas.VmboxesSchema,
  collectionVerbs: COLLECTION_VERBS,
  itemVerbs: ITEM_VERBS,
  // `cb_vmboxes:validate_request/2` checks the mailbox and the schema before
  // `on_successful_validation/2` loads; a PATCH's `load_vmbox/2` fails, yet
  // `crossbar_doc:patch_and_validate/3` still validates the request alone.
  validatesBeforeLoad: ['POST', 'PATCH'],
  // `messages` is completed with the live counts by the handler.
  summary: (doc) =>
    compact({ id: doc._id, name: doc.name, mailbox: doc.mailbox, owner_id: doc.owner_id, messages: 0, flags: flagsOf(doc) }),
  sortKey: (doc) => String(doc.name ?? ''),
  // Whole-number mailboxes, read alike by the look-up and the view, are claimed so that the clash is
  // reported even next to schema errors (KAZOO checks uniqueness before the schema); `0100` and
  // `100` are the same box.
  claims: (doc) => {
    const mailbox = mailboxNumber(doc.mailbox);
    return mailbox === undefined
      ? []
      : [{ kind: 'mailbox', value: mailbox, scope: 'account', error: () => ({ mailbox: { unique: { message: MAILBOX_TAKEN } } }) }];
  },
  // The other mailboxes (`1.5`, `12a`) are accepted when the schema allows them, and clash as
  // `mailboxClash` finds (next to schema errors too: `writeVmbox`).
  prepare: (doc, ctx) => mailboxClash(doc, ctx),
  view: (doc) => {
    const { messages: _legacy, ...rest } = doc;
    return rest;
  },
};

/**
 * `cb_vmboxes:maybe_migrate_notification_emails/1`: a box write whose document (a `PATCH`'s after
 * the merge) carries a non-empty `notify_email_addresses` list is answered with this `Warning`.
 * Crossbar sets the context's headers only on a success (`api_util:create_push_response/3`), not
 * on a 4xx (`api_util:default_stop/2`).
 */
const NOTIFY_EMAILS_WARNING = '214 Transformation applied: attribute notify_email_address replaced';

function withNotifyWarning(reply: Reply, doc: StoredDoc): Reply {
  const emails = doc.body.notify_email_addresses;
  if (!Array.isArray(emails) || emails.length === 0) return reply;
  return { ...reply, headers: { ...reply.headers, warning: NOTIFY_EMAILS_WARNING } };
}

/**
 * The mailbox `cb_vmboxes:check_uniqueness/2` reads: the request's (`cb_context:req_data/1`), which
 * for a `PATCH` is the stored document with the request merged in (`crossbar_doc:patch_and_validate/3`).
 */
function requestedMailbox(engine: Engine, req: SandboxRequest, accountId: string, id: string | undefined): unknown {
  if (!isObject(req.data)) return undefined;
  if (req.method !== 'PATCH' || id === undefined || 'mailbox' in req.data) return req.data.mailbox ?? undefined;
  return engine.store.get(accountId, id)?.body.mailbox;
}

/**
 * `cb_vmboxes:validate_unique_vmbox/3` checks the mailbox before the schema: a clash is recorded
 * (`cb_context:add_validation_error/4`) and the schema still runs (`check_vmbox_schema/2`), whose
 * errors `cb_context:failed_error/2` folds in with `kz_json:merge_jobjs/2`. That merge sets each
 * field's entry whole, so a schema error on `mailbox` itself replaces the `unique` one; every other
 * field's errors sit next to it in the one 400.
 */
function withMailboxClash(error: unknown, taken: boolean): unknown {
  if (!(error instanceof CrossbarError) || error.status !== 400 || error.message !== 'validation error' || !isObject(error.data)) {
    return error;
  }
  const fields = { ...(error.data as FieldErrors) };
  const { unique, ...schema } = fields.mailbox ?? {};
  if (Object.keys(schema).length > 0) fields.mailbox = schema;
  else if (taken || unique !== undefined) fields.mailbox = { unique: { message: MAILBOX_TAKEN } };
  else return error;
  return validationError(fields, error.status, error.message);
}

/** `PUT …/vmboxes`, `POST`/`PATCH …/vmboxes/{id}`: the generic writes, plus the `Warning`. */
function writeVmbox(engine: Engine, req: SandboxRequest, accountId: string, id?: string): Reply {
  let reply: Reply;
  try {
    reply = id === undefined ? createDoc(engine, req, accountId, VMBOXES) : itemDoc(engine, req, accountId, VMBOXES, id);
  } catch (error) {
    // The generic engine skips `prepare` once the schema fails; the mailbox is checked regardless.
    const boxes = engine.store.children(accountId, VMBOX_TYPE, '');
    throw withMailboxClash(error, mailboxTaken(requestedMailbox(engine, req, accountId, id), boxes, id));
  }
  const saved = engine.store.get(accountId, id ?? String((reply.data as JsonObject).id));
  return saved ? withNotifyWarning(reply, saved) : reply;
}

/** Voicemail messages: one document per message under its box, keyed by timestamp; audio as an attachment. */
export const MESSAGES: ResourceDef = {
  name: 'messages',
  type: 'mailbox_message',
  schema: VmMessageMetadataSchema,
  collectionVerbs: ['GET', 'PUT', 'POST', 'DELETE'],
  itemVerbs: ['GET', 'POST', 'DELETE'],
  summary: (doc) => messageSummary(doc),
  sortKey: (doc) => Number(doc.timestamp ?? doc.pvt_created ?? 0),
};

function messageView(body: JsonObject): JsonObject {
  const out = publicDoc(body);
  delete out.id;
  out.media_id = body._id;
  return out;
}

/** The `mailbox_messages/listing_by_mailbox` view's value. */
function messageSummary(body: JsonObject): JsonObject {
  const transcription = isObject(body.transcription) ? body.transcription : undefined;
  return compact({
    timestamp: body.timestamp,
    from: body.from,
    to: body.to,
    caller_id_number: body.caller_id_number,
    caller_id_name: body.caller_id_name,
    call_id: body.call_id,
    folder: body.folder,
    length: body.length,
    media_id: body._id,
    transcribed: transcription ? transcription.result === 'success' : undefined,
  });
}

function messageReply(body: JsonObject, status = 200): Reply {
  return { status, data: messageView(body), envelope: { revision: String(body._rev ?? 'undefined') } };
}

/** Message counts per box and folder (the vmbox listing's `messages` and `folders`). */
function counts(engine: Engine, accountId: string, boxId: string): { new: number; saved: number } {
  const out = { new: 0, saved: 0 };
  for (const m of engine.store.children(accountId, MESSAGES.type, boxId)) {
    if (m.body.folder === 'saved') out.saved++;
    else if (m.body.folder !== 'deleted') out.new++;
  }
  return out;
}

/** `GET …/vmboxes`: the listing with live message counts. */
function listVmboxes(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const params = pageParams(req);
  const filter = listFilter(req);
  const rows = engine.store.rows(accountId, VMBOXES.type, '', params.direction, params.from, rowLimit(params, filter));
  const page = paginate(rows, params, filter, (doc) => VMBOXES.summary(doc));
  const data = (page.items as JsonObject[]).map((summary) => {
    const c = counts(engine, accountId, String(summary.id));
    if (c.new + c.saved === 0) return summary;
    return { ...summary, messages: c.new + c.saved, folders: { new: c.new, saved: c.saved } };
  });
  return { data, envelope: { ...page.envelope, revision: 'automatic' } };
}

/** `GET …/vmboxes/messages`: every message of the account as `[{ "<box id>": message }]`. */
function listAccountMessages(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const params = pageParams(req);
  const filter = listFilter(req);
  const rows = engine.store
    .allOfType(MESSAGES.type)
    .filter((m) => m.accountId === accountId)
    .map((m) => ({ sortKey: MESSAGES.sortKey(m.body), id: m.id, doc: m.body }));
  const sign = params.direction === 'ascending' ? 1 : -1;
  rows.sort((a, b) => sign * (Number(a.sortKey) - Number(b.sortKey) || (a.id < b.id ? -1 : 1)));
  const listRows = rows.map((r) => ({ id: r.id, sortKey: r.sortKey, doc: () => r.doc }));
  const page = paginate(listRows, params, filter, (doc) => ({ [String(doc.pvt_parent_id)]: messageSummary(doc) }));
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

function messageIds(req: SandboxRequest): string[] | undefined {
  const data = isObject(req.data) ? req.data : {};
  return Array.isArray(data.messages) ? data.messages.filter((m): m is string => typeof m === 'string') : undefined;
}

/** `/vmboxes/{VM_BOX_ID}/messages[/{VM_MSG_ID}[/raw]]`. */
function messages(engine: Engine, req: SandboxRequest, accountId: string, boxId: string, msgId?: string, raw?: boolean): Reply {
  engine.docs.load(accountId, VMBOXES, boxId);
  if (msgId === undefined) return collection(engine, req, accountId, boxId);
  const message = engine.docs.load(accountId, MESSAGES, msgId, boxId);
  if (raw) {
    if (req.method === 'GET') {
      const audio = engine.store.attachment(accountId, msgId, 'audio');
      if (!audio) throw badIdentifier(msgId);
      return { raw: { body: audio.data, contentType: audio.contentType } };
    }
    engine.store.putAttachment(accountId, msgId, 'audio', req.contentType, req.body);
    return messageReply(engine.docs.save(MESSAGES, message, { ...message.body, pvt_media_type: req.contentType }).body);
  }
  if (req.method === 'GET') return messageReply(message.body);
  if (req.method === 'DELETE') return messageReply(engine.docs.remove(MESSAGES, accountId, msgId, boxId).body);
  const changes = isObject(req.data) ? req.data : {};
  if (Array.isArray(changes.source_id) || changes.source_id === '') {
    const targets = targetBoxes(engine, accountId, changes.source_id);
    return bulkReply(copyToVmboxes(engine, accountId, [msgId], boxId, targets));
  }
  if (typeof changes.source_id === 'string' && changes.source_id !== boxId) {
    // moving to another box: the message keeps its id and metadata
    engine.docs.load(accountId, VMBOXES, changes.source_id);
    const moved: JsonObject = { ...message.body, pvt_parent_id: changes.source_id, pvt_modified: engine.clock.gregorian() };
    moved._rev = nextRevision(message.body._rev, moved);
    engine.store.update({ accountId, id: msgId, parentId: changes.source_id, sortKey: MESSAGES.sortKey(moved), body: moved });
    return messageReply(engine.docs.load(accountId, MESSAGES, msgId, changes.source_id).body);
  }
  const next = {
    ...message.body,
    ...Object.fromEntries(
      Object.entries(changes).filter(
        ([k]) => k !== 'id' && k !== 'media_id' && k !== 'source_id' && !k.startsWith('pvt_') && !k.startsWith('_'),
      ),
    ),
  };
  const checked = VmMessageMetadataSchema.safeParse(publicDoc(next));
  if (!checked.success)
    throw validationError({
      folder: {
        enum: { message: 'Value not found in enumerated list of values', target: ['new', 'saved', 'deleted'], value: changes.folder },
      },
    });
  return messageReply(engine.docs.save(MESSAGES, message, next).body);
}

function collection(engine: Engine, req: SandboxRequest, accountId: string, boxId: string): Reply {
  if (req.method === 'GET') {
    const params = pageParams(req);
    const filter = listFilter(req);
    const rows = engine.store.rows(accountId, MESSAGES.type, boxId, params.direction, params.from, rowLimit(params, filter));
    const page = paginate(rows, params, filter, messageSummary);
    return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
  }
  if (req.method === 'PUT') {
    const now = engine.clock.gregorian();
    const data = isObject(req.data) ? { folder: 'new', timestamp: now, length: 0, ...req.data } : req.data;
    const id = newModbId(engine.clock.unix());
    const doc = engine.docs.create(MESSAGES, accountId, data, { id, parentId: boxId, private: { pvt_parent_id: boxId } });
    return messageReply(doc.body, 201);
  }
  // POST moves the listed messages to a folder. DELETE removes the listed messages, or those of a
  // folder (`folder` in the data or the query; `all` by default).
  const folder = isObject(req.data) && req.data.folder !== undefined ? req.data.folder : req.query.folder;
  let ids = messageIds(req);
  if (req.method === 'POST') {
    if (!ids || ids.length === 0) throw validationError({ messages: { required: { message: 'No array of message ids are specified' } } });
    const sourceId = isObject(req.data) ? req.data.source_id : undefined;
    if (sourceId !== undefined) {
      const targets = targetBoxes(engine, accountId, sourceId);
      if (Array.isArray(sourceId)) return bulkReply(copyToVmboxes(engine, accountId, ids, boxId, targets));
      return bulkReply(moveToVmbox(engine, accountId, ids, boxId, targets[0] as StoredDoc));
    }
    if (folder !== 'new' && folder !== 'saved' && folder !== 'deleted') {
      throw validationError({
        folder: { enum: { message: 'Value not found in enumerated list of values', target: ['new', 'saved', 'deleted'], value: folder } },
      });
    }
  }
  ids ??= engine.store
    .children(accountId, MESSAGES.type, boxId)
    .filter((m) => folder === undefined || folder === 'all' || m.body.folder === folder)
    .map((m) => m.id);
  const succeeded: string[] = [];
  const failed: JsonObject[] = [];
  for (const id of ids) {
    const message = engine.store.get(accountId, id);
    if (!message || message.deleted || message.type !== MESSAGES.type || message.parentId !== boxId) {
      failed.push({ [id]: 'not_found' });
      continue;
    }
    if (req.method === 'DELETE') engine.docs.remove(MESSAGES, accountId, id, boxId);
    else engine.docs.save(MESSAGES, message, { ...message.body, folder });
    succeeded.push(id);
  }
  return { data: { succeeded, failed }, envelope: { revision: 'automatic' } };
}

const EMPTY_SOURCE = 'empty source_id is specified. please set a single or a list of source_ids.';

/**
 * The boxes named by `source_id`, each loaded (404 for a missing one), as
 * `cb_vmboxes:maybe_load_vmboxes/2` does before anything is moved or copied.
 */
function targetBoxes(engine: Engine, accountId: string, sourceId: unknown): StoredDoc[] {
  const ids = Array.isArray(sourceId) ? sourceId : [sourceId];
  if (ids.length === 0 || ids.some((id) => id === '')) throw validationError({ source_id: { required: { message: EMPTY_SOURCE } } });
  return ids.filter((id): id is string => typeof id === 'string').map((id) => engine.docs.load(accountId, VMBOXES, id));
}

type BulkResult = { succeeded: string[]; failed: JsonObject };

/** `kvm_messages:bulk_result/1`: both lists are prepended to as work goes, and empty ones are left out. */
function bulkReply(result: BulkResult): Reply {
  const data: JsonObject = {};
  if (result.succeeded.length > 0) data.succeeded = [...result.succeeded].reverse();
  if (Object.keys(result.failed).length > 0) data.failed = result.failed;
  return { data, envelope: { revision: 'automatic' } };
}

/** The box's mailbox number at the account's realm: `kzd_box_message:change_to_sip_field/3`. */
function boxAddress(engine: Engine, accountId: string, box: StoredDoc): string {
  return `${String(box.body.mailbox ?? '')}@${String(engine.account(accountId)?.body.realm ?? '')}`;
}

/**
 * The changes `kvm_util:get_change_vmbox_funs/5` makes when a message enters another box: it is
 * filed there as `new`, addressed to that box, stamped now, and remembers the box it came from.
 */
function enterBox(engine: Engine, accountId: string, body: JsonObject, fromBoxId: string, box: StoredDoc, id: string): JsonObject {
  const history = Array.isArray(body.history) ? body.history : [];
  return {
    ...body,
    _id: id,
    pvt_parent_id: box.id,
    folder: 'new',
    to: boxAddress(engine, accountId, box),
    timestamp: engine.clock.gregorian(),
    history: [...history, fromBoxId],
    pvt_modified: engine.clock.gregorian(),
  };
}

function sourceMessage(engine: Engine, accountId: string, id: string, boxId: string): StoredDoc | undefined {
  const message = engine.store.get(accountId, id);
  return message && !message.deleted && message.type === MESSAGES.type && message.parentId === boxId ? message : undefined;
}

/**
 * The walk `kvm_messages`' bulk actions share: each id found in the box is handed to `act`, and the
 * ids it answers count as succeeded; one the box does not hold fails `not_found`.
 */
function eachMessage(
  engine: Engine,
  accountId: string,
  ids: readonly string[],
  fromBoxId: string,
  act: (message: StoredDoc, id: string) => readonly string[],
): BulkResult {
  const result: BulkResult = { succeeded: [], failed: {} };
  for (const id of ids) {
    const message = sourceMessage(engine, accountId, id, fromBoxId);
    if (message) result.succeeded.push(...act(message, id));
    else result.failed[id] = 'not_found';
  }
  return result;
}

/**
 * `kvm_messages:copy_to_vmboxes/5`: each message is copied into every box, as a new document
 * (new MODB id, audio included); the original stays where it was.
 */
function copyToVmboxes(
  engine: Engine,
  accountId: string,
  ids: readonly string[],
  fromBoxId: string,
  boxes: readonly StoredDoc[],
): BulkResult {
  return eachMessage(engine, accountId, ids, fromBoxId, (message, id) =>
    boxes.map((box) => {
      const copyId = newModbId(engine.clock.unix());
      const body = enterBox(engine, accountId, message.body, fromBoxId, box, copyId);
      body.pvt_created = engine.clock.gregorian();
      delete body._rev;
      body._rev = nextRevision(undefined, body);
      engine.store.insert({ accountId, id: copyId, type: MESSAGES.type, parentId: box.id, sortKey: MESSAGES.sortKey(body), body });
      const audio = engine.store.attachment(accountId, id, 'audio');
      if (audio) engine.store.putAttachment(accountId, copyId, 'audio', audio.contentType, audio.data);
      return copyId;
    }),
  );
}

/** `kvm_messages:move_to_vmbox/5`: the messages leave this box for the other one (ids kept). */
function moveToVmbox(engine: Engine, accountId: string, ids: readonly string[], fromBoxId: string, box: StoredDoc): BulkResult {
  return eachMessage(engine, accountId, ids, fromBoxId, (message, id) => {
    const moved = enterBox(engine, accountId, message.body, fromBoxId, box, id);
    moved._rev = nextRevision(message.body._rev, moved);
    engine.store.update({ accountId, id, parentId: box.id, sortKey: MESSAGES.sortKey(moved), body: moved });
    return [id];
  });
}

/** File name extensions of the audio types a message may carry. */
const AUDIO_EXTENSIONS: Record<string, string> = {
  'audio/mpeg': '.mp3',
  'audio/mp3': '.mp3',
  'audio/x-wav': '.wav',
  'audio/wav': '.wav',
  'audio/x-ogg': '.ogg',
  'audio/ogg': '.ogg',
  'audio/mp4': '.mp4',
  'audio/x-m4a': '.m4a',
};

/** The box's time zone as `kzd_voicemail_box:timezone/1` resolves it: the box's, its owner's, the account's. */
function boxTimezone(engine: Engine, accountId: string, box: StoredDoc): string | undefined {
  if (typeof box.body.timezone === 'string') return box.body.timezone;
  const ownerId = box.body.owner_id;
  const owner = typeof ownerId === 'string' ? engine.store.get(accountId, ownerId) : undefined;
  if (owner && !owner.deleted && owner.type === USERS.type && typeof owner.body.timezone === 'string') return owner.body.timezone;
  const account = engine.account(accountId)?.body.timezone;
  return typeof account === 'string' ? account : undefined;
}

/** `cb_vmboxes:generate_media_name/4`: `CallerId_YYYY-MM-DD_HH:MM:SS.ext`, in the box's time zone. */
function mediaName(message: JsonObject, contentType: string, timezone: string | undefined): string {
  const callerId = typeof message.caller_id_number === 'string' && message.caller_id_number !== '' ? message.caller_id_number : 'unknown';
  const unixMs = (Number(message.timestamp ?? 0) - GREGORIAN_OFFSET) * 1000;
  const clock = (timezone ? zonedClock(unixMs, timezone) : undefined) ?? zonedClock(unixMs, 'UTC');
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  const date = `${String(clock?.year ?? 0).padStart(4, '0')}-${two(clock?.month)}-${two(clock?.day)}_${two(clock?.hour)}:${two(clock?.minute)}:${two(clock?.second)}`;
  return `${callerId}_${date}${AUDIO_EXTENSIONS[contentType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? ''}`;
}

/**
 * `POST …/vmboxes/{VM_BOX_ID}/messages/raw` (`cb_vmboxes:load_messages_binaries/2`): the audio of
 * the listed messages as one ZIP archive named after the request id. Files are written in order
 * and named by `generate_media_name/4` (a later one of the same name replaces the earlier); the
 * first message that is missing or has no audio stops the work and nothing is left to zip, which
 * answers 404 `not_found`.
 */
function downloadZip(engine: Engine, req: SandboxRequest, accountId: string, boxId: string): Reply {
  const ids = messageIds(req) ?? [];
  if (ids.length === 0) throw validationError({ messages: { required: { message: 'No array of message ids are specified' } } });
  const box = engine.docs.load(accountId, VMBOXES, boxId);
  const timezone = boxTimezone(engine, accountId, box);
  const files = new Map<string, ZipEntry>();
  for (const id of ids) {
    const message = sourceMessage(engine, accountId, id, boxId);
    const audio = message ? engine.store.attachment(accountId, id, 'audio') : undefined;
    if (!message || !audio) {
      files.clear();
      break;
    }
    const name = mediaName(message.body, audio.contentType, timezone);
    files.set(name, { name, data: audio.data, modified: new Date(engine.clock.unix() * 1000) });
  }
  if (files.size === 0) throw notFound();
  const zipName = `${req.requestId}.zip`;
  return {
    raw: {
      body: zipArchive([...files.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))),
      contentType: 'application/zip',
    },
    headers: { 'content-disposition': `attachment; filename=${zipName}` },
  };
}

/** `cb_vmboxes`: voicemail boxes and their messages (metadata and audio). */
export const vmboxesModule = defineModule({
  name: 'vmboxes',
  documents: [VMBOXES],
  routes: [
    route('accounts/:account/vmboxes', ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'GET' ? listVmboxes(engine, req, accountId) : writeVmbox(engine, req, accountId),
    ),
    route('accounts/:account/vmboxes/:id', ['POST', 'PATCH'], ({ engine, req, accountId, params }) =>
      writeVmbox(engine, req, accountId, params.id),
    ),
    route('accounts/:account/vmboxes/messages', ['GET'], ({ engine, req, accountId }) => listAccountMessages(engine, req, accountId)),
    route('accounts/:account/vmboxes/:id/messages', ['GET', 'PUT', 'POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      messages(engine, req, accountId, params.id),
    ),
    route('accounts/:account/vmboxes/:id/messages/raw', ['POST'], ({ engine, req, accountId, params }) =>
      downloadZip(engine, req, accountId, params.id),
    ),
    route('accounts/:account/vmboxes/:id/messages/:message', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      messages(engine, req, accountId, params.id, params.message),
    ),
    route(
      'accounts/:account/vmboxes/:id/messages/:message/raw',
      ['GET', 'PUT'],
      ({ engine, req, accountId, params }) => messages(engine, req, accountId, params.id, params.message, true),
      { binary: isBinaryUpload },
    ),
  ],
});
