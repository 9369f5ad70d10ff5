import * as schemas from '@audian/resources/schemas';
import { docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import type { JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** The `limits` document of an account (one per account, id `limits`). */
export const LIMITS: ResourceDef = {
  name: 'limits',
  type: 'limits',
  schema: schemas.LimitsSchema,
  collectionVerbs: ['GET', 'POST'],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: () => 'limits',
};

/** `GET|POST …/limits`. */
function limits(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const existing = engine.store.get(accountId, 'limits');
  if (req.method === 'GET') {
    if (existing && !existing.deleted) return docReply(LIMITS, existing);
    const defaults = schemas.LimitsSchema.parse({}) as JsonObject;
    return { data: { ...defaults, id: 'limits' }, envelope: { revision: 'undefined' } };
  }
  if (existing && !existing.deleted) return docReply(LIMITS, engine.docs.replace(LIMITS, accountId, 'limits', req.data));
  return docReply(LIMITS, engine.docs.create(LIMITS, accountId, req.data, { id: 'limits' }));
}

/** `cb_limits`: the account's trunk and call limits (one document, id `limits`). */
export const limitsModule = defineModule({
  name: 'limits',
  routes: [route('accounts/:account/limits', ['GET', 'POST'], ({ engine, req, accountId }) => limits(engine, req, accountId))],
});
