import * as schemas from '@audian/resources/schemas';
import { VmMessageMetadataSchema } from '@audian/resources/schemas';
import { isBinaryUpload } from '../binary-body';
import { createDoc } from '../collection';
import { COLLECTION_VERBS, flagsOf, ITEM_VERBS } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newModbId } from '../ids';
import { compact, isObject, type JsonObject, publicDoc } from '../json';
import { listFilter, pageParams, paginate, rowLimit } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { nextRevision } from '../store';

const MAILBOX_TAKEN = 'Invalid mailbox number or already exists';

/** A mailbox as `kz_term:to_integer/1` reads it (decimal, optional sign), or undefined. */
function mailboxNumber(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string' || !/^[+-]?\d+$/.test(value)) return undefined;
  return BigInt(value).toString();
}

export const VMBOXES: ResourceDef = {
  name: 'vmboxes',
  type: 'vmbox',
  schema: schemas.VmboxesSchema,
  collectionVerbs: COLLECTION_VERBS,
  itemVerbs: ITEM_VERBS,
  // `messages` is completed with the live counts by the handler.
  summary: (doc) =>
    compact({ id: doc._id, name: doc.name, mailbox: doc.mailbox, owner_id: doc.owner_id, messages: 0, flags: flagsOf(doc) }),
  sortKey: (doc) => String(doc.name ?? ''),
  // `cb_vmboxes:check_uniqueness/2`: mailboxes compare as integers (`vmboxes/listing_by_mailbox` emits
  // `parseInt(mailbox)`), so `0100` and `100` are the same box.
  claims: (doc) => {
    const mailbox = mailboxNumber(doc.mailbox);
    return mailbox === undefined
      ? []
      : [{ kind: 'mailbox', value: mailbox, scope: 'account', error: () => ({ mailbox: { unique: { message: MAILBOX_TAKEN } } }) }];
  },
  // A mailbox that is not an integer fails the same check (`kz_json:get_integer_value/2` throws).
  prepare: (doc) =>
    doc.mailbox !== undefined && mailboxNumber(doc.mailbox) === undefined ? { mailbox: { unique: { message: MAILBOX_TAKEN } } } : undefined,
  view: (doc) => {
    const { messages: _legacy, ...rest } = doc;
    return rest;
  },
};

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

/** `cb_vmboxes`: voicemail boxes and their messages (metadata and audio). */
export const vmboxesModule = defineModule({
  name: 'vmboxes',
  documents: [VMBOXES],
  routes: [
    route('accounts/:account/vmboxes', ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'GET' ? listVmboxes(engine, req, accountId) : createDoc(engine, req, accountId, VMBOXES),
    ),
    route('accounts/:account/vmboxes/messages', ['GET'], ({ engine, req, accountId }) => listAccountMessages(engine, req, accountId)),
    route('accounts/:account/vmboxes/:id/messages', ['GET', 'PUT', 'POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      messages(engine, req, accountId, params.id),
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
