import { MultiFactorConfigSchema } from '@audian/resources/schemas';
import * as z from 'zod/mini';
import { isSuperDuperAdmin } from '../billing-rights';
import { createdReply, itemDoc } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, forbidden } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, type JsonObject, stripReserved } from '../json';
import { rangedListing } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** Where the system's configurations (`system_auth` database) are kept: no account owns them. */
const SYSTEM_AUTH = 'system_auth';

/** `auth/providers_by_type` row of a configuration. */
function row(doc: JsonObject): JsonObject {
  return compact({
    id: doc._id,
    name: doc.name,
    enabled: doc.enabled,
    provider_name: doc.provider_name,
    provider_type: doc.pvt_provider_type,
  });
}

/** Multi-factor provider configurations (`provider` documents with `pvt_provider_type: multi_factor`). */
const CONFIGS: ResourceDef = {
  name: 'multi_factor',
  type: 'provider',
  schema: MultiFactorConfigSchema,
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET', 'POST', 'PATCH', 'DELETE'],
  summary: row,
  sortKey: (doc) => String(doc._id),
};

/** Multi-factor login attempts (`login_attempt`, in the MODB, `auth_type: multi_factor`). */
const ATTEMPTS: ResourceDef = {
  name: 'attempts',
  type: 'login_attempt',
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  summary: (doc) => ({ ...stripReserved(doc), id: doc._id }),
  sortKey: (doc) => Number(doc.pvt_created),
};

function configs(engine: Engine, scope: string): JsonObject[] {
  return engine.store
    .children(scope, CONFIGS.type, '')
    .filter((doc) => doc.body.pvt_provider_type === 'multi_factor')
    .map((doc) => row(doc.body));
}

/** `cb_multi_factor:summary/1`: the account's configurations beside the system's providers. */
function summary(engine: Engine, accountId: string): Reply {
  return {
    data: { configured: configs(engine, accountId), multi_factor_providers: configs(engine, SYSTEM_AUTH) },
    envelope: { revision: 'automatic' },
  };
}

/** `PUT` of a configuration (`cb_multi_factor:on_successful_validation/2` marks it a multi-factor provider). */
function create(engine: Engine, req: SandboxRequest, scope: string): Reply {
  return createdReply(CONFIGS, req, engine.docs.create(CONFIGS, scope, req.data, { private: { pvt_provider_type: 'multi_factor' } }));
}

/** `GET …/multi_factor/attempts/{ATTEMPT_ID}` (`read_attempt_log/2`): a MODB id of a `login_attempt`. */
function attempt(engine: Engine, accountId: string, id: string): Reply {
  const doc = /^\d{6}-/.test(id) ? engine.store.get(accountId, id) : undefined;
  if (!doc || doc.deleted || doc.type !== ATTEMPTS.type) throw badIdentifier(id);
  return { data: ATTEMPTS.summary(doc.body), envelope: { revision: String(doc.body._rev) } };
}

/**
 * `cb_multi_factor:authorize_system_multi_factor/3`: listing the system's configurations is open
 * to any login; creating, reading and changing one is for super-duper admins; deleting one is
 * refused to everyone.
 */
function system(engine: Engine, req: SandboxRequest, id?: string): Reply {
  const listing = id === undefined && req.method === 'GET';
  if (!listing && (req.method === 'DELETE' || !req.auth || !isSuperDuperAdmin(engine, req.auth.accountId))) throw forbidden();
  if (listing) return { data: configs(engine, SYSTEM_AUTH), envelope: { revision: 'automatic' } };
  if (id === undefined) return create(engine, req, SYSTEM_AUTH);
  return itemDoc(engine, req, SYSTEM_AUTH, CONFIGS, id);
}

/** `cb_multi_factor`: multi-factor provider configurations of the account and of the system, and the attempts. */
export const multiFactorModule = defineModule({
  name: 'multi_factor',
  routes: [
    route('accounts/:account/multi_factor', ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'GET' ? summary(engine, accountId) : create(engine, req, accountId),
    ),
    route('accounts/:account/multi_factor/attempts', ['GET'], ({ engine, req, accountId }) =>
      rangedListing(engine, req, accountId, ATTEMPTS, (doc) => doc.auth_type === 'multi_factor'),
    ),
    route('accounts/:account/multi_factor/attempts/:id', ['GET'], ({ engine, accountId, params }) => attempt(engine, accountId, params.id)),
    route('accounts/:account/multi_factor/:id', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, accountId, params }) =>
      itemDoc(engine, req, accountId, CONFIGS, params.id),
    ),
    route('multi_factor', ['GET', 'PUT'], ({ engine, req }) => system(engine, req)),
    route('multi_factor/:id', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, params }) => system(engine, req, params.id)),
  ],
});
