import * as schemas from '@audian/resources/schemas';
import { decodeUpload, isBinaryUpload } from '../binary-body';
import { createDoc, docReply, itemDoc } from '../collection';
import { simpleCollection } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { compact, isObject, type JsonObject } from '../json';
import { listFilter, pageParams, paginate, rowLimit } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { vcardReply } from './users';

/** Lists (`kzd_lists`): named sets of numbers or patterns that callflows match against. */
export const LISTS = simpleCollection('lists', 'list', schemas.ListsSchema, (doc) => ({
  id: doc._id,
  name: doc.name,
  description: doc.description,
  list_type: doc.list_type,
}));

export const LIST_ENTRIES: ResourceDef = simpleCollection('entries', 'list_entry', schemas.ListEntriesSchema, (doc) => ({
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
}));

/** `/lists/{LIST_ID}/entries[/{ENTRY_ID}]`. */
function listEntries(engine: Engine, req: SandboxRequest, accountId: string, listId: string, entryId?: string): Reply {
  engine.docs.load(accountId, LISTS, listId);
  // Only a created entry takes `list_id` from the path (`cb_lists:validate_req/3`); a POST is
  // validated as sent, so it must repeat `list_id` (the schema requires it), and a PATCH keeps the
  // stored one unless it names another.
  if (entryId !== undefined) return itemDoc(engine, req, accountId, LIST_ENTRIES, entryId, listId);
  if (req.method === 'PUT') return createDoc(engine, req, accountId, LIST_ENTRIES, listId, { list_id: listId });
  if (req.method === 'DELETE') {
    const removed = engine.store
      .children(accountId, LIST_ENTRIES.type, listId)
      .map((e) => engine.docs.remove(LIST_ENTRIES, accountId, e.id, listId));
    return { data: removed.map((e) => LIST_ENTRIES.summary(e.body)), envelope: { revision: 'automatic' } };
  }
  const params = pageParams(req);
  const filter = listFilter(req);
  const rows = engine.store.rows(accountId, LIST_ENTRIES.type, listId, params.direction, params.from, rowLimit(params, filter));
  const page = paginate(rows, params, filter, (doc) => LIST_ENTRIES.summary(doc));
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/**
 * `GET …/lists/{LIST_ID}/entries/{ENTRY_ID}/vcard` (`cb_lists:validate_req/3`): the entry, its
 * `profile` merged in and `firstname`/`lastname`/`middlename`/`displayname` renamed to the user
 * fields, as a vCard.
 */
function entryVcard(engine: Engine, accountId: string, listId: string, entryId: string): Reply {
  engine.docs.load(accountId, LISTS, listId);
  const entry = engine.docs.load(accountId, LIST_ENTRIES, entryId, listId).body;
  const merged: JsonObject = { ...entry, ...(isObject(entry.profile) ? entry.profile : {}) };
  const renamed = compact({
    first_name: merged.firstname,
    last_name: merged.lastname,
    middle_name: merged.middlename,
    nicknames: merged.displayname === undefined ? undefined : [merged.displayname],
  });
  return vcardReply({ ...merged, ...renamed }, engine.account(accountId)?.body ?? {});
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
      entryVcard(engine, accountId, params.id, params.entry),
    ),
    route(
      'accounts/:account/lists/:id/entries/:entry/photo',
      ['POST'],
      ({ engine, req, accountId, params }) => entryPhoto(engine, req, accountId, params.id, params.entry),
      { binary: isBinaryUpload },
    ),
    route('accounts/:account/lists/:id/entries/:entry', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, accountId, params }) =>
      listEntries(engine, req, accountId, params.id, params.entry),
    ),
  ],
});
