import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, validationError } from '../crossbar-error';
import { render } from '../documents';
import type { Engine } from '../engine';
import { isObject, type JsonObject, publicDoc } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { CONFERENCES } from './conferences';
import { DEVICES, devicesFor } from './devices';
import { USERS } from './users';
import { VMBOXES } from './vmboxes';

/** `cb_bulk:get_post_binding/1` and friends: the document types a bulk request may change, by `pvt_type`. */
const BY_TYPE: Readonly<Record<string, ResourceDef>> = { device: DEVICES, user: USERS, conference: CONFERENCES, vmbox: VMBOXES };

type Outcome = JsonObject;

function ids(req: SandboxRequest): string[] {
  const data = isObject(req.data) ? req.data : {};
  const list = Array.isArray(data.ids) ? data.ids.filter((id): id is string => typeof id === 'string') : [];
  return [...new Set(list)];
}

/** `crossbar_doc:load/3` of every id: a missing one fails the whole request. */
function loadAll(engine: Engine, accountId: string, list: readonly string[]): StoredDoc[] {
  return list.map((id) => {
    const doc = engine.store.get(accountId, id);
    if (!doc || doc.deleted) throw badIdentifier(id);
    return doc;
  });
}

/** `cb_bulk:maybe_follow_groups/3`: a group stands for its members (`endpoints` keys), each once. */
function followGroups(engine: Engine, accountId: string, docs: readonly StoredDoc[], requested: ReadonlySet<string>): StoredDoc[] {
  const seen = new Set(requested);
  const out: StoredDoc[] = [];
  const queue = [...docs];
  while (queue.length > 0) {
    const doc = queue.shift() as StoredDoc;
    if (doc.type !== 'group') {
      out.push(doc);
      continue;
    }
    const members = isObject(doc.body.endpoints) ? Object.keys(doc.body.endpoints) : [];
    for (const id of members) {
      if (seen.has(id)) continue;
      seen.add(id);
      const member = engine.store.get(accountId, id);
      if (member && !member.deleted) queue.unshift(member);
    }
  }
  return out;
}

/** `cb_bulk:import_results_error/3`: the failed request's status, code, message and data. */
function failure(error: unknown): Outcome {
  if (error instanceof CrossbarError) return { status: 'error', error: String(error.status), message: error.message, data: error.data };
  throw error;
}

/** `cb_context:add_system_error('invalid_bulk_type', …)`: 400 naming the type. */
function invalidType(doc: StoredDoc): Outcome {
  const data = { type: doc.type, message: `bulk operations do not support documents of type ${doc.type}` };
  return { status: 'error', error: '400', message: 'invalid_bulk_type', data };
}

/** `POST …/bulk`: `updates` (public fields) merged into each document, validated and saved by its own module's rules. */
function update(engine: Engine, accountId: string, docs: readonly StoredDoc[], updates: JsonObject): JsonObject {
  const results: JsonObject = {};
  // `cb_bulk:get_validate_binding/1` runs each type's own validation: a device's includes the
  // system-wide SIP credential check, which reads every account's devices.
  const byType: Readonly<Record<string, ResourceDef>> = { ...BY_TYPE, [DEVICES.type]: devicesFor(engine, false) };
  for (const doc of docs) {
    const def = byType[doc.type];
    if (!def) {
      results[doc.id] = invalidType(doc);
      continue;
    }
    try {
      const merged = { ...render(def, doc.body), ...publicDoc(updates) };
      delete merged.id;
      engine.docs.replace(def, accountId, doc.id, merged);
      results[doc.id] = { status: 'success' };
    } catch (error) {
      results[doc.id] = failure(error);
    }
  }
  return results;
}

/** `DELETE …/bulk`: each document deleted as its module would. */
function remove(engine: Engine, accountId: string, docs: readonly StoredDoc[]): JsonObject {
  const results: JsonObject = {};
  for (const doc of docs) {
    const def = BY_TYPE[doc.type];
    if (!def) {
      results[doc.id] = invalidType(doc);
      continue;
    }
    try {
      engine.docs.remove(def, accountId, doc.id);
      results[doc.id] = { status: 'success' };
    } catch (error) {
      results[doc.id] = failure(error);
    }
  }
  return results;
}

function bulk(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const list = ids(req);
  const docs = loadAll(engine, accountId, list);
  // `GET` answers the documents as loaded (`crossbar_doc:load/3`'s public views).
  if (req.method === 'GET') return { data: docs.map((doc) => render(BY_TYPE[doc.type], doc.body)) };
  const targets = followGroups(engine, accountId, docs, new Set(list));
  if (req.method === 'DELETE') return { data: remove(engine, accountId, targets) };
  const updates = isObject(req.data) ? req.data.updates : undefined;
  // `cb_bulk:maybe_update_docs/1`: without updates, a POST saves nothing and answers the documents.
  if (updates === undefined) return { data: docs.map((doc) => render(BY_TYPE[doc.type], doc.body)) };
  if (!isObject(updates))
    throw validationError({ updates: { type: { message: 'Value did not match type(s): object', target: 'object' } } });
  return { data: update(engine, accountId, targets, updates) };
}

/** `cb_bulk`: devices, users, conferences and voicemail boxes fetched, changed or deleted together. */
export const bulkModule = defineModule({
  name: 'bulk',
  routes: [route('accounts/:account/bulk', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId }) => bulk(engine, req, accountId))],
});
