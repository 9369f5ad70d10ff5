import * as schemas from '@audian/resources/schemas';
import { decodeUpload, isBinaryUpload } from '../binary-body';
import { createDoc, deletedReply, docReply, itemDoc } from '../collection';
import { simpleCollection } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { compact, isObject, type JsonObject } from '../json';
import { listFilter, pageParams, paginate, rowLimit } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { vcardReply } from './users';

/** Lists (`kzd_lists`): named sets of numbers or patterns that callflows match against. */
export const LISTS = simpleCollection(
  'lists',
  'list',
  schemas.ListsSchema,
  (doc) => ({
    id: doc._id,
    name: doc.name,
    description: doc.description,
    list_type: doc.list_type,
  }),
  {
    // `cb_lists:validate_doc/3` validates before `on_successfull_validation/3` loads; a PATCH goes
    // through `crossbar_doc:patch_and_validate/3` (`validate_req/3`).
    validatesBeforeLoad: ['POST', 'PATCH'],
  },
);

export const LIST_ENTRIES: ResourceDef = simpleCollection(
  'entries',
  'list_entry',
  schemas.ListEntriesSchema,
  (doc) => ({
    id: doc._id,
    key: doc.list_id,
    value: compact({
      capture_group_key: doc.capture_group_key,
      capture_group_length: doc.capture_group_length,
      name: doc.name,
      number: doc.number,
      pattern: doc.pattern,
      prefix: doc.prefix,
      regexp: doc.regexp,
      type: doc.type,
    }),
  }),
  {
    // An entry's POST goes through `cb_lists:validate_doc/3` too, and its PATCH through
    // `crossbar_doc:patch_and_validate/3`: both validate before the entry is loaded.
    validatesBeforeLoad: ['POST', 'PATCH'],
  },
);

/**
 * `/lists/{LIST_ID}/entries`: KAZOO reads and deletes them through the `lists/entries` view keyed
 * by `list_id`, and creates one with `list_id` set from the path, without loading the list
 * (`cb_lists:validate_req/3`) — so an unknown list id lists nothing and still takes new entries.
 */
