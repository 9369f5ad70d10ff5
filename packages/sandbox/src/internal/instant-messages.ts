import { createdReply, deletedReply, docReply } from './collection';
import type { Reply, SandboxRequest } from './context';
import type { Engine } from './engine';
import { newModbId } from './ids';
import { compact, getPath } from './json';
import { rangedListing } from './listing';
import type { ResourceDef } from './resource-def';
import { type RouteSpec, route } from './sandbox-module';

/**
 * The first caller id number at one of `paths` on the sending user, then on the account
 * (`kzd_caller_id`'s lookup order), or undefined.
 */
export function callerIdNumber(
  engine: Engine,
  accountId: string,
  ownerId: string | undefined,
  paths: readonly string[],
): string | undefined {
  const sources: unknown[] = [];
  if (ownerId) sources.push(engine.store.get(accountId, ownerId)?.body);
  sources.push(engine.account(accountId)?.body);
  for (const path of paths) {
    for (const doc of sources) {
      const number = getPath(doc, path);
      if (typeof number === 'string' && number !== '') return number;
    }
  }
  return undefined;
}

/**
 * Stores a message sent through the API (`kz_im`, shared by `cb_sms` and `cb_mms`): in the MODB
 * under a `YYYYMM-` id, `queued`, authorised by the sending user or the account. Nothing is
 * delivered. `def` carries the module's own checks and addressing (`prepare`).
 */
export function storeQueuedMessage(engine: Engine, req: SandboxRequest, accountId: string, def: ResourceDef): Reply {
  const ownerId = req.auth?.ownerId;
  const doc = engine.docs.create(def, accountId, req.data, {
    id: newModbId(engine.clock.unix()),
    private: compact({
      pvt_status: 'queued',
      pvt_origin: 'api',
      pvt_authorization_type: ownerId ? 'user' : 'account',
      pvt_authorization: ownerId ?? accountId,
      pvt_owner_id: ownerId,
    }),
  });
  return createdReply(def, req, doc);
}

/** A messaging module's endpoints: list by creation time and send; read and delete one. */
export function messageRoutes(def: ResourceDef, send: (engine: Engine, req: SandboxRequest, accountId: string) => Reply): RouteSpec[] {
  return [
    route(`accounts/:account/${def.name}`, ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'PUT' ? send(engine, req, accountId) : rangedListing(engine, req, accountId, def),
    ),
    route(`accounts/:account/${def.name}/:id`, ['GET', 'DELETE'], ({ engine, req, accountId, params }) =>
      req.method === 'GET'
        ? docReply(def, engine.docs.load(accountId, def, params.id))
        : deletedReply(def, engine.docs.remove(def, accountId, params.id)),
    ),
  ];
}
