import { TokenRestrictionsSchema } from '@audian/resources/schemas';
import { put, singleton } from '../account-singleton';
import { deletedReply, docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier } from '../crossbar-error';
import type { Engine } from '../engine';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

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

/** `GET|POST|DELETE …/token_restrictions`: stored as given; never enforced by the sandbox. */
function tokenRestrictions(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const existing = singleton(engine, accountId, TOKEN_RESTRICTIONS, TOKEN_RESTRICTIONS.name);
  if (req.method === 'POST')
    return docReply(TOKEN_RESTRICTIONS, put(engine, accountId, TOKEN_RESTRICTIONS, TOKEN_RESTRICTIONS.name, req.data));
  // `cb_token_restrictions` loads the template for GET and DELETE: an account without one is a 404.
  if (!existing) throw badIdentifier(TOKEN_RESTRICTIONS.name);
  if (req.method === 'GET') return docReply(TOKEN_RESTRICTIONS, existing);
  return deletedReply(TOKEN_RESTRICTIONS, engine.docs.remove(TOKEN_RESTRICTIONS, accountId, TOKEN_RESTRICTIONS.name));
}

/** `cb_token_restrictions`: the account's token restrictions template. */
export const tokenRestrictionsModule = defineModule({
  name: 'token_restrictions',
  routes: [
    route('accounts/:account/token_restrictions', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId }) =>
      tokenRestrictions(engine, req, accountId),
    ),
  ],
});
