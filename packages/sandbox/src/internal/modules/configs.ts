import { AccountConfigSchema } from '@audian/resources/schemas';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** An account configuration document: `configs_<CONFIG_ID>` in the account (`kapps_config_util:account_doc_id/1`). */
const CONFIGS: ResourceDef = {
  name: 'configs',
  type: 'account_config',
  schema: AccountConfigSchema,
  collectionVerbs: [],
  itemVerbs: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
  summary: (doc) => publicDoc(doc),
  sortKey: (doc) => String(doc._id),
};

const docId = (configId: string): string => `configs_${configId}`;

/** The account's own values of a configuration (`{}` when it has none). */
function own(engine: Engine, accountId: string, configId: string): JsonObject {
  const doc = engine.store.get(accountId, docId(configId));
  if (!doc || doc.deleted) return {};
  const out = publicDoc(doc.body);
  delete out.id;
  return out;
}

/**
 * `kapps_config_util:get_reseller_config/2`: the reseller's values (the account's reseller, when
 * it is not the account itself). The system defaults are empty in the sandbox.
 */
function resellerConfig(engine: Engine, accountId: string, configId: string): JsonObject {
  const account = engine.account(accountId);
  const reseller = account ? engine.resellerOf(account) : undefined;
  return reseller && reseller !== accountId ? own(engine, reseller, configId) : {};
}

/** `kapps_config_util:get_config/2`: the account's values over the reseller's. */
function merged(engine: Engine, accountId: string, configId: string): JsonObject {
  return deepMerge(resellerConfig(engine, accountId, configId), own(engine, accountId, configId));
}

/** `kz_json:diff/2`: the keys of `a` whose values differ from `b`'s (recursively for objects). */
function diff(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(a)) {
    const other = b[key];
    if (isObject(value) && isObject(other)) {
      const inner = diff(value, other);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else if (JSON.stringify(value) !== JSON.stringify(other)) out[key] = value;
  }
  return out;
}

function answer(engine: Engine, accountId: string, configId: string): Reply {
  return { data: { ...merged(engine, accountId, configId), id: docId(configId) } };
}

/**
 * `cb_configs:validate_with_parent/3` then `maybe_save_or_delete/2`: what the request sets that
 * differs from the parent (the reseller's values on PUT/POST, the current merged configuration on
 * PATCH) is stored as the account's document, with its private fields; an empty difference deletes it.
 */
function write(engine: Engine, req: SandboxRequest, accountId: string, configId: string): Reply {
  const data = isObject(req.data) ? { ...req.data } : {};
  delete data.id;
  // Validated against the schema once merged over the parent, as Crossbar does.
  const parent = req.method === 'PATCH' ? merged(engine, accountId, configId) : resellerConfig(engine, accountId, configId);
  engine.docs.validate(CONFIGS, accountId, deepMerge(parent, data), undefined);
  const changes = diff(data, parent);
  const id = docId(configId);
  const existing = engine.store.get(accountId, id);
  const stored = existing && !existing.deleted ? existing : undefined;
  if (Object.keys(changes).length === 0) {
    if (stored) engine.docs.remove(CONFIGS, accountId, id);
  } else if (stored) {
    engine.docs.replace(CONFIGS, accountId, id, changes);
  } else {
    engine.docs.create(CONFIGS, accountId, changes, { id });
  }
  return answer(engine, accountId, configId);
}

/** `cb_configs`: per-account application settings, answered merged over the reseller's. */
export const configsModule = defineModule({
  name: 'configs',
  routes: [
    route('accounts/:account/configs/:id', ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], ({ engine, req, accountId, params }) => {
      if (req.method === 'GET') return answer(engine, accountId, params.id);
      if (req.method === 'DELETE') {
        const existing = engine.store.get(accountId, docId(params.id));
        if (existing && !existing.deleted) engine.docs.remove(CONFIGS, accountId, docId(params.id));
        return answer(engine, accountId, params.id);
      }
      return write(engine, req, accountId, params.id);
    }),
  ],
});