function listEntries(engine: Engine, req: SandboxRequest, accountId: string, listId: string): Reply {
  if (req.method === 'PUT') return createDoc(engine, req, accountId, LIST_ENTRIES, listId, { list_id: listId });
  if (req.method === 'DELETE') {
    const removed = removeEntries(engine, accountId, listId);
    return { data: removed.map((e) => LIST_ENTRIES.summary(e.body)), envelope: { revision: 'automatic' } };
  }
  const params = pageParams(req);
  const filter = listFilter(req);
  const rows = engine.store.rows(accountId, LIST_ENTRIES.type, listId, params.direction, params.from, rowLimit(params, filter));
  const page = paginate(rows, params, filter, (doc) => LIST_ENTRIES.summary(doc));
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

function removeEntries(engine: Engine, accountId: string, listId: string): StoredDoc[] {
  return engine.store.children(accountId, LIST_ENTRIES.type, listId).map((e) => engine.docs.remove(LIST_ENTRIES, accountId, e.id, listId));
}

/**
 * `/lists/{LIST_ID}/entries/{ENTRY_ID}`: KAZOO loads the entry by its id alone, the path's list id
 * unused (`cb_lists:validate_req/3`). A POST is validated as sent, so it must carry `list_id` (the
 * schema requires it), and the `list_id` it carries is stored: naming another list moves the entry
 * there (`crossbar_doc:load_merge/4` keeps only the stored private fields). A PATCH keeps the
 * stored `list_id` unless it names another.
 */
function listEntry(engine: Engine, req: SandboxRequest, accountId: string, entryId: string): Reply {
  const reply = itemDoc(engine, req, accountId, LIST_ENTRIES, entryId);
  if (req.method === 'POST' || req.method === 'PATCH') {
    const saved = engine.docs.load(accountId, LIST_ENTRIES, entryId);
    const listId = typeof saved.body.list_id === 'string' ? saved.body.list_id : '';
    // The entries view is keyed by `list_id`: a moved entry is listed under its new list.
    if (saved.parentId !== listId) {
      engine.store.update({ accountId, id: entryId, parentId: listId, sortKey: LIST_ENTRIES.sortKey(saved.body), body: saved.body });
    }
  }
  return reply;
}

/**
 * `DELETE …/lists/{LIST_ID}` (`cb_lists:delete/2`). Validation only reads the `lists/entries` view
 * for the id (`cb_lists:validate_req/3`), so it succeeds whatever the id names. The entries are
 * deleted first, then the id is loaded expecting a `list_entry` (`crossbar_doc:load/3`; the `lists`
 * noun lets a `list` pass as well) and handed to `crossbar_doc:delete/1`, which does not look at
 * the load's result:
 * - a list (or, by that type check, a list entry) is soft-deleted and answered as deleted;
 * - an id that names neither, with no entries under it: the load's 404 is overwritten, as the
 *   soft delete saves a stray `{"pvt_deleted": true}` document and answers 200 with only
 *   `{"_read_only": {"deleted": true}}`;
 * - such an id with entries under it: marking the list of entry rows deleted raises
 *   (`kz_json:set_value/3` on a list), the bindings fold keeps the validated context, and the
 *   answer is 200 with the deleted entries as `…/entries` lists them.
 * The envelope's `page_size` is the number of entries the validation found.
 */
function deleteList(engine: Engine, accountId: string, listId: string): Reply {
  const removed = removeEntries(engine, accountId, listId);
  const pageSize = { page_size: removed.length };
  const doc = engine.store.get(accountId, listId);
  if (doc && !doc.deleted && (doc.type === LISTS.type || doc.type === LIST_ENTRIES.type)) {
    const def = doc.type === LISTS.type ? LISTS : LIST_ENTRIES;
    const reply = deletedReply(def, engine.docs.remove(def, accountId, listId));
    return { ...reply, envelope: { ...reply.envelope, ...pageSize } };
  }
  if (removed.length > 0) {
    return { data: removed.map((e) => LIST_ENTRIES.summary(e.body)), envelope: { ...pageSize, revision: 'automatic' } };
  }
  return { data: { _read_only: { deleted: true } }, envelope: { ...pageSize, revision: 'undefined' } };
}

/**
 * `GET …/lists/{LIST_ID}/entries/{ENTRY_ID}/vcard` (`cb_lists:validate_req/3`): the entry, its
 * `profile` merged in and `firstname`/`lastname`/`middlename`/`displayname` renamed to the user
 * fields, as a vCard; a stored photo becomes its `PHOTO` line (`cb_lists:set_photo/2`, copied from
 * `cb_users`, so only a JPEG renders, as in `kzd_users:to_vcard/1`).
 */
function entryVcard(engine: Engine, accountId: string, entryId: string): Reply {
  const entry = engine.docs.load(accountId, LIST_ENTRIES, entryId).body;
  const merged: JsonObject = { ...entry, ...(isObject(entry.profile) ? entry.profile : {}) };
  const renamed = compact({
    first_name: merged.firstname,
    last_name: merged.lastname,
    middle_name: merged.middlename,
    nicknames: merged.displayname === undefined ? undefined : [merged.displayname],
  });
  const photo = engine.store.attachment(accountId, entryId, 'photo');
  return vcardReply({ ...merged, ...renamed }, engine.account(accountId)?.body ?? {}, photo);
}

/** `POST …/lists/{LIST_ID}/entries/{ENTRY_ID}/photo`: stores the entry's photo (`cb_users:post/3`). */
function entryPhoto(engine: Engine, req: SandboxRequest, accountId: string, listId: string, entryId: string): Reply {
  engine.docs.load(accountId, LISTS, listId);
  const entry = engine.docs.load(accountId, LIST_ENTRIES, entryId, listId);
  const upload = decodeUpload(req);
  engine.store.putAttachment(accountId, entryId, 'photo', upload.contentType, upload.data);
  return docReply(LIST_ENTRIES, entry);
}

/** `cb_lists`: the account's lists and their entries. */
export const listsModule = defineModule({
  name: 'lists',
  documents: [LISTS],
  routes: [
    route('accounts/:account/lists/:id/entries', ['GET', 'PUT', 'DELETE'], ({ engine, req, accountId, params }) =>
      listEntries(engine, req, accountId, params.id),
    ),
    route('accounts/:account/lists/:id/entries/:entry/vcard', ['GET'], ({ engine, accountId, params }) =>
      entryVcard(engine, accountId, params.entry),
    ),
    route(
      'accounts/:account/lists/:id/entries/:entry/photo',
      ['POST'],
      ({ engine, req, accountId, params }) => entryPhoto(engine, req, accountId, params.id, params.entry),
      { binary: isBinaryUpload },
    ),
    route('accounts/:account/lists/:id/entries/:entry', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, accountId, params }) =>
      listEntry(engine, req, accountId, params.entry),
    ),
    route('accounts/:account/lists/:id', ['DELETE'], ({ engine, accountId, params }) => deleteList(engine, accountId, params.id)),
  ],
});
