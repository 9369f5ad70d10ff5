import { tokenInfo } from '../auth-replies';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { defineModule, route } from '../sandbox-module';

/**
 * `GET /v2/token_auth` (the token's auth document) and `DELETE /v2/token_auth`. The delete
 * (`cb_token_auth:delete/1`) removes a token document a JWT never had: the token keeps working
 * until it expires.
 */
function tokenAuth(engine: Engine, req: SandboxRequest): Reply {
  const auth = engine.authenticate(req);
  if (req.method === 'DELETE') return { noData: true, envelope: { revision: 'undefined' } };
  return { data: tokenInfo(engine, auth.token), envelope: { revision: 'automatic' } };
}

/** `cb_token_auth`: the token's own auth document, and logout (which does not revoke a JWT). */
export const tokenAuthModule = defineModule({
  name: 'token_auth',
  routes: [route('token_auth', ['GET', 'DELETE'], ({ engine, req }) => tokenAuth(engine, req), { public: true })],
});
