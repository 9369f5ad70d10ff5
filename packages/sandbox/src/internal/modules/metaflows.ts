import { MetaflowsSchema } from '@audian/resources/schemas';
import { ACCOUNTS } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

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
 * `GET|POST|DELETE …/metaflows`. KAZOO keeps the account's metaflows under `metaflows` on the
 * account document itself (`cb_metaflows`), so they also show in `GET /v2/accounts/{ID}`.
 */
function metaflows(engine: Engine, req: SandboxRequest, account: StoredDoc): Reply {
  const revision = (doc: StoredDoc): JsonObject => ({ revision: String(doc.body._rev ?? 'undefined') });
  if (req.method === 'GET') {
    const current = isObject(account.body.metaflows) ? account.body.metaflows : {};
    return { data: current, envelope: revision(account) };
  }
  if (req.method === 'DELETE') {
    const { metaflows: _removed, ...rest } = account.body;
    return { data: {}, envelope: revision(engine.docs.save(ACCOUNTS, account, rest)) };
  }
  const valid = engine.docs.validate(METAFLOWS, account.id, req.data, undefined);
  const saved = engine.docs.save(ACCOUNTS, account, { ...account.body, metaflows: valid });
  return { data: saved.body.metaflows, envelope: revision(saved) };
}

/** `cb_metaflows`: the account's in-call feature codes, kept on the account document. */
export const metaflowsModule = defineModule({
  name: 'metaflows',
  routes: [
    route('accounts/:account/metaflows', ['GET', 'POST', 'DELETE'], ({ engine, req, account }) => metaflows(engine, req, account())),
  ],
});
