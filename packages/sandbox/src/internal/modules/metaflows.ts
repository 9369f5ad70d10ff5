import { MetaflowsSchema } from '@audian/resources/schemas';
import { ACCOUNTS } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { CALLFLOWS } from './callflows';
import { DEVICES } from './devices';
import { USERS } from './users';

/** What `POST …/metaflows` is validated against; the result is stored on the account document. */
const METAFLOWS: ResourceDef = {
  name: 'metaflows',
  type: 'account',
  schema: MetaflowsSchema,
  collectionVerbs: ['GET', 'POST', 'DELETE'],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: () => '',
};

/**
 * `GET|POST|DELETE …/metaflows`. KAZOO keeps metaflows under `metaflows` on the document they
 * belong to (`cb_metaflows:thing_doc/1`): the account's on the account document itself (so they also
 * show in `GET /v2/accounts/{ID}`), a user's, device's or callflow's on that document.
 */
function metaflows(engine: Engine, req: SandboxRequest, accountId: string, thing: StoredDoc, def: ResourceDef): Reply {
  const revision = (doc: StoredDoc): JsonObject => ({ revision: String(doc.body._rev ?? 'undefined') });
  if (req.method === 'GET') {
    const current = isObject(thing.body.metaflows) ? thing.body.metaflows : {};
    return { data: current, envelope: revision(thing) };
  }
  if (req.method === 'DELETE') {
    const { metaflows: _removed, ...rest } = thing.body;
    return { data: {}, envelope: revision(engine.docs.save(def, thing, rest)) };
  }
  const valid = engine.docs.validate(METAFLOWS, accountId, req.data, undefined);
  const saved = engine.docs.save(def, thing, { ...thing.body, metaflows: valid });
  return { data: saved.body.metaflows, envelope: revision(saved) };
}

/**
 * The callflow, or the account when there is none: `cb_callflows` does not check the id before
 * `cb_metaflows:thing_doc/2` reads it, and that falls back to the account document.
 */
function callflowOrAccount(engine: Engine, accountId: string, id: string, account: () => StoredDoc): [StoredDoc, ResourceDef] {
  const doc = engine.store.get(accountId, id);
  return doc && !doc.deleted && doc.type === CALLFLOWS.type ? [doc, CALLFLOWS] : [account(), ACCOUNTS];
}

const VERBS = ['GET', 'POST', 'DELETE'] as const;

/** `cb_metaflows`: in-call feature codes, kept on the account, user, device or callflow document. */
export const metaflowsModule = defineModule({
  name: 'metaflows',
  routes: [
    route('accounts/:account/metaflows', [...VERBS], ({ engine, req, accountId, account }) =>
      metaflows(engine, req, accountId, account(), ACCOUNTS),
    ),
    // `cb_users:validate_resource/2` and `cb_devices:validate_resource/2` answer 404 for a missing id first.
    route('accounts/:account/users/:id/metaflows', [...VERBS], ({ engine, req, accountId, params }) =>
      metaflows(engine, req, accountId, engine.docs.load(accountId, USERS, params.id), USERS),
    ),
    route('accounts/:account/devices/:id/metaflows', [...VERBS], ({ engine, req, accountId, params }) =>
      metaflows(engine, req, accountId, engine.docs.load(accountId, DEVICES, params.id), DEVICES),
    ),
    route('accounts/:account/callflows/:id/metaflows', [...VERBS], ({ engine, req, accountId, params, account }) =>
      metaflows(engine, req, accountId, ...callflowOrAccount(engine, accountId, params.id, account)),
    ),
  ],
});
