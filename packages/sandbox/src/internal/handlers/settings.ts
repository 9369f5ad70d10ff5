import { MetaflowsSchema, SecuritySchema, TokenRestrictionsSchema } from '@audian/resources/schemas';
import { ACCOUNTS, treeOf } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import type { ResourceDef } from '../resource-def';
import type { StoredDoc } from '../store';
import { deletedReply, docReply } from './collection';

/** The auth modules `GET /v2/security` offers (`cb_security`'s defaults). */
export const AUTH_MODULES: readonly string[] = ['cb_user_auth', 'cb_api_auth', 'cb_ip_auth', 'cb_ubiquiti_auth'];

/** The account's `crossbar.auth` configuration (`kapps_config_util:account_doc_id/1`). */
const SECURITY_ID = 'configs_crossbar.auth';

/** An account's own auth configuration: one document per account, id `configs_crossbar.auth`. */
export const SECURITY: ResourceDef = {
  name: 'security',
  type: 'account_config',
  schema: SecuritySchema,
  collectionVerbs: ['GET', 'POST', 'PATCH', 'DELETE'],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: () => SECURITY_ID,
};

/** The account's token restrictions template: one document per account, id `token_restrictions`. */
export const TOKEN_RESTRICTIONS: ResourceDef = {
  name: 'token_restrictions',
  type: 'token_restrictions',
  schema: TokenRestrictionsSchema,
  collectionVerbs: ['GET', 'POST', 'DELETE'],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: () => 'token_restrictions',
};

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

/** The stored singleton, or undefined when the account has none (never set, or deleted). */
function singleton(engine: Engine, accountId: string, def: ResourceDef, id: string): StoredDoc | undefined {
  const doc = engine.store.get(accountId, id);
  return doc && !doc.deleted && doc.type === def.type ? doc : undefined;
}

/** Writes a singleton: replaces the stored one, or creates it with its fixed id. */
function put(engine: Engine, accountId: string, def: ResourceDef, id: string, data: unknown): StoredDoc {
  const existing = singleton(engine, accountId, def, id);
  return existing ? engine.docs.replace(def, accountId, id, data) : engine.docs.create(def, accountId, data, { id });
}

/**
 * `GET|POST|DELETE …/metaflows`. KAZOO keeps the account's metaflows under `metaflows` on the
 * account document itself (`cb_metaflows`), so they also show in `GET /v2/accounts/{ID}`.
 */
export function metaflows(engine: Engine, req: SandboxRequest, account: StoredDoc): Reply {
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

/** What every account inherits when no ancestor configured a module: each module on, the sandbox's token lifetime. */
function systemAuthConfig(engine: Engine): JsonObject {
  const modules: JsonObject = {};
  for (const name of AUTH_MODULES) {
    modules[name] = {
      enabled: true,
      token_auth_expiry_s: engine.settings.tokenTtlSeconds,
      log_failed_attempts: true,
      log_successful_attempts: false,
    };
  }
  return modules;
}

/** The effective `auth_modules`: the nearest configured account, self first then up the tree, over the system defaults. */
function inheritedAuthModules(engine: Engine, account: StoredDoc): JsonObject {
  const chain = [account.id, ...treeOf(account.body).reverse()];
  for (const id of chain) {
    const own = singleton(engine, id, SECURITY, SECURITY_ID);
    if (own && isObject(own.body.auth_modules)) return deepMerge(systemAuthConfig(engine), own.body.auth_modules);
  }
  return systemAuthConfig(engine);
}

/** `GET|POST|PATCH|DELETE …/security`: the account's own auth configuration, and what it inherits. */
export function security(engine: Engine, req: SandboxRequest, account: StoredDoc): Reply {
  const existing = singleton(engine, account.id, SECURITY, SECURITY_ID);
  switch (req.method) {
    case 'GET': {
      const own = existing ? publicDoc(existing.body) : {};
      delete own.id;
      return {
        data: { account: own, inherited_config: { auth_modules: inheritedAuthModules(engine, account) } },
        envelope: { revision: existing ? String(existing.body._rev) : 'undefined' },
      };
    }
    case 'POST':
      return docReply(SECURITY, put(engine, account.id, SECURITY, SECURITY_ID, req.data));
    case 'PATCH': {
      if (!isObject(req.data)) return docReply(SECURITY, put(engine, account.id, SECURITY, SECURITY_ID, req.data));
      // Crossbar merges into the stored configuration, or into nothing when the account has none yet.
      const base = existing ? publicDoc(existing.body) : {};
      delete base.id;
      return docReply(SECURITY, put(engine, account.id, SECURITY, SECURITY_ID, deepMerge(base, stripReserved(req.data))));
    }
    default:
      if (!existing) throw new CrossbarError(404, 'bad_identifier', { cause: 'account does not have customize auth configuration' });
      return deletedReply(SECURITY, engine.docs.remove(SECURITY, account.id, SECURITY_ID));
  }
}

/** `GET /v2/security`: the auth modules an account may configure. */
export function authModules(): Reply {
  return { data: { available_auth_modules: [...AUTH_MODULES] }, envelope: { revision: 'automatic' } };
}

/**
 * `GET …/security/attempts` and `…/attempts/{ID}`: the sandbox logs no login attempts, so the
 * listing is empty and every attempt is unknown.
 */
export function loginAttempts(attemptId?: string): Reply {
  if (attemptId !== undefined) throw badIdentifier(attemptId);
  return { data: [], envelope: { page_size: 0, revision: 'automatic' } };
}

/** `GET|POST|DELETE …/token_restrictions`: stored as given; never enforced by the sandbox. */
export function tokenRestrictions(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const existing = singleton(engine, accountId, TOKEN_RESTRICTIONS, TOKEN_RESTRICTIONS.name);
  if (req.method === 'POST')
    return docReply(TOKEN_RESTRICTIONS, put(engine, accountId, TOKEN_RESTRICTIONS, TOKEN_RESTRICTIONS.name, req.data));
  // `cb_token_restrictions` loads the template for GET and DELETE: an account without one is a 404.
  if (!existing) throw badIdentifier(TOKEN_RESTRICTIONS.name);
  if (req.method === 'GET') return docReply(TOKEN_RESTRICTIONS, existing);
  return deletedReply(TOKEN_RESTRICTIONS, engine.docs.remove(TOKEN_RESTRICTIONS, accountId, TOKEN_RESTRICTIONS.name));
}
