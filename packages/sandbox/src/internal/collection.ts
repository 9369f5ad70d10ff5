import { treeOf } from './accounts-def';
import { envelopeFlag, type Reply, type SandboxRequest } from './context';
import { render, type UpdateOptions } from './documents';
import type { Engine } from './engine';
import { deepMerge, getPath, isObject, type JsonObject } from './json';
import { listFilter, pageParams, paginate, rowLimit } from './listing';
import type { ResourceDef } from './resource-def';
import type { StoredDoc } from './store';

/** A single-document answer: the public document, its revision and ETag. */
export function docReply(
  def: Pick<ResourceDef, 'view'> | undefined,
  doc: StoredDoc,
  status = 200,
  extra: Record<string, string> = {},
): Reply {
  const rev = String(doc.body._rev ?? 'undefined');
  return { status, data: render(def, doc.body), envelope: { revision: rev }, headers: { etag: `"${rev}"`, ...extra } };
}

/** 201 with `Location` = the request path plus the new id (`kz_http_util:resolve_uri`). */
export function createdReply(def: Pick<ResourceDef, 'view'> | undefined, req: SandboxRequest, doc: StoredDoc): Reply {
  const base = req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
  return docReply(def, doc, 201, { location: `${base}/${encodeURIComponent(doc.id)}` });
}

/** DELETE's answer: the document as it was, plus `_read_only.deleted`. */
export function deletedReply(def: Pick<ResourceDef, 'view'> | undefined, doc: StoredDoc): Reply {
  const data = { ...render(def, doc.body), _read_only: { deleted: true } };
  return { data, envelope: { revision: String(doc.body._rev ?? 'undefined') } };
}

/** `fields=["a","b.c"]` (newer Crossbar): sparse listings taken from the whole document, `id` always included. */
function sparseFields(req: SandboxRequest): string[] | undefined {
  const raw = req.query.fields;
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = raw.split(',');
  }
  const list = (Array.isArray(parsed) ? parsed : [parsed]).filter((f): f is string => typeof f === 'string' && f !== '');
  return list.length > 0 ? list : undefined;
}

function pick(doc: JsonObject, fields: readonly string[]): JsonObject {
  const out: JsonObject = { id: doc.id };
  for (const field of fields) {
    const value = getPath(doc, field);
    if (value === undefined) continue;
    const parts = field.split('.');
    let target = out;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(target[part])) target[part] = {};
      target = target[part] as JsonObject;
    }
    target[parts.at(-1) as string] = value;
  }
  return out;
}

/** `GET` on a collection: the listing view's summaries, paged and filtered. */
export function listDocs(
  engine: Engine,
  req: SandboxRequest,
  accountId: string,
  def: ResourceDef,
  parentId = '',
  map: (doc: JsonObject) => unknown = (doc) => def.summary(doc),
): Reply {
  const params = pageParams(req);
  const filter = listFilter(req);
  const fields = sparseFields(req);
  const rows = engine.store.rows(accountId, def.type, parentId, params.direction, params.from, rowLimit(params, filter));
  const page = paginate(rows, params, filter, fields ? (doc) => pick(render(def, doc), fields) : map);
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/** `PUT` on a collection. */
export function createDoc(
  engine: Engine,
  req: SandboxRequest,
  accountId: string,
  def: ResourceDef,
  parentId?: string,
  extra?: JsonObject,
): Reply {
  const data =
    extra && typeof req.data === 'object' && req.data !== null && !Array.isArray(req.data) ? { ...req.data, ...extra } : req.data;
  const doc = engine.docs.create(def, accountId, data, {
    parentId,
    beforeSave: (after) => {
      authorizeSave(engine, req, def, after);
      engine.checkCharges({ accountId, resource: def.name, type: def.type, before: undefined, after }, envelopeFlag(req, 'accept_charges'));
    },
  });
  return createdReply(def, req, doc);
}

/** The resource's checks of what the caller may save (callflows: the numbers it routes). */
function authorizeSave(engine: Engine, req: SandboxRequest, def: ResourceDef, doc: JsonObject): void {
  if (!def.authorizeSave || !req.auth) return;
  const authAccountId = req.auth.accountId;
  def.authorizeSave(doc, {
    authAccountId,
    numberHolder: (number) => engine.store.claimant({ scope: '', kind: 'phone_number', value: number })?.accountId,
    reaches: (accountId) => {
      if (accountId === authAccountId) return true;
      const account = engine.store.get(accountId, accountId);
      return account !== undefined && treeOf(account.body).includes(authAccountId);
    },
  });
}

/** The 402 check of an update (`crossbar_services:maybe_dry_run/2` runs on every save, not only creations). */
function chargedUpdate(engine: Engine, req: SandboxRequest, accountId: string, def: ResourceDef): UpdateOptions {
  return {
    beforeSave: (after, existing) => {
      authorizeSave(engine, req, def, after);
      engine.checkCharges(
        { accountId, resource: def.name, type: def.type, before: existing.body, after },
        envelopeFlag(req, 'accept_charges'),
      );
    },
  };
}

/**
 * For a `POST` or `PATCH` the resource validates before loading (`ResourceDef.validatesBeforeLoad`)
 * on an id that names no live document of its type: throws the 400 of an invalid body, as KAZOO's
 * validation runs on the request alone before the load fails; a valid body is returned as
 * validated (a module may check more of it), and the load that follows answers 404. Returns
 * `undefined` when the document exists or the resource loads first.
 */
export function validateBeforeLoad(
  engine: Engine,
  req: SandboxRequest,
  accountId: string,
  def: ResourceDef,
  id: string,
  parentId?: string,
): JsonObject | undefined {
  if ((req.method !== 'POST' && req.method !== 'PATCH') || !def.validatesBeforeLoad?.includes(req.method)) return undefined;
  const stored = engine.store.get(accountId, id);
  if (stored && !stored.deleted && stored.type === def.type && (parentId === undefined || stored.parentId === parentId)) return undefined;
  return engine.docs.validate(def, accountId, req.data, undefined);
}

/** `GET`, `POST`, `PATCH`, `DELETE` on one document. */
export function itemDoc(engine: Engine, req: SandboxRequest, accountId: string, def: ResourceDef, id: string, parentId?: string): Reply {
  validateBeforeLoad(engine, req, accountId, def, id, parentId);
  switch (req.method) {
    case 'GET': {
      const doc = engine.docs.load(accountId, def, id, parentId);
      const reply = docReply(def, doc);
      if (!def.detail) return reply;
      const data = def.detail(reply.data as JsonObject, doc.body, (account, other) => engine.store.get(account, other), accountId);
      return { ...reply, data };
    }
    case 'POST':
      return docReply(def, engine.docs.replace(def, accountId, id, req.data, parentId, chargedUpdate(engine, req, accountId, def)));
    case 'PATCH':
      return docReply(
        def,
        engine.docs.patch(def, accountId, id, req.data, deepMerge, parentId, chargedUpdate(engine, req, accountId, def)),
      );
    default:
      return deletedReply(def, engine.docs.remove(def, accountId, id, parentId));
  }
}
