import { SecuritySchema } from '@audian/resources/schemas';
import { put, singleton } from '../account-singleton';
import { treeOf } from '../accounts-def';
import { deletedReply, docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/**
 * What `GET /v2/security` answers: `cb_security`'s `DEFAULT_AUTH_METHODS` (the system config's
 * `available_auth_methods` when it sets one), under that key (`summary_available/1`).
 */
const AVAILABLE_AUTH_METHODS: readonly string[] = ['cb_api_auth', 'cb_auth', 'cb_ip_auth', 'cb_user_auth'];

/** The auth modules every account inherits settings for. */
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
function security(engine: Engine, req: SandboxRequest, account: StoredDoc): Reply {
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

/** `GET /v2/security` (`cb_security:summary_available/1`): the auth methods the system offers. */
function authModules(): Reply {
  return { data: { available_auth_methods: [...AVAILABLE_AUTH_METHODS] }, envelope: { revision: 'automatic' } };
}

/**
 * `GET …/security/attempts` and `…/attempts/{ID}`: the sandbox logs no login attempts, so the
 * listing is empty and every attempt is unknown.
 */
function loginAttempts(attemptId?: string): Reply {
  if (attemptId !== undefined) throw badIdentifier(attemptId);
  return { data: [], envelope: { page_size: 0, revision: 'automatic' } };
}

/** `cb_security`: which auth modules an account may use, its own configuration and what it inherits. */
export const securityModule = defineModule({
  name: 'security',
  routes: [
    route('security', ['GET'], () => authModules()),
    route('accounts/:account/security', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, account }) => security(engine, req, account())),
    route('accounts/:account/security/attempts', ['GET'], () => loginAttempts()),
    route('accounts/:account/security/attempts/:id', ['GET'], ({ params }) => loginAttempts(params.id)),
  ],
});
