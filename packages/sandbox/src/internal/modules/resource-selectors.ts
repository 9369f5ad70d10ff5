import * as schemas from '@audian/resources/schemas';
import { masterAccountId, requireSuperDuperAdmin } from '../billing-rights';
import { deletedReply, docReply } from '../collection';
import { byId } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { compact, deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import { listFilter, pageParams, paginateDocs } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { RESOURCES } from './resources';

/** The normalised row of the non-grouped selector views (`cb_resource_selectors:normalize_resource_selector_result/2`). */
function selectorRow(doc: JsonObject): JsonObject {
  return compact({
    id: doc._id,
    name: doc.name,
    resource: doc.resource,
    selector: doc.selector,
    value: doc.value,
    // KAZOO reads `stop_time` for both keys here; clients of the real API see the same.
    start_time: doc.stop_time,
    stop_time: doc.stop_time,
  });
}

/** Resource selectors (`resource_selector`), kept in the account's selectors database. */
export const RESOURCE_SELECTORS: ResourceDef = {
  name: 'resource_selectors',
  type: 'resource_selector',
  schema: schemas.ResourceSelectorSchema,
  collectionVerbs: ['GET'],
  itemVerbs: ['GET', 'POST', 'DELETE'],
  summary: selectorRow,
  sortKey: byId,
};

/** The selector rules: one document per account, id and type `resource_selector_rules`. */
const RULES: ResourceDef = {
  name: 'resource_selectors/rules',
  type: 'resource_selector_rules',
  schema: schemas.ResourceSelectorRulesSchema,
  collectionVerbs: ['GET', 'POST'],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: () => 'resource_selector_rules',
};
const RULES_ID = 'resource_selector_rules';

/** The live selectors of the account (the views skip those without a `name`). */
function selectors(engine: Engine, accountId: string): JsonObject[] {
  return engine.store
    .children(accountId, RESOURCE_SELECTORS.type, '')
    .filter((d) => !d.deleted && typeof d.body.name === 'string' && d.body.name !== '')
    .map((d) => d.body);
}

/** A page of grouped rows `{ <key>: count }` (`normalize_view_results/2` over a `_count` view with `group`). */
function counted(req: SandboxRequest, docs: readonly JsonObject[], key: (doc: JsonObject) => string): Reply {
  const counts = new Map<string, number>();
  for (const doc of docs) counts.set(key(doc), (counts.get(key(doc)) ?? 0) + 1);
  const rows = [...counts].map(([k, n]) => ({ sortKey: k, id: k, doc: { [k]: n } as JsonObject }));
  const page = paginateDocs(rows, pageParams(req), undefined, (doc) => doc);
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/** A page of selector rows, in the view's key order. */
function rowsOf(req: SandboxRequest, docs: readonly JsonObject[], key: (doc: JsonObject) => string): Reply {
  const rows = docs.map((doc) => ({ sortKey: key(doc), id: String(doc._id), doc }));
  const page = paginateDocs(rows, pageParams(req), listFilter(req), selectorRow);
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/**
 * `POST …/resource_selectors/{UUID}` (`on_successful_doc_validation/2`): merged over the stored
 * selector. For an unknown id KAZOO's `maybe_handle_load_failure/2` answers success with the
 * request's data and files it under the rules id of the selectors database, where no listing or
 * read of this API finds it: the sandbox answers the same and keeps nothing.
 */
function updateSelector(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const stored = engine.store.get(accountId, id);
  if (!stored || stored.deleted || stored.type !== RESOURCE_SELECTORS.type) {
    const doc = engine.docs.validate(RESOURCE_SELECTORS, accountId, req.data, undefined);
    return { data: { ...publicDoc(doc), id: RULES_ID }, envelope: { revision: 'undefined' } };
  }
  const base = publicDoc(stored.body);
  delete base.id;
  const merged = isObject(req.data) ? deepMerge(base, stripReserved(req.data)) : undefined;
  return docReply(RESOURCE_SELECTORS, engine.docs.replace(RESOURCE_SELECTORS, accountId, id, merged ?? req.data));
}

function rulesDoc(engine: Engine, accountId: string): StoredDoc | undefined {
  const doc = engine.store.get(accountId, RULES_ID);
  return doc && !doc.deleted && doc.type === RULES.type ? doc : undefined;
}

/** `GET|POST …/resource_selectors/rules` (`load_rules/1`, `on_successful_rules_validation/1`: merged, created when absent). */
function rules(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const stored = rulesDoc(engine, accountId);
  if (req.method === 'GET') return docReply(RULES, engine.docs.load(accountId, RULES, RULES_ID));
  if (!stored) return docReply(RULES, engine.docs.create(RULES, accountId, req.data, { id: RULES_ID }));
  const base = publicDoc(stored.body);
  delete base.id;
  const merged = isObject(req.data) ? deepMerge(base, stripReserved(req.data)) : req.data;
  return docReply(RULES, engine.docs.replace(RULES, accountId, RULES_ID, merged));
}

/**
 * The selector routes under `prefix`. `selectorsDb` names the account whose selectors database a
 * request reads: the URL's account, or on the system paths the master account
 * (`set_selectors_db/1`, `set_account_db/1`), once `maybe_authorize_admin/1` let a super-duper
 * admin through (403 for any other login).
 */
function selectorRoutes(prefix: string, selectorsDb: (engine: Engine, req: SandboxRequest, accountId: string) => string) {
  return [
    route(prefix, ['GET'], ({ engine, req, accountId }) => {
      const db = selectorsDb(engine, req, accountId);
      return rowsOf(req, selectors(engine, db), (d) => String(d._id));
    }),
    route(`${prefix}/:id`, ['GET', 'POST', 'DELETE'], ({ engine, req, accountId, params }) => {
      const db = selectorsDb(engine, req, accountId);
      if (req.method === 'POST') return updateSelector(engine, req, db, params.id);
      const doc = engine.docs.load(db, RESOURCE_SELECTORS, params.id);
      return req.method === 'GET'
        ? docReply(RESOURCE_SELECTORS, doc)
        : deletedReply(RESOURCE_SELECTORS, engine.docs.remove(RESOURCE_SELECTORS, db, params.id));
    }),
    route(`${prefix}/name`, ['GET'], ({ engine, req, accountId }) =>
      counted(req, selectors(engine, selectorsDb(engine, req, accountId)), (d) => String(d.name)),
    ),
    route(`${prefix}/name/:name`, ['GET'], ({ engine, req, accountId, params }) =>
      counted(
        req,
        selectors(engine, selectorsDb(engine, req, accountId)).filter((d) => d.name === params.name),
        (d) => String(d.resource),
      ),
    ),
    route(`${prefix}/name/:name/resource/:resource`, ['GET'], ({ engine, req, accountId, params }) =>
      rowsOf(
        req,
        selectors(engine, selectorsDb(engine, req, accountId)).filter((d) => d.name === params.name && d.resource === params.resource),
        (d) => String(d._id),
      ),
    ),
    route(`${prefix}/resource`, ['GET'], ({ engine, req, accountId }) =>
      counted(req, selectors(engine, selectorsDb(engine, req, accountId)), (d) => String(d.resource)),
    ),
    route(`${prefix}/resource/:resource`, ['GET'], ({ engine, req, accountId, params }) =>
      counted(
        req,
        selectors(engine, selectorsDb(engine, req, accountId)).filter((d) => d.resource === params.resource),
        (d) => String(d.name),
      ),
    ),
    route(`${prefix}/resource/:resource/name/:name`, ['GET'], ({ engine, req, accountId, params }) =>
      rowsOf(
        req,
        selectors(engine, selectorsDb(engine, req, accountId)).filter((d) => d.name === params.name && d.resource === params.resource),
        (d) => String(d._id),
      ),
    ),
    route(`${prefix}/rules`, ['GET', 'POST'], ({ engine, req, accountId }) => rules(engine, req, selectorsDb(engine, req, accountId))),
  ];
}

/** The master account, for a super-duper admin's login only (`maybe_authorize_admin/1`). */
function systemDb(engine: Engine, req: SandboxRequest): string {
  requireSuperDuperAdmin(engine, req.auth);
  return masterAccountId(engine) ?? '';
}

/** `cb_resource_selectors`: selectors by id, grouped by name or carrier, and the selector rules. */
export const resourceSelectorsModule = defineModule({
  name: 'resource_selectors',
  routes: [
    ...selectorRoutes('accounts/:account/resource_selectors', (_engine, _req, accountId) => accountId),
    // The system's selectors and rules are the master account's own.
    ...selectorRoutes('resource_selectors', (engine, req) => systemDb(engine, req)),
  ],
  demo({ engine, accountId, extent }) {
    if (extent !== 'full') return;
    const carrier = engine.docs.create(RESOURCES, accountId, { name: 'Demo carrier', gateways: [{ server: 'sip.carrier.example' }] }).id;
    for (const [selector, value] of [
      ['1415', '0.0042'],
      ['1212', '0.0051'],
    ] as const) {
      engine.docs.create(RESOURCE_SELECTORS, accountId, { name: 'lcr', resource: carrier, selector, value });
    }
  },
});
